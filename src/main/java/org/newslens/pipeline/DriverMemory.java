package org.newslens.pipeline;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
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

    /** As {@link #check(List, Settings, long, long, long)} for a JVM whose usable heap is its whole heap limit. */
    static void check(List<Job> jobs, Settings settings, long corpusBytes, long maxHeapBytes) {
        check(jobs, settings, corpusBytes, maxHeapBytes, maxHeapBytes);
    }

    /**
     * @param maxHeapBytes the heap the driver can use ({@link Runtime#maxMemory()})
     * @param heapLimitBytes the heap it was given (-Xmx): more than it can use under the parallel collector, which
     *     does not count one survivor space, so the heap suggested is scaled up by the same share
     */
    static void check(List<Job> jobs, Settings settings, long corpusBytes, long maxHeapBytes, long heapLimitBytes) {
        for (Job job : jobs) {
            long needed = job.driverBytes(settings, corpusBytes);
            if (maxHeapBytes >= needed) {
                continue;
            }
            double given = (double) Math.max(heapLimitBytes, maxHeapBytes) / maxHeapBytes;
            long suggestedGiB = (long) Math.ceil(needed * given / (1L << 30));
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

    /** This JVM's -Xmx (HotSpot's MaxHeapSize), or {@code maxHeapBytes} where the JVM does not say. */
    static long heapLimit(long maxHeapBytes) {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Math.max(
                    maxHeapBytes,
                    Long.parseLong(hotSpot.getVMOption("MaxHeapSize").getValue()));
        } catch (RuntimeException e) { // another JVM, or no such option
            return maxHeapBytes;
        }
    }
}
