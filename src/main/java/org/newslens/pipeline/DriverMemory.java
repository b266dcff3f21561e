package org.newslens.pipeline;

import java.util.List;
import org.newslens.config.Settings;
import org.newslens.config.SettingsException;

/**
 * Fails a run before any work when the driver's heap is below what one of its jobs needs there
 * ({@link Job#driverBytes}: the topics fit), naming the setting to raise; otherwise the job would run out of
 * memory at the end of a long run (spark-submit's default driver heap is 1 GB).
 */
final class DriverMemory {
    private static final long MIB = 1L << 20;

    private DriverMemory() {}

    static void check(List<Job> jobs, Settings settings, long corpusBytes, long maxHeapBytes) {
        for (Job job : jobs) {
            long needed = job.driverBytes(settings, corpusBytes);
            if (maxHeapBytes >= needed) {
                continue;
            }
            long suggestedGiB = (needed + (1L << 30) - 1) >> 30;
            throw new SettingsException(String.format(
                    "The %s job needs about %d MiB of driver heap for %.1f MB of corpus with %s, but the driver has "
                            + "%d MiB. Raise the driver's memory: spark.driver.memory (spark-submit --driver-memory "
                            + "%dg), or NEWSLENS_MEMORY=%dg for jobs/ run without SPARK_HOME; or lower those settings.",
                    job.name(),
                    needed / MIB,
                    corpusBytes / 1e6,
                    job.driverBytesDrivenBy(settings),
                    maxHeapBytes / MIB,
                    suggestedGiB,
                    suggestedGiB));
        }
    }
}
