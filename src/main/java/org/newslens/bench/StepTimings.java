package org.newslens.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Where a stage's time goes without the Spark UI: for each job description (the step labels the jobs and
 * {@code TableStore.write} set, e.g. "write tokens"), the wall time from its first Spark job's start to its
 * last job's end. Steps run one after another, but adaptive execution runs a step's jobs concurrently, so a
 * span is measured rather than a sum; what the spans leave of a stage's time is driver work (planning,
 * listing, committing).
 */
final class StepTimings extends SparkListener {
    private final Map<Integer, Long> started = new HashMap<>();
    private final Map<Integer, String> descriptions = new HashMap<>();
    private final Map<String, long[]> byStep = new LinkedHashMap<>();

    @Override
    public synchronized void onJobStart(SparkListenerJobStart jobStart) {
        String description = jobStart.properties() == null ? null
                : jobStart.properties().getProperty("spark.job.description");
        started.put(jobStart.jobId(), jobStart.time());
        descriptions.put(jobStart.jobId(), description == null ? "(no label)" : description);
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd jobEnd) {
        Long t0 = started.remove(jobEnd.jobId());
        String step = descriptions.remove(jobEnd.jobId());
        if (t0 != null) {
            // first start, last end, jobs
            long[] span = byStep.computeIfAbsent(step, s -> new long[] {t0, t0, 0});
            span[0] = Math.min(span[0], t0);
            span[1] = Math.max(span[1], jobEnd.time());
            span[2]++;
        }
    }

    /** The steps since the last call, as "step: seconds (jobs)" lines, and starts counting afresh. */
    synchronized List<String> drain() {
        List<String> lines = new ArrayList<>();
        byStep.forEach((step, v) -> lines.add(
                String.format("%-50s %6.1f s  (%d Spark jobs)", step, (v[1] - v[0]) / 1000.0, v[2])));
        byStep.clear();
        return lines;
    }
}
