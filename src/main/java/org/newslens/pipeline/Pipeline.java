package org.newslens.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.newslens.config.CoreSettings;
import org.newslens.config.Settings;
import org.newslens.config.SettingsException;
import org.newslens.io.HadoopConf;
import org.newslens.io.JobLabels;
import org.newslens.io.MissingTableException;
import org.newslens.io.OutputLock;
import org.newslens.io.RunFolders;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one or more jobs on one session, side by side where neither needs the other's tables ({@link
 * StageScheduler}). Checks every job's settings and every precondition before touching output, holds the output's
 * lock for the run, labels each stage's Spark jobs, and commits the run (tables, manifest, report) as a whole only
 * when every job succeeded.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private Pipeline() {}

    public static RunSummary run(List<Job> jobs, Settings settings) throws Exception {
        Instant started = Instant.now();
        RunLogging.apply(settings.get(CoreSettings.LOG_LEVEL));
        for (Job job : jobs) {
            job.validate(settings);
        }
        Configuration conf = HadoopConf.forSession(null);
        Path output = checkPreconditions(jobs, settings, conf);
        boolean sparkNeeded = jobs.stream().anyMatch(Job::needsSpark);
        if (!sparkNeeded) {
            // Only the report: it reads the current run and adds its page there; no tables change.
            RunSummary summary = new RunSummary();
            for (Job job : jobs) {
                runJob(job, new JobContext(null, settings, null, summary));
            }
            return summary;
        }
        boolean append = CoreSettings.isAppend(settings);
        if (append) {
            AppendBase.load(output, conf, settings); // refuses before the lock creates anything under the output
        }
        String runId = started.toString().replaceAll("[^0-9]", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        try (OutputLock lock = OutputLock.acquire(
                output, runId, conf, Duration.ofHours(settings.get(CoreSettings.LOCK_STALE_HOURS)))) {
            // Loaded again under the lock: another run may have committed in between.
            AppendBase base = append ? AppendBase.load(output, conf, settings) : null;
            return runLocked(jobs, settings, runId, started, base);
        }
    }

    /**
     * Runs the jobs into a new run folder and commits it. Spark jobs write their tables there; the folder is
     * then completed with the current run's other tables, jobs without Spark (the report) run on it, the
     * manifest is written beside the tables, and only then does the folder become the current run. A
     * failure (or a kill) anywhere before that leaves the current run as it was.
     */
    private static RunSummary runLocked(
            List<Job> jobs, Settings settings, String runId, Instant started, AppendBase base) throws Exception {
        SparkSession spark = SparkSessions.getOrCreate();
        // Spark may load its own log4j2 defaults while it starts (when it finds log4j unconfigured), undoing
        // the levels set at the start of the run: set them again now that it has.
        RunLogging.apply(settings.get(CoreSettings.LOG_LEVEL));
        TableStore tables = new TableStore(spark, settings.get(CoreSettings.OUTPUT), runId);
        tables.knowPreviousRowCounts(RunManifest.previousRowCounts(tables));
        long corpusBytes =
                CorpusSize.bytes(jobs, settings, tables, spark.sparkContext().hadoopConfiguration(), base != null);
        long maxHeap = Runtime.getRuntime().maxMemory();
        DriverMemory.check(jobs, settings, corpusBytes, maxHeap, DriverMemory.heapLimit(maxHeap));
        ShufflePartitions.apply(spark, corpusBytes);
        CodeGeneration.apply(spark, corpusBytes);
        if (spark.sparkContext().isLocal()) { // the tasks run in this JVM and share what it loads
            for (Job job : jobs) {
                job.warmUp(settings, corpusBytes);
            }
        }
        RunSummary summary = new RunSummary();
        try {
            List<Job> sparkJobs = jobs.stream().filter(Job::needsSpark).toList();
            LOG.info("Stages and the stages each waits for: {}", StageScheduler.describe(sparkJobs, settings));
            new StageScheduler(sparkJobs, settings, spark, tables, base).runAll(summary);
            if (summary.upToDate()) {
                summary.note("append: the input holds nothing new; every table is kept as it was");
            }
            tables.carryOver();
            for (Job job : jobs) {
                if (!job.needsSpark()) {
                    runJob(job, new JobContext(spark, settings, tables, summary, base));
                }
            }
            RunManifest.write(tables, settings, summary, runId, started, Instant.now(), base);
            tables.commit();
        } catch (Exception | Error e) {
            try {
                tables.abort();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        } finally {
            JobLabels.endStage(spark);
        }
        return summary;
    }

    static void runJob(Job job, JobContext context) throws Exception {
        long t0 = System.nanoTime();
        StageProgress progress = null;
        if (context.spark() != null) {
            JobLabels.startStage(context.spark(), job.name());
            progress = StageProgress.attach(context.spark().sparkContext());
            progress.begin(job.name());
        }
        LOG.info("Starting job {}", job.name());
        job.run(context);
        double seconds = (System.nanoTime() - t0) / 1e9;
        context.summary().stage(job.name(), seconds);
        LOG.info(
                "Finished job {} in {} s{}",
                job.name(),
                String.format("%.1f", seconds),
                progress == null ? "" : progress.totals(job.name()));
    }

    /**
     * Fails before any work (and before a session is made) when an argument is bad (see {@link RunPaths}) or a
     * job's input table has no producer in this run or the current one. Returns the qualified output root.
     */
    static Path checkPreconditions(List<Job> jobs, Settings settings, Configuration conf) throws IOException {
        Set<Table> madeEarlier = new LinkedHashSet<>();
        Path output = RunPaths.output(settings.get(CoreSettings.OUTPUT), conf);
        Path current = RunFolders.current(output, conf);
        List<String> problems = new ArrayList<>();
        for (Job job : jobs) {
            if (job.name().equals("ingest")) {
                RunPaths.input(settings.get(CoreSettings.INPUT), output, conf);
            }
            for (Table table : job.inputs()) {
                if (!madeEarlier.contains(table)
                        && !TableStore.isComplete(new Path(current, table.tableName()), conf)) {
                    problems.add(new MissingTableException(job.name(), table, output.toString()).getMessage());
                }
            }
            madeEarlier.addAll(job.outputs());
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(String.join("\n", problems));
        }
        return output;
    }
}
