package org.newslens.pipeline;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One progress line every few seconds while a stage runs: the tasks done of the Spark jobs the stage has
 * started so far (its job group is the stage's name), the jobs finished, and the time since the stage began.
 * A stage starts its Spark jobs one after another, so the share is of the work known so far, not of the stage.
 * Lines come from Spark's listener thread when a task ends, so a stage whose tasks all run long prints none
 * until the first ends.
 */
public final class StageProgress extends SparkListener {
    private static final Logger LOG = LoggerFactory.getLogger(StageProgress.class);
    static final long INTERVAL_NANOS = 10_000_000_000L;
    private static final String JOB_GROUP = "spark.jobGroup.id";
    private static final Map<SparkContext, StageProgress> ATTACHED = new HashMap<>();

    /** Counts of one stage (one job group). */
    private static final class Counts {
        final long started = System.nanoTime();
        int jobsStarted;
        int jobsDone;
        long tasks;
        long tasksDone;
    }

    private final Map<String, Counts> byGroup = new HashMap<>();
    private final Map<Integer, String> groupOfSparkStage = new HashMap<>();
    private final Map<Integer, String> groupOfJob = new HashMap<>();
    private long lastLine = System.nanoTime();

    /** The listener of this context, registered on first use. */
    public static synchronized StageProgress attach(SparkContext context) {
        return ATTACHED.computeIfAbsent(context, c -> {
            StageProgress progress = new StageProgress();
            c.addSparkListener(progress);
            return progress;
        });
    }

    /** Starts the counts of a stage afresh (a session may run the same stage again). */
    public synchronized void begin(String group) {
        byGroup.put(group, new Counts());
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart jobStart) {
        String group =
                jobStart.properties() == null ? null : jobStart.properties().getProperty(JOB_GROUP);
        if (group == null) {
            return;
        }
        Counts counts = byGroup.computeIfAbsent(group, g -> new Counts());
        counts.jobsStarted++;
        groupOfJob.put(jobStart.jobId(), group);
    }

    /** Counts the tasks of the Spark stages that run (a job's stages whose output is reused are skipped). */
    @Override
    public synchronized void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        String group =
                submitted.properties() == null ? null : submitted.properties().getProperty(JOB_GROUP);
        Counts counts = group == null ? null : byGroup.get(group);
        if (counts != null) {
            StageInfo stage = submitted.stageInfo();
            groupOfSparkStage.put(stage.stageId(), group);
            counts.tasks += stage.numTasks();
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        String group = groupOfSparkStage.get(taskEnd.stageId());
        Counts counts = group == null ? null : byGroup.get(group);
        if (counts == null || !taskEnd.taskInfo().successful()) {
            return; // a failed task is retried and counted when it succeeds
        }
        counts.tasksDone++;
        long now = System.nanoTime();
        if (now - lastLine >= INTERVAL_NANOS) {
            lastLine = now;
            LOG.info("{}", line(group, counts, now));
        }
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd jobEnd) {
        String group = groupOfJob.remove(jobEnd.jobId());
        if (group != null) {
            byGroup.get(group).jobsDone++;
        }
    }

    /**
     * The stage's totals for its closing line, e.g. " (12 Spark jobs, 480 tasks)"; empty when it ran none. Spark
     * delivers listener events asynchronously, so the last few tasks may not be counted yet.
     */
    public synchronized String totals(String group) {
        Counts counts = byGroup.get(group);
        return counts == null || counts.jobsStarted == 0
                ? ""
                : String.format(" (%d Spark jobs, %d tasks)", counts.jobsStarted, counts.tasksDone);
    }

    static String line(String group, Counts counts, long now) {
        return String.format(
                "%s: %d %% of the tasks started so far done (%d of %d), %d of %d Spark jobs finished, %.0f s",
                group,
                counts.tasks == 0 ? 0 : 100 * counts.tasksDone / counts.tasks,
                counts.tasksDone,
                counts.tasks,
                counts.jobsDone,
                counts.jobsStarted,
                (now - counts.started) / 1e9);
    }
}
