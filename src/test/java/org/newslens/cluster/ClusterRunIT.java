package org.newslens.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newslens.Main;
import org.newslens.testing.SharedSpark;
import org.newslens.testing.TableComparison;

/**
 * Submits {@code all} with the job jar to a real standalone cluster (a master and two workers on
 * 127.0.0.1) through Spark's own SparkSubmit in client mode, and checks the tables equal those of a
 * local run on the same input. Catches what local mode hides: closures that do not serialise, models
 * loaded on the driver only, classes or files that exist only on the build classpath.
 */
class ClusterRunIT {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path WORK = PROJECT.resolve("target/it-cluster");
    private static Path localOutput;

    @BeforeAll
    static void localRun() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        localOutput = WORK.resolve("local");
        SharedSpark.session();
        assertThat(Main.run(new String[] {"all", "--input", "data", "--output", localOutput.toString()}))
                .isZero();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        // Keep the cluster logs under target/ for a failed run; only the executors' jar copies go.
        deleteRecursively(WORK.resolve("spark-home/work-0"));
        deleteRecursively(WORK.resolve("spark-home/work-1"));
    }

    @Test
    void aSecondRunWithOtherPartitioningGivesIdenticalTables() throws Exception {
        Path again = WORK.resolve("local-again");
        assertThat(Main.run(new String[] {
                    "all",
                    "--input",
                    PROJECT.resolve("data").toUri().toString(),
                    "--output",
                    again.toString(),
                    "--partitions",
                    "3"
                }))
                .isZero();
        assertThat(TableComparison.differences(SharedSpark.session(), localOutput, again))
                .isEmpty();
    }

    @Test
    void allOnAStandaloneClusterGivesTheSameTablesAsLocalMode() throws Exception {
        Path clusterOutput = WORK.resolve("cluster");
        try (StandaloneCluster cluster = new StandaloneCluster(PROJECT, WORK.resolve("spark-home"))) {
            cluster.start(2, 1, "2g");
            Process submit = submit(cluster, "submit-all", clusterOutput);
            assertFinished(cluster, submit, "submit-all", Duration.ofMinutes(15));
        }
        assertThat(TableComparison.differences(SharedSpark.session(), localOutput, clusterOutput))
                .isEmpty();
    }

    @Test
    void losingAWorkerDuringAnnotateStillGivesTheSameTables() throws Exception {
        Path clusterOutput = WORK.resolve("cluster-worker-lost");
        try (StandaloneCluster cluster = new StandaloneCluster(PROJECT, WORK.resolve("spark-home"))) {
            cluster.start(2, 1, "2g");
            Process submit = submit(cluster, "submit-worker-lost", clusterOutput);
            Path log = cluster.log("submit-worker-lost");
            waitForLine(log, "Starting job annotate", submit, Duration.ofMinutes(5));
            cluster.killWorker(1);
            assertThat(Files.readString(log))
                    .as("annotate must still be running when the worker dies")
                    .doesNotContain("Finished job annotate");
            assertFinished(cluster, submit, "submit-worker-lost", Duration.ofMinutes(15));
            assertThat(cluster.aliveWorkers()).isEqualTo(1);
        }
        assertThat(TableComparison.differences(SharedSpark.session(), localOutput, clusterOutput))
                .isEmpty();
    }

    private static Process submit(StandaloneCluster cluster, String name, Path output) throws Exception {
        return cluster.launch(
                name,
                "2g",
                "org.apache.spark.deploy.SparkSubmit",
                "--master",
                cluster.masterUrl(),
                "--deploy-mode",
                "client",
                "--class",
                "org.newslens.Main",
                "--conf",
                "spark.driver.host=127.0.0.1",
                "--conf",
                "spark.executor.memory=1500m",
                "--conf",
                "spark.sql.shuffle.partitions=4",
                PROJECT.resolve("target/newslens-job.jar").toString(),
                "all",
                "--input",
                PROJECT.resolve("data").toUri().toString(),
                "--output",
                output.toUri().toString());
    }

    private static void assertFinished(StandaloneCluster cluster, Process submit, String name, Duration timeout)
            throws Exception {
        boolean done = submit.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        String log = Files.readString(cluster.log(name));
        assertThat(done)
                .as("spark-submit finished in time; log tail:%n%s", tail(log))
                .isTrue();
        assertThat(submit.exitValue())
                .as("spark-submit exit code; log tail:%n%s", tail(log))
                .isZero();
    }

    private static void waitForLine(Path log, String line, Process submit, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains(line)) {
            assertThat(submit.isAlive())
                    .as("spark-submit died early:%n%s", tail(Files.readString(log)))
                    .isTrue();
            assertThat(System.nanoTime()).as("waiting for '%s'", line).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
