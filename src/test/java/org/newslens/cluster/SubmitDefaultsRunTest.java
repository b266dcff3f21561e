package org.newslens.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.e2e.SampleCorpusRun;
import org.newslens.testing.SharedSpark;
import org.newslens.testing.TableComparison;

/**
 * {@code all} on the sample corpus submitted the way a user submits it: through Spark's own SparkSubmit, with
 * none of the test session's settings, so Spark's defaults apply (200 shuffle partitions, its own log4j2
 * configuration with everything at INFO) and a 1 GB driver heap. Code generation is set to Spark's own default
 * on the command line, so the run compiles its queries where the test session's run of the small sample runs them
 * interpreted. The tables must equal the test session's, the run must finish in bounded time, and stderr must
 * stay short.
 */
class SubmitDefaultsRunTest {
    private static final long TIMEOUT_MINUTES = 15;
    private static final int MOST_LOG_LINES = 150;

    @TempDir
    Path dir;

    @Test
    void aSubmittedRunWithSparksDefaultsWritesTheSameTablesAndLogsLittle() throws Exception {
        Path expected = SampleCorpusRun.output();
        Path output = dir.resolve("out");
        Path stderr = dir.resolve("stderr.txt");
        Process run = new ProcessBuilder(command(output))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile())
                .start();
        boolean finished = run.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        String log = Files.readString(stderr);
        assertThat(finished)
                .as("finished within %d minutes; stderr:%n%s", TIMEOUT_MINUTES, log)
                .isTrue();
        assertThat(run.exitValue()).as(log).isZero();

        List<String> lines = log.lines().toList();
        assertThat(lines).as(log).hasSizeLessThan(MOST_LOG_LINES);
        assertThat(log).as("Spark's own log configuration was in use").contains("Spark's default log4j profile");
        assertThat(log).contains("Shuffle partitions: 2 for").doesNotContain(" INFO DAGScheduler");
        assertThat(log).contains("Code generation as set by the user");
        for (String stage : List.of("ingest", "annotate", "terms", "entities", "topics")) {
            assertThat(log)
                    .containsPattern("Finished job " + stage + " in [0-9.]+ s \\([0-9]+ Spark jobs, [0-9]+ tasks\\)");
        }
        assertThat(log).containsPattern("[a-z]+: [0-9]+ % of the tasks started so far done");

        assertThat(TableComparison.differences(SharedSpark.session(), expected, output))
                .isEmpty();
    }

    private List<String> command(Path output) throws Exception {
        Path emptyJar = dir.resolve("empty.jar");
        try (JarOutputStream ignored = new JarOutputStream(Files.newOutputStream(emptyJar))) {
            // spark-submit needs a primary jar; the classes come from the classpath, as Spark's come from its jars/.
        }
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")) // keeps the tests' log4j2 configuration out
                .reduce((a, b) -> a + File.pathSeparator + b)
                .orElseThrow();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        command.addAll(Arrays.asList(
                Files.readString(Path.of("target/java17-opens.txt")).trim().split("\\s+")));
        command.addAll(List.of(
                "-cp",
                classpath,
                "org.apache.spark.deploy.SparkSubmit",
                "--master",
                "local[2]",
                "--driver-memory",
                "1g",
                "--conf",
                "spark.driver.host=127.0.0.1",
                "--conf",
                "spark.driver.bindAddress=127.0.0.1",
                "--conf",
                "spark.sql.codegen.wholeStage=true",
                "--conf",
                "spark.sql.codegen.factoryMode=FALLBACK",
                "--class",
                "org.newslens.Main",
                emptyJar.toString(),
                "all",
                "--input",
                "data",
                "--output",
                output.toString()));
        return command;
    }
}
