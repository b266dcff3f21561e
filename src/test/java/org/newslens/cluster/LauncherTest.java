package org.newslens.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/newslens on an edge node: a folder with only the launcher and the job jar, SPARK_HOME pointing at a
 * fake Spark whose bin/spark-submit prints its arguments one per line, and a fake mvn on the PATH that leaves a
 * mark when it runs.
 */
class LauncherTest {
    @TempDir
    Path dir;

    private Path edge;
    private Path sparkHome;
    private Path fakeBin;
    private Path mavenMark;

    @BeforeEach
    void edgeNode() throws IOException {
        edge = dir.resolve("newslens");
        Files.createDirectories(edge.resolve("jobs"));
        Files.createDirectories(edge.resolve("target"));
        Files.copy(Path.of("jobs/newslens"), edge.resolve("jobs/newslens"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(edge.resolve("target/newslens-job.jar"), "not really a jar");
        sparkHome = dir.resolve("spark");
        script(sparkHome.resolve("bin/spark-submit"), "for a in \"$@\"; do printf '%s\\n' \"$a\"; done");
        fakeBin = dir.resolve("bin");
        mavenMark = dir.resolve("maven-ran");
        script(fakeBin.resolve("mvn"), "touch '" + mavenMark + "'; exit 1");
    }

    @Test
    void submitArgumentsKeepTheirQuotedSpacesAndNothingInThemRuns() throws Exception {
        Path injected = dir.resolve("injected");
        String submitArgs = "--master local[2]  --conf \"spark.driver.extraJavaOptions=-Da=1 -Db=2\"\n"
                + "--name 'my run $(touch " + injected + "); x' --conf spark.y=\"it's\"";
        Result result = launch(
                Map.of("NEWSLENS_SUBMIT_ARGS", submitArgs), "all", "--input", "/news/my corpus", "--output", "out");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.lines())
                .containsExactly(
                        "--class",
                        "org.newslens.Main",
                        "--master",
                        "local[2]",
                        "--conf",
                        "spark.driver.extraJavaOptions=-Da=1 -Db=2",
                        "--name",
                        "my run $(touch " + injected + "); x",
                        "--conf",
                        "spark.y=it's",
                        edge.resolve("target/newslens-job.jar").toString(),
                        "all",
                        "--input",
                        "/news/my corpus",
                        "--output",
                        "out");
        assertThat(injected).doesNotExist();
        assertThat(mavenMark).as("Maven must not run when the job jar exists").doesNotExist();
    }

    @Test
    void noSubmitArgumentsAddNothing() throws Exception {
        Result result = launch(Map.of("NEWSLENS_SUBMIT_ARGS", "  "), "terms");
        assertThat(result.lines())
                .containsExactly(
                        "--class",
                        "org.newslens.Main",
                        edge.resolve("target/newslens-job.jar").toString(),
                        "terms");
    }

    @Test
    void aJarElsewhereIsSubmittedFromNewslensJar() throws Exception {
        Path jar = Files.writeString(dir.resolve("elsewhere.jar"), "jar");
        Files.delete(edge.resolve("target/newslens-job.jar"));
        Result result = launch(Map.of("NEWSLENS_JAR", jar.toString()), "all");
        assertThat(result.lines()).contains(jar.toString());
        assertThat(mavenMark).doesNotExist();
    }

    @Test
    void anUnmatchedQuoteStopsBeforeSparkSubmit() throws Exception {
        Result result = launch(Map.of("NEWSLENS_SUBMIT_ARGS", "--conf \"spark.a=b"), "all");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("NEWSLENS_SUBMIT_ARGS has an unmatched quote");
        assertThat(result.lines()).isEmpty();
    }

    @Test
    void aMissingJarWithoutSourcesIsAnErrorNotABuild() throws Exception {
        Files.delete(edge.resolve("target/newslens-job.jar"));
        Result result = launch(Map.of(), "all");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("newslens-job.jar is missing").contains("no source checkout");
        assertThat(mavenMark).doesNotExist();
    }

    @Test
    void theEmbeddedRunBuildsOnlyFromASourceCheckout() throws Exception {
        Map<String, String> embedded = Map.of("SPARK_HOME", "");
        Result withoutSources = launch(embedded, "all");
        assertThat(withoutSources.code()).isEqualTo(2);
        assertThat(withoutSources.err()).contains("no source checkout");
        assertThat(mavenMark).doesNotExist();

        Files.writeString(edge.resolve("pom.xml"), "<project/>");
        Result checkout = launch(embedded, "all");
        assertThat(checkout.err()).contains("building (mvn package)");
        assertThat(mavenMark)
                .as("the embedded run builds what is missing from the checkout")
                .exists();
    }

    @Test
    void theEmbeddedRunWritesItsClassArchiveOnceAndThenMapsIt() throws Exception {
        Path archive = embeddedTarget();
        Map<String, String> embedded = Map.of("SPARK_HOME", "");

        Result first = launch(embedded, "all");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.lines()).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + archive + "."));
        assertThat(first.lines())
                .contains("org.newslens.Main", "all")
                .doesNotContain("-XX:SharedArchiveFile=" + archive);
        assertThat(archive).hasContent("classes");
        try (var files = Files.list(archive.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no half-written archive is left")
                    .filteredOn(name -> name.contains(".jsa."))
                    .isEmpty();
        }

        Result second = launch(embedded, "all", "--input", "news");
        assertThat(second.lines())
                .contains("-XX:SharedArchiveFile=" + archive, "all")
                .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
        Result otherJob = launch(embedded, "terms");
        assertThat(otherJob.lines())
                .as("each job has its own archive, as each loads other classes")
                .anyMatch(a ->
                        a.startsWith("-XX:ArchiveClassesAtExit=" + archive.resolveSibling("Main-terms.jsa") + "."));

        assertThat(edge.resolve("target/newslens-app.jar").toFile().setLastModified(System.currentTimeMillis() + 5000))
                .isTrue();
        Result rebuilt = launch(embedded, "all");
        assertThat(rebuilt.lines())
                .as("a jar newer than the archive has it written again")
                .anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void theClassArchiveIsLeftOutWhenTurnedOffOrChosenInJavaOpts() throws Exception {
        Path archive = embeddedTarget();
        for (Map<String, String> env : List.of(
                Map.of("SPARK_HOME", "", "NEWSLENS_CLASS_ARCHIVE", "off"),
                Map.of("SPARK_HOME", "", "JAVA_OPTS", "-Xshare:off -Da=1"))) {
            Result result = launch(env, "all");
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.lines())
                    .as(env.toString())
                    .noneMatch(a -> a.contains("Archive"))
                    .contains("all");
            assertThat(archive).doesNotExist();
        }
    }

    @Test
    void theEmbeddedRunKeepsTheJvmExitCodeWhileWritingTheArchive() throws Exception {
        Path archive = embeddedTarget();
        script(fakeBin.resolve("java"), "echo failing; exit 3");
        Result result = launch(Map.of("SPARK_HOME", ""), "all");
        assertThat(result.code()).isEqualTo(3);
        assertThat(archive).as("a JVM that wrote no archive leaves none").doesNotExist();

        script(
                fakeBin.resolve("java"),
                "for a in \"$@\"; do case $a in -XX:ArchiveClassesAtExit=*)"
                        + " printf half > \"${a#*=}\";; esac; done; exit 137");
        Result killed = launch(Map.of("SPARK_HOME", ""), "all");
        assertThat(killed.code()).isEqualTo(137);
        assertThat(archive)
                .as("a JVM killed while writing its archive leaves none")
                .doesNotExist();
        try (var files = Files.list(archive.getParent())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void smallLocalRunsUseTheQuickCompilerOnlyAndEveryRunTheParallelCollector() throws Exception {
        embeddedTarget();
        Map<String, String> embedded = Map.of("SPARK_HOME", "", "NEWSLENS_CLASS_ARCHIVE", "off");
        String quick = "-XX:TieredStopAtLevel=1";
        String parallelCollector = "-XX:+UseParallelGC";
        Path small = Files.createDirectories(dir.resolve("small"));
        Files.writeString(small.resolve("a.txt"), "A short article.");
        Path large = Files.createDirectories(dir.resolve("large"));
        try (var file = new java.io.RandomAccessFile(large.resolve("big.txt").toFile(), "rw")) {
            file.setLength(5_000_000); // sparse: du -b counts the length
        }
        Path output = dir.resolve("out");
        Files.createDirectories(output.resolve("runs/r1"));
        Files.createSymbolicLink(output.resolve("current"), Path.of("runs/r1"));
        Files.writeString(output.resolve("runs/r1/table.parquet"), "x".repeat(1000));

        assertThat(launch(embedded, "all", "--input", small.toString(), "--output", output.toString())
                        .lines())
                .contains(quick, parallelCollector);
        assertThat(launch(embedded, "all", "--input=file:" + small, "--output", output.toString())
                        .lines())
                .as("file: URIs and --key=value are read too")
                .contains(quick);
        assertThat(launch(embedded, "all", "--input", large.toString()).lines())
                .as("4 MB and more of input")
                .doesNotContain(quick)
                .contains(parallelCollector);
        for (Map.Entry<String, String> own : List.of(
                Map.entry("JAVA_OPTS", "-Dx=1 -XX:+UseZGC"),
                Map.entry("JAVA_OPTS", "-XX:+UseSerialGC"),
                Map.entry("JAVA_OPTS", "-XX:G1HeapRegionSize=4m"),
                Map.entry("JAVA_OPTS", "@jvm-options.txt"),
                Map.entry("JAVA_OPTS", "-Dx=1\n-XX:+UseSerialGC"),
                Map.entry("JAVA_OPTS", "-XX:VMOptionsFile=jvm-options.txt"),
                Map.entry("JAVA_TOOL_OPTIONS", "-XX:+UseShenandoahGC"),
                Map.entry("JDK_JAVA_OPTIONS", "-XX:+UseG1GC"),
                Map.entry("_JAVA_OPTIONS", "-XX:+UseG1GC"))) {
            Map<String, String> env =
                    Map.of("SPARK_HOME", "", "NEWSLENS_CLASS_ARCHIVE", "off", own.getKey(), own.getValue());
            assertThat(launch(env, "all", "--input", small.toString()).lines())
                    .as(
                            "a collector chosen in %s=%s stays the only one (the JVM refuses two)",
                            own.getKey(), own.getValue())
                    .contains(quick)
                    .doesNotContain(parallelCollector);
            assertThat(launch(env, "all", "--input", large.toString()).lines())
                    .as("on a large run too: %s=%s", own.getKey(), own.getValue())
                    .doesNotContain(quick, parallelCollector);
        }
        Map<String, String> otherOptions = Map.of(
                "SPARK_HOME", "", "NEWSLENS_CLASS_ARCHIVE", "off", "JAVA_OPTS", "-XX:+UseNUMA -XX:ParallelGCThreads=2");
        assertThat(launch(otherOptions, "all", "--input", small.toString()).lines())
                .as("options that choose no collector")
                .contains(quick, parallelCollector);
        assertThat(launch(embedded, "all", "--input", "hdfs://cluster/news").lines())
                .as("a path that is not local")
                .doesNotContain(quick)
                .contains(parallelCollector);
        assertThat(launch(embedded, "terms", "--output", output.toString()).lines())
                .as("a job that works on the output is sized by the output's current run")
                .contains(quick);
        Files.delete(output.resolve("current"));
        Files.createSymbolicLink(output.resolve("current"), large);
        assertThat(launch(
                                embedded,
                                "all",
                                "--input",
                                small.toString(),
                                "--output",
                                output.toString(),
                                "--mode",
                                "append")
                        .lines())
                .as("an append reads the output it adds to")
                .doesNotContain(quick)
                .contains(parallelCollector);
        assertThat(launch(embedded, "terms", "--output", output.toString()).lines())
                .as("the output's current run is now large")
                .doesNotContain(quick);

        Map<String, String> forcedFull =
                Map.of("SPARK_HOME", "", "NEWSLENS_CLASS_ARCHIVE", "off", "NEWSLENS_JIT", "full");
        assertThat(launch(forcedFull, "all", "--input", small.toString()).lines())
                .as("the collector does not follow the compiler chosen")
                .doesNotContain(quick)
                .contains(parallelCollector);
        Map<String, String> forcedQuick =
                Map.of("SPARK_HOME", "", "NEWSLENS_CLASS_ARCHIVE", "off", "NEWSLENS_JIT", "quick");
        assertThat(launch(forcedQuick, "all", "--input", large.toString()).lines())
                .contains(quick, parallelCollector);
        script(fakeBin.resolve("du"), "exit 1");
        assertThat(launch(embedded, "all", "--input", small.toString()).lines())
                .as("a size that cannot be measured")
                .doesNotContain(quick)
                .contains(parallelCollector);
        Result wrong = launch(Map.of("SPARK_HOME", "", "NEWSLENS_JIT", "fast"), "all");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("NEWSLENS_JIT is 'fast'; use auto, quick or full");
        assertThat(wrong.lines()).isEmpty();
    }

    /**
     * Gives the edge node what the embedded run needs (no pom.xml, so nothing is built) and a fake java on the
     * PATH that prints its arguments and, like the JVM, writes the class archive it is asked for as it exits.
     */
    private Path embeddedTarget() throws IOException {
        Path target = edge.resolve("target");
        Files.writeString(target.resolve("classpath.txt"), "/libs/a.jar:/libs/b.jar");
        Files.writeString(target.resolve("java17-opens.txt"), "--add-opens=java.base/java.nio=ALL-UNNAMED");
        Files.writeString(target.resolve("app-jar.txt"), "newslens-app.jar\n");
        Files.writeString(target.resolve("newslens-app.jar"), "jar");
        script(
                fakeBin.resolve("java"),
                "for a in \"$@\"; do printf '%s\\n' \"$a\"; case $a in -XX:ArchiveClassesAtExit=*)"
                        + " printf classes > \"${a#*=}\";; esac; done");
        return target.resolve("class-archives/Main-all.jsa");
    }

    private record Result(int code, List<String> lines, String err) {}

    private Result launch(Map<String, String> env, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", edge.resolve("jobs/newslens").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove("NEWSLENS_SUBMIT_ARGS");
        builder.environment().remove("NEWSLENS_JAR");
        builder.environment().remove("NEWSLENS_JIT");
        for (String javaOptions : List.of("JAVA_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
            builder.environment().remove(javaOptions);
        }
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(),
                Files.readAllLines(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")));
    }

    private static void script(Path path, String body) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
