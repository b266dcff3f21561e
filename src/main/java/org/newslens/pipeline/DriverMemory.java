package org.newslens.pipeline;

import java.util.List;
import org.newslens.config.SettingsException;
import org.newslens.config.Settings;
import org.newslens.topics.FitMemory;

/**
 * Fails a run that includes topics before any work when the driver's heap is below what the topics fit needs
 * ({@link FitMemory}), naming the setting to raise; otherwise the fit would run out of memory at the end of a
 * long run (spark-submit's default driver heap is 1 GB).
 */
final class DriverMemory {
    private static final long MIB = 1L << 20;

    private DriverMemory() {
    }

    static void check(List<Job> jobs, Settings settings, long corpusBytes, long maxHeapBytes) {
        if (jobs.stream().noneMatch(job -> job.name().equals("topics"))) {
            return;
        }
        long needed = FitMemory.driverBytes(settings, corpusBytes);
        if (maxHeapBytes >= needed) {
            return;
        }
        long suggestedGiB = (needed + (1L << 30) - 1) >> 30;
        throw new SettingsException(String.format(
                "The topics fit runs in the driver and needs about %d MiB of heap for %.1f MB of corpus with %s, "
                        + "but the driver has %d MiB. Raise the driver's memory: spark.driver.memory (spark-submit "
                        + "--driver-memory %dg), or NEWSLENS_MEMORY=%dg for jobs/ run without SPARK_HOME; "
                        + "or lower topics.fit-docs or topics.vocab-size.",
                needed / MIB, corpusBytes / 1e6, FitMemory.describe(settings), maxHeapBytes / MIB,
                suggestedGiB, suggestedGiB));
    }
}
