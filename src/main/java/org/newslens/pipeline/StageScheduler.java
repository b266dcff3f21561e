package org.newslens.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.newslens.config.CoreSettings;
import org.newslens.config.Settings;
import org.newslens.io.JobLabels;
import org.newslens.io.PendingTables;
import org.newslens.io.Table;
import org.newslens.io.TableStore;

/**
 * Runs the Spark stages of a run, each as soon as the stages it depends on have ended, side by side where none
 * depends on another: an append's terms, entities and topics, say, read only what ingest and annotate wrote. A
 * stage depends on an earlier one when it reads a table the earlier one writes, or writes a table the earlier one
 * reads or writes. Side by side, one stage's tasks use the cores another leaves idle while its driver plans,
 * waits for its last task or works alone. With {@code parallel-stages=false} they run one after another.
 */
final class StageScheduler {
    /** How often the Spark jobs of the stages still running are cancelled again after a failure, until they end. */
    private static final long CANCEL_EVERY_MS = 200;

    /** A stage that ended: its place in the run's order, and its failure (null when it succeeded). */
    private record Ended(int stage, Throwable failure) {}

    private final List<Job> jobs;
    private final Settings settings;
    private final SparkSession spark;
    private final TableStore tables;
    private final AppendBase base;
    /** Set when a stage failed: stages submitted but not begun then do not run. */
    private volatile boolean stopping;

    StageScheduler(List<Job> jobs, Settings settings, SparkSession spark, TableStore tables, AppendBase base) {
        this.jobs = jobs;
        this.settings = settings;
        this.spark = spark;
        this.tables = tables;
        this.base = base;
    }

