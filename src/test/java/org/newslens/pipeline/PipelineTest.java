package org.newslens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.SettingsRegistry;
import org.newslens.config.Settings;
import org.newslens.config.SettingsException;
import org.newslens.io.Table;
import org.newslens.testing.Outputs;
import org.newslens.testing.SharedSpark;

class PipelineTest {
    @TempDir
    Path out;

    /** Writes one rejects row naming the given source. */
    private static Job writing(String source) {
        return new Job() {
            public String name() {
                return "writer";
            }

            public List<Table> inputs() {
                return List.of();
            }

            public List<Table> outputs() {
                return List.of(Table.REJECTS);
            }

            public void run(JobContext context) {
                context.tables()
                        .write(
                                Table.REJECTS,
                                context.spark()
                                        .createDataFrame(
                                                List.of(RowFactory.create(source, "test", null)),
                                                Table.REJECTS.schema()));
            }
        };
    }

    private static Job failing() {
        return new Job() {
            public String name() {
                return "failing";
            }

            public List<Table> inputs() {
                return List.of(Table.REJECTS);
            }

            public List<Table> outputs() {
                return List.of();
            }

            public void run(JobContext context) {
                throw new IllegalStateException("injected failure");
            }
        };
    }

    private Settings settings() {
        return SettingsRegistry.parse(new String[] {"--output", out.toString()});
    }

    @Test
    void aRunThatFailsMidwayLeavesThePreviousTablesAndManifestIntact() throws Exception {
        SharedSpark.session();
        Pipeline.run(List.of(writing("file:/first-run.txt")), settings());
        Path firstRun = Outputs.currentRun(out);
        String manifestBefore = Files.readString(firstRun.resolve("_manifest.json"));

        assertThatThrownBy(() -> Pipeline.run(List.of(writing("file:/second-run.txt"), failing()), settings()))
                .hasMessageContaining("injected failure");

        assertThat(Outputs.currentRun(out)).isEqualTo(firstRun);
        assertThat(Files.readString(firstRun.resolve("_manifest.json"))).isEqualTo(manifestBefore);
        assertThat(SharedSpark.session()
                        .read()
                        .parquet(firstRun.resolve("rejects").toString())
                        .first()
                        .getString(0))
                .isEqualTo("file:/first-run.txt");
        // The failed run's folder is gone, and so is the lock.
        assertThat(out.resolve("runs").toFile().list())
                .containsExactly(firstRun.getFileName().toString());
        assertThat(out.resolve("_lock")).doesNotExist();
    }

    @Test
    void aJobWhoseInputTableIsMissingStopsBeforeAnyWork() {
        assertThatThrownBy(() -> Pipeline.run(List.of(failing()), settings()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("failing needs table `rejects`")
                .hasMessageContaining("jobs/ingest");
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void badArgumentsExitWithCodeTwoAndTouchNothing() {
        assertThat(Main.run(new String[] {"terms", "--output", out.toString(), "--no-such-setting", "1"}))
                .isEqualTo(2);
        assertThat(Main.run(new String[] {"no-such-job", "--output", out.toString()}))
                .isEqualTo(2);
        assertThat(out.toFile().list()).isEmpty();
    }

    /** Runs Main and returns its exit code and what it printed on stderr. */
    private static Map.Entry<Integer, String> runMain(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return Map.entry(Main.run(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private static List<String> tree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p)
                            + (Files.isDirectory(p) ? "/" : " " + p.toFile().length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void badPathArgumentsEachExitTwoWithOneLineAndLeaveEverythingAsItWas() throws Exception {
        Path in = out.resolve("corpus");
        Files.createDirectories(in.resolve("news"));
        Files.writeString(in.resolve("news/a.txt"), "Harbour strike\n\nDock workers stopped work on Monday.\n");
        Path output = out.resolve("tables");
        Files.createDirectories(output);
        Files.writeString(output.resolve("keep.txt"), "a file a user left here");
        Path file = out.resolve("notes.txt");
        Files.writeString(file, "not a folder");
        String relativeIn = Path.of("").toAbsolutePath().relativize(in).toString();
        List<String> before = tree(out);

        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put(
                "unknown scheme in --input",
                new String[] {"--input", "nosuch://host/corpus", "--output", output.toString()});
        cases.put("unknown scheme in --output", new String[] {"--input", in.toString(), "--output", "nosuch:/x/out"});
        cases.put("empty --input", new String[] {"--input", "", "--output", output.toString()});
        cases.put(
                "missing --input",
                new String[] {"--input", out.resolve("absent").toString(), "--output", output.toString()});
        cases.put("--output is a file", new String[] {"--input", in.toString(), "--output", file.toString()});
        cases.put(
                "--output equals --input",
                new String[] {"--input", in.toString(), "--output", in.toUri().toString()});
        cases.put("--output inside --input (relative vs URI)", new String[] {
            "--input",
            "./" + relativeIn,
            "--output",
            in.resolve("news/out").toUri().toString()
        });
        cases.put("--input inside --output", new String[] {"--input", in.toString(), "--output", out.toString()});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String[] args = java.util.stream.Stream.concat(Stream.of("ingest"), Stream.of(c.getValue()))
                    .toArray(String[]::new);
            Map.Entry<Integer, String> result = runMain(args);
            assertThat(result.getKey())
                    .as(c.getKey() + ": " + result.getValue())
                    .isEqualTo(2);
            assertThat(result.getValue().strip().lines()).as(c.getKey()).hasSize(1);
            assertThat(result.getValue()).as(c.getKey()).startsWith("newslens: ");
            assertThat(tree(out)).as(c.getKey()).isEqualTo(before);
        }
        assertThat(runMain("ingest", "--input", "nosuch://host/corpus", "--output", output.toString())
                        .getValue())
                .contains("unknown scheme 'nosuch:'");
        assertThat(runMain(
                                "ingest",
                                "--input",
                                in.toString(),
                                "--output",
                                in.resolve("news/out").toString())
                        .getValue())
                .contains("is inside --input");
        assertThat(runMain("ingest", "--input", in.toString(), "--output", file.toString())
                        .getValue())
                .contains("is a file");
    }

    @Test
    void pathsOnlyShareAPrefixAreNotNested() {
        org.apache.hadoop.fs.Path a = new org.apache.hadoop.fs.Path("file:/data/news");
        assertThat(RunPaths.isWithin(new org.apache.hadoop.fs.Path("file:/data/news-out"), a))
                .isFalse();
        assertThat(RunPaths.isWithin(new org.apache.hadoop.fs.Path("file:/data/news/out"), a))
                .isTrue();
        assertThat(RunPaths.isWithin(new org.apache.hadoop.fs.Path("hdfs://nn/data/news/out"), a))
                .isFalse();
        assertThat(RunPaths.isWithin(
                        new org.apache.hadoop.fs.Path("file:/anything"), new org.apache.hadoop.fs.Path("file:/")))
                .isTrue();
    }
}
