package org.newslens.pipeline;

import java.util.List;
import org.newslens.io.Table;

/** One NewsLens job: reads the tables of the jobs before it, writes its own. */
public interface Job {
    /** The name users type: {@code jobs/<name>}. */
    String name();

    /** Tables this job reads; each must exist (from an earlier run or an earlier job of this run). */
    List<Table> inputs();

    /** Tables this job writes. */
    List<Table> outputs();

    /** Whether the job needs a SparkSession (the report reads Parquet directly and does not). */
    default boolean needsSpark() {
        return true;
    }

    void run(JobContext context) throws Exception;
}
