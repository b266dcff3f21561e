package org.newslens.pipeline;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.newslens.config.Settings;
import org.newslens.io.Table;

/** One NewsLens job: reads the tables of the jobs before it, writes its own. */
public interface Job {
    /** The name users type: {@code jobs/<name>}. */
    String name();

    /** Tables this job reads; each must exist (from an earlier run or an earlier job of this run). */
    List<Table> inputs();

    /** Tables this job writes. */
    List<Table> outputs();

    /**
     * Tables this job reads when they are there, with these settings, beside its {@link #inputs()}: a job of the same
     * run that writes one finishes before this one starts (see {@link StageScheduler}).
     */
    default List<Table> optionalInputs(Settings settings) {
        return List.of();
    }

    /** Whether the job needs a SparkSession (the report reads Parquet directly and does not). */
    default boolean needsSpark() {
        return true;
    }

    /**
     * Checks this job's settings (those a single setting's parser cannot check alone) and throws a
     * {@link org.newslens.config.SettingsException} naming the key and the allowed values. The pipeline calls it
     * for every job of a run before any job starts, so a bad value never fails a run halfway.
     */
    default void validate(Settings settings) {}

    /**
     * Driver heap, in bytes, this job needs for a corpus of {@code corpusBytes} (0: nothing beyond the default);
     * the pipeline fails a run before any work when the driver has less.
     */
    default long driverBytes(Settings settings, long corpusBytes) {
        return 0;
    }

    /**
     * Bytes of the corpus this job reads from outside the output (its {@code --input}), or -1 when it reads
     * none; the pipeline sizes the run's defaults (shuffle partitions, driver memory) by it before any work.
     */
    default long inputBytes(Settings settings, Configuration conf) throws IOException {
        return -1;
    }

    /** The settings behind {@link #driverBytes}, in words, for the message that asks for more memory. */
    default String driverBytesDrivenBy(Settings settings) {
        return "";
    }

    /**
     * Starts, on a background thread, loading what this job's tasks will need (a model), so that it overlaps the
     * jobs before it. The pipeline calls it at the start of a run whose tasks run in the driver's JVM (embedded,
     * or a local master), so they share what it loads; {@code corpusBytes} is the size the run's defaults are
     * chosen by (0 when it could not be measured).
     */
    default void warmUp(Settings settings, long corpusBytes) {}

    void run(JobContext context) throws Exception;
}
