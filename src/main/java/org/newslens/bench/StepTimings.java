package org.newslens.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Where a stage's time goes without the Spark UI: for each job description (the step labels the jobs and
 * {@code TableStore.write} set, e.g. "write tokens"), the wall time during which at least one of its Spark jobs
 * ran. Adaptive execution runs a step's jobs concurrently, so their intervals are merged, not summed; what the
 * steps leave of a stage's time is driver work (planning, listing, committing).
 */
final class StepTimings extends SparkListener {
    private final Map<Integer, Long> started = new HashMap<>();
    private final Map<Integer, String> descriptions = new HashMap<>();
    /** Per step, the [start, end] milliseconds of each finished job. */
    private final Map<String, List<long[]>> byStep = new LinkedHashMap<>();

    @Override
    public synchronized void onJobStart(SparkListenerJobStart jobStart) {
        String description =
                jobStart.properties() == null ? null : jobStart.properties().getProperty("spark.job.description");
        started.put(jobStart.jobId(), jobStart.time());
        descriptions.put(jobStart.jobId(), description == null ? "(no label)" : description);
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd jobEnd) {
        Long t0 = started.remove(jobEnd.jobId());
        String step = descriptions.remove(jobEnd.jobId());
        if (t0 != null) {
            byStep.computeIfAbsent(step, s -> new ArrayList<>()).add(new long[] {t0, jobEnd.time()});
        }
    }

    /** How many Spark jobs finished since the last {@link #drain}. */
    synchronized int jobCount() {
        return byStep.values().stream().mapToInt(List::size).sum();
    }

    /** The steps since the last call, as "step: seconds (jobs)" lines, and starts counting afresh. */
    synchronized List<String> drain() {
        List<String> lines = new ArrayList<>();
        byStep.forEach((step, jobs) -> lines.add(
                String.format("%-58s %6.1f s  (%d Spark jobs)", step, unionMillis(jobs) / 1000.0, jobs.size())));
        byStep.clear();
        return lines;
    }

    /** Length of the union of the intervals: overlapping jobs count once. */
    static long unionMillis(List<long[]> intervals) {
        List<long[]> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingLong(i -> i[0]));
        long total = 0;
        long start = Long.MIN_VALUE;
        long end = Long.MIN_VALUE;
        for (long[] interval : sorted) {
            if (interval[0] > end) {
                total += end - start;
                start = interval[0];
                end = interval[1];
            } else {
                end = Math.max(end, interval[1]);
            }
        }
        return total + (end - start);
    }
}
