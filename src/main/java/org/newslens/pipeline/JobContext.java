package org.newslens.pipeline;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.newslens.config.Settings;
import org.newslens.io.TableStore;

/**
 * What a job gets to work with: the session, the settings, the tables, the run summary and, in an append run,
 * the output it adds to ({@code appendBase}, null in a full run).
 */
public record JobContext(
        SparkSession spark, Settings settings, TableStore tables, RunSummary summary, AppendBase appendBase) {

    public JobContext(SparkSession spark, Settings settings, TableStore tables, RunSummary summary) {
        this(spark, settings, tables, summary, null);
    }

    /** The output this run adds to, when it is an append run. */
    public Optional<AppendBase> append() {
        return Optional.ofNullable(appendBase);
    }
}
