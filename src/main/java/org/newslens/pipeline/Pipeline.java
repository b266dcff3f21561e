package org.newslens.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.newslens.config.CoreSettings;
import org.newslens.config.Settings;
import org.newslens.config.SettingsException;
import org.newslens.io.MissingTableException;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one or more jobs in order on one session. Checks every precondition before touching output, labels
 * each stage's Spark jobs, commits the tables only when every job succeeded and writes the manifest last.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private Pipeline() {
    }

    public static RunSummary run(List<Job> jobs, Settings settings) throws Exception {
        Instant started = Instant.now();
        RunLogging.apply(settings.get(CoreSettings.LOG_LEVEL));
        checkPreconditions(jobs, settings, hadoopConfiguration());
        boolean sparkNeeded = jobs.stream().anyMatch(Job::needsSpark);
        SparkSession spark = sparkNeeded ? SparkSessions.getOrCreate() : null;
        if (spark != null) {
            long corpusBytes = CorpusSize.bytes(jobs, settings, spark.sparkContext().hadoopConfiguration());
            DriverMemory.check(jobs, settings, corpusBytes, Runtime.getRuntime().maxMemory());
            ShufflePartitions.apply(spark, corpusBytes);
        }
        String runId = started.toString().replaceAll("[^0-9]", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        TableStore tables = spark == null ? null : new TableStore(spark, settings.get(CoreSettings.OUTPUT), runId);
        RunSummary summary = new RunSummary();
        boolean committed = false;
        try {
            // Spark jobs write staged tables; jobs without Spark (the report) read committed tables, so they
            // run after the commit, in their pipeline order.
            for (Job job : jobs) {
                if (job.needsSpark()) {
                    runJob(job, new JobContext(spark, settings, tables, summary));
                }
            }
            if (tables != null) {
                tables.commit();
            }
            committed = true;
            try {
                for (Job job : jobs) {
                    if (!job.needsSpark()) {
                        runJob(job, new JobContext(spark, settings, tables, summary));
                    }
                }
            } finally {
                // The tables are in place even if a later job fails: the manifest must describe them.
                if (tables != null) {
                    RunManifest.write(tables, settings, summary, runId, started, Instant.now());
                }
            }
        } catch (Exception | Error e) {
            if (tables != null && !committed) {
                tables.abort();
            }
            throw e;
        } finally {
            if (spark != null) {
                spark.sparkContext().clearJobGroup();
            }
        }
        return summary;
    }

    private static void runJob(Job job, JobContext context) throws Exception {
        long t0 = System.nanoTime();
        StageProgress progress = null;
        if (context.spark() != null) {
            context.spark().sparkContext().setJobGroup(job.name(), "NewsLens " + job.name(), false);
            progress = StageProgress.attach(context.spark().sparkContext());
            progress.begin(job.name());
        }
        LOG.info("Starting job {}", job.name());
        job.run(context);
        double seconds = (System.nanoTime() - t0) / 1e9;
        context.summary().stage(job.name(), seconds);
        LOG.info("Finished job {} in {} s{}", job.name(), String.format("%.1f", seconds),
                progress == null ? "" : progress.totals(job.name()));
    }

    /**
     * The Hadoop configuration before a session exists: defaults plus the {@code spark.hadoop.*} settings
     * spark-submit passed (credentials for s3a:, the HDFS name node), as the session will see them.
     */
    private static Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        for (scala.Tuple2<String, String> entry : new SparkConf().getAllWithPrefix("spark.hadoop.")) {
            conf.set(entry._1(), entry._2());
        }
        return conf;
    }

    /** Fails before any work when the input is missing or a job's input table has no producer. */
    static void checkPreconditions(List<Job> jobs, Settings settings, Configuration conf) throws IOException {
        Set<Table> madeEarlier = new LinkedHashSet<>();
        String output = settings.get(CoreSettings.OUTPUT);
        List<String> problems = new ArrayList<>();
        for (Job job : jobs) {
            if (job.name().equals("ingest")) {
                Path input = new Path(settings.get(CoreSettings.INPUT));
                if (!input.getFileSystem(conf).exists(input)) {
                    throw new SettingsException("Input " + input + " does not exist (set it with --input)");
                }
            }
            for (Table table : job.inputs()) {
                if (!madeEarlier.contains(table) && !TableStore.isComplete(new Path(output, table.tableName()), conf)) {
                    problems.add(new MissingTableException(job.name(), table, output).getMessage());
                }
            }
            madeEarlier.addAll(job.outputs());
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(String.join("\n", problems));
        }
    }
}
