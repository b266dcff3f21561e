package org.newslens.pipeline;

import java.util.List;
import org.apache.spark.sql.Row;
import org.newslens.io.Table;

/**
 * What a stage does when the corpus has no documents (an empty input, or every input rejected): there is
 * nothing to aggregate or fit, so it writes each of its tables empty, with the declared schema, and says so
 * in the run summary. Readers then find every table, as after any other run.
 */
public final class NoDocuments {
    private NoDocuments() {}

    /** Writes every output table of {@code job} with no rows and notes it in the summary. */
    public static void writeEmptyTables(Job job, JobContext context) {
        for (Table table : job.outputs()) {
            context.tables().write(table, context.spark().createDataFrame(List.<Row>of(), table.schema()));
        }
        context.summary().note(job.name() + ": no documents, so its tables are written empty");
    }
}