    /**
     * Runs every stage (none after ingest finds nothing new: see {@link RunSummary#upToDate()}) and adds their
     * figures to {@code summary} in the run's order. When a stage fails, no stage starts any more, and the Spark jobs
     * of those still running are cancelled until each has ended; then the first failure is thrown, with the others
     * (mostly cancellations it caused) attached as suppressed.
     */
    void runAll(RunSummary summary) throws Exception {
        List<Set<Integer>> dependencies = dependencies(jobs, settings);
        PendingTables pending = tables.pending();
        for (int i = 0; i < jobs.size(); i++) {
            pending.expect(i, jobs.get(i).outputs());
        }
        RunSummary[] stageSummaries = new RunSummary[jobs.size()];
        Set<Integer> started = new HashSet<>();
        Set<Integer> ended = new HashSet<>();
        Set<Integer> running = new HashSet<>();
        List<String> sinceRelease = new ArrayList<>();
        Throwable failure = null;
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "newslens-stage");
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<Ended> endings = new ExecutorCompletionService<>(pool);
        try {
            while (true) {
                for (int i = 0; i < jobs.size() && failure == null; i++) {
                    if (started.contains(i) || !ended.containsAll(dependencies.get(i))) {
                        continue;
                    }
                    started.add(i);
                    if (summary.upToDate()) { // the input holds nothing new: the stages after ingest have nothing to do
                        ended.add(i);
                        pending.done(i);
                        continue;
                    }
                    stageSummaries[i] = summary.forStage();
                    running.add(i);
                    endings.submit(stageTask(i, stageSummaries[i]));
                }
                if (running.isEmpty()) {
                    break;
                }
                Future<Ended> next;
                try {
                    next = failure == null ? endings.take() : endings.poll(CANCEL_EVERY_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    failure = failed(failure, e, running, pending, "the run was interrupted");
                    continue;
                }
                if (next == null) {
                    cancelSparkJobs(running); // a stage may have started another Spark job since
                    continue;
                }
                Ended end = next.get(); // never throws: the stage's task catches everything
                running.remove(end.stage());
                ended.add(end.stage());
                sinceRelease.add(jobs.get(end.stage()).name());
                if (end.failure() != null) {
                    String why = "the " + jobs.get(end.stage()).name() + " stage failed";
                    failure = failed(failure, end.failure(), running, pending, why);
                } else if (running.isEmpty() && failure == null) {
                    try { // nothing runs: what the stages that ended left cached can go
                        StageLeftovers.release(spark, String.join(", ", sinceRelease));
                        sinceRelease.clear();
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        for (RunSummary stageSummary : stageSummaries) {
            if (stageSummary != null) {
                summary.add(stageSummary);
            }
        }
    }

    /** A stage's run on its own thread; one not begun when another stage failed does not run. */
    private Callable<Ended> stageTask(int stage, RunSummary stageSummary) {
        Job job = jobs.get(stage);
        return () -> {
            PendingTables pending = tables.pending();
            pending.workFor(stage);
            try {
                if (stopping) {
                    throw new CancellationException("the " + job.name() + " stage did not start: another stage failed");
                }
                Pipeline.runJob(job, new JobContext(spark, settings, tables, stageSummary, base));
                return new Ended(stage, null);
            } catch (Exception | Error e) {
                // Before its tables count as done: a stage waiting for one gives up rather than read the old copy.
                pending.fail("the " + job.name() + " stage failed", e);
                return new Ended(stage, e);
            } finally {
                pending.done(stage);
                JobLabels.endStage(spark);
            }
        };
    }

    /**
     * The run's failure after {@code problem}: the first one stays the failure and later ones join it as suppressed,
     * except that a stage's own error comes before a cancellation (which another stage's failure caused, and may
     * have reached here first). On the first, no stage starts any more, reads that wait for a table give up, and the
     * Spark jobs of the stages still running are cancelled.
     */
    private Throwable failed(
            Throwable failure, Throwable problem, Set<Integer> running, PendingTables pending, String why) {
        if (failure instanceof CancellationException && !(problem instanceof CancellationException)) {
            problem.addSuppressed(failure);
            return problem;
        }
        if (failure != null) {
            if (problem != failure) {
                failure.addSuppressed(problem);
            }
            return failure;
        }
        stopping = true;
        pending.fail(why, problem);
        cancelSparkJobs(running);
        return problem;
    }

    /** Cancels the running Spark jobs of these stages, so that each stage fails at its Spark job and ends. */
    private void cancelSparkJobs(Set<Integer> running) {
        for (int stage : running) {
            try {
                spark.sparkContext().cancelJobGroup(jobs.get(stage).name());
            } catch (IllegalStateException stopped) {
                // A stopped context has no jobs to cancel.
            }
        }
    }

    /**
     * For each stage, the earlier stages it must wait for: all of them when stages are not to run side by side,
     * else those it conflicts with over a table.
     */
    static List<Set<Integer>> dependencies(List<Job> jobs, Settings settings) {
        boolean parallel = settings.get(CoreSettings.PARALLEL_STAGES);
        List<Set<Integer>> dependencies = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Set<Integer> before = new HashSet<>();
            for (int j = 0; j < i; j++) {
                if (!parallel || conflict(jobs.get(j), jobs.get(i), settings)) {
                    before.add(j);
                }
            }
            dependencies.add(before);
        }
        return dependencies;
    }

    /** Whether the later job reads what the earlier writes, or writes what the earlier reads or writes. */
    private static boolean conflict(Job earlier, Job later, Settings settings) {
        Set<Table> earlierReads = reads(earlier, settings);
        Set<Table> laterReads = reads(later, settings);
        return later.outputs().stream()
                        .anyMatch(table -> earlierReads.contains(table)
                                || earlier.outputs().contains(table))
                || earlier.outputs().stream().anyMatch(laterReads::contains);
    }

    private static Set<Table> reads(Job job, Settings settings) {
        Set<Table> reads = new HashSet<>(job.inputs());
        reads.addAll(job.optionalInputs(settings));
        return reads;
    }

    /** The stages and the earlier ones each waits for, by name (for the log). */
    static Map<String, List<String>> describe(List<Job> jobs, Settings settings) {
        Map<String, List<String>> waits = new LinkedHashMap<>();
        List<Set<Integer>> dependencies = dependencies(jobs, settings);
        for (int i = 0; i < jobs.size(); i++) {
            waits.put(
                    jobs.get(i).name(),
                    dependencies.get(i).stream()
                            .sorted()
                            .map(j -> jobs.get(j).name())
                            .toList());
        }
        return waits;
    }
}
