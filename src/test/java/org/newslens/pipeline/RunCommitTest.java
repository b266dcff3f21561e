package org.newslens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.SettingsRegistry;
import org.newslens.config.Settings;
import org.newslens.config.SettingsException;
import org.newslens.io.ParquetTables;
import org.newslens.io.RunFolders;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.testing.SharedSpark;

/**
 * How a run commits, seen by a reader: always one whole run (its tables and the manifest beside them),
 * whether a commit is killed at any step, is happening while the reader reads, or a second run tries the
 * same output at once.
 */
class RunCommitTest {
    private final SparkSession spark = SharedSpark.session();
    private final Configuration conf = new Configuration();

    @TempDir
    Path out;

    /** Writes {@code n} rejects and {@code n} term_stats rows, all tagged with {@code marker}, and notes the marker. */
    private static Job writing(String marker, int n) {
        return writing(marker, n, null, List.of(Table.REJECTS, Table.TERM_STATS));
    }

    private static Job writing(String marker, int n, CountDownLatch holdAfterWriting, List<Table> tables) {
        return new Job() {
            public String name() {
                return "writer";
            }

            public List<Table> inputs() {
                return List.of();
            }

            public List<Table> outputs() {
                return tables;
            }

            public void run(JobContext context) throws Exception {
                write(context.tables(), context.spark(), marker, n, tables);
                context.summary().put("marker", marker);
                if (holdAfterWriting != null) {
                    holdAfterWriting.await(60, TimeUnit.SECONDS);
                }
            }
        };
    }

    private static void write(TableStore tables, SparkSession spark, String marker, int n, List<Table> which) {
        List<Row> rejects = IntStream.range(0, n)
                .mapToObj(i -> RowFactory.create("file:/" + marker + "/" + i + ".txt", "test", null))
                .toList();
        List<Row> terms = IntStream.range(0, n)
                .mapToObj(i -> RowFactory.create(marker + "-" + i, 1L, 1L, 0.5))
                .toList();
        if (which.contains(Table.REJECTS)) {
            tables.write(Table.REJECTS, spark.createDataFrame(rejects, Table.REJECTS.schema()));
        }
        if (which.contains(Table.TERM_STATS)) {
            tables.write(Table.TERM_STATS, spark.createDataFrame(terms, Table.TERM_STATS.schema()));
        }
    }

    private static Settings settings(Path output) {
        return SettingsRegistry.parse(new String[] {"--output", output.toString()});
    }

    /**
     * What a reader (the report's Parquet reader, no Spark) finds at the output: the marker of the one run it
     * sees. Fails when the tables and the manifest beside them do not describe the same run.
     */
    private String consistentRun(Path output) {
        ParquetTables tables = new ParquetTables(conf, output.toUri().toString());
        JsonNode manifest = manifest(tables.root());
        String marker = manifest.get("figures").get("marker").asText();
        for (Table table : List.of(Table.REJECTS, Table.TERM_STATS)) {
            List<Map<String, Object>> rows = tables.readAll(table);
            assertThat((long) rows.size())
                    .as("%s rows against the manifest of %s", table, marker)
                    .isEqualTo(manifest.get("rows").get(table.tableName()).asLong());
            String column = table == Table.REJECTS ? "source_uri" : "term";
            assertThat(rows)
                    .as("%s of run %s", table, marker)
                    .allSatisfy(row -> assertThat((String) row.get(column)).contains(marker));
        }
        return marker;
    }

    private JsonNode manifest(org.apache.hadoop.fs.Path runFolder) {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(runFolder, "_manifest.json");
        try (InputStream in = FileSystem.get(file.toUri(), conf).open(file)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private enum KillPoint {
        TABLES_WRITTEN,
        CARRIED_OVER,
        MANIFEST_WRITTEN,
        POINTER_WRITTEN,
        POINTER_SWITCHED,
        LINK_SWITCHED
    }

    @Test
    void aCommitKilledAtAnyStepLeavesOneWholeRunAndTheNextRunCleansUp() throws Exception {
        for (KillPoint kill : KillPoint.values()) {
            Path output = out.resolve(kill.name().toLowerCase());
            Pipeline.run(List.of(writing("old", 2)), settings(output));
            String oldRun = Files.readString(output.resolve("_current")).trim();

            // The steps of Pipeline.runLocked for a run "killed", stopped after `kill`, without any cleanup.
            TableStore tables = new TableStore(spark, output.toString(), "killed");
            write(tables, spark, "new", 3, List.of(Table.REJECTS, Table.TERM_STATS));
            if (kill.compareTo(KillPoint.CARRIED_OVER) >= 0) {
                tables.carryOver();
            }
            if (kill.compareTo(KillPoint.MANIFEST_WRITTEN) >= 0) {
                RunSummary summary = new RunSummary();
                summary.put("marker", "new");
                RunManifest.write(tables, settings(output), summary, "killed", Instant.now(), Instant.now());
            }
            if (kill.compareTo(KillPoint.POINTER_WRITTEN) >= 0) {
                RunFolders.publishUpTo(
                        tables.root(),
                        "killed",
                        conf,
                        switch (kill) {
                            case POINTER_WRITTEN -> RunFolders.PublishStep.POINTER_WRITTEN;
                            case POINTER_SWITCHED -> RunFolders.PublishStep.POINTER_SWITCHED;
                            default -> RunFolders.PublishStep.LINK_SWITCHED;
                        });
            }

            boolean switched = kill.compareTo(KillPoint.POINTER_SWITCHED) >= 0;
            assertThat(consistentRun(output))
                    .as("reader after a kill at %s", kill)
                    .isEqualTo(switched ? "new" : "old");
            // The link DuckDB users follow also names a whole run: the old one until it is switched.
            String linked = output.resolve("current").toRealPath().getFileName().toString();
            assertThat(linked)
                    .as("link after a kill at %s", kill)
                    .isEqualTo(kill == KillPoint.LINK_SWITCHED ? "killed" : oldRun);

            Pipeline.run(List.of(writing("next", 1)), settings(output));
            assertThat(consistentRun(output)).isEqualTo("next");
            String nextRun = Files.readString(output.resolve("_current")).trim();
            // Left: the new current run and the one before it; the killed run's folder only when it had become current.
            assertThat(new TreeSet<>(List.of(output.resolve("runs").toFile().list())))
                    .as("run folders after a kill at %s", kill)
                    .isEqualTo(new TreeSet<>(List.of(nextRun, switched ? "killed" : oldRun)));
            assertThat(output.toFile().list())
                    .as("leftovers after a kill at %s", kill)
                    .containsExactlyInAnyOrder("runs", "_current", "current");
        }
    }

    @Test
    void aReaderReadingWhileRunsCommitAlwaysSeesOneWholeRun() throws Exception {
        Pipeline.run(List.of(writing("run0", 1)), settings(out));
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> seen = java.util.Collections.synchronizedSet(new TreeSet<>());
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            int reads = 0;
            while (!stop.get()) {
                seen.add(consistentRun(out));
                reads++;
            }
            return reads;
        });
        for (int run = 1; run <= 4; run++) {
            Pipeline.run(List.of(writing("run" + run, run + 1)), settings(out));
        }
        stop.set(true);
        int reads = reader.get(60, TimeUnit.SECONDS);
        assertThat(reads).isGreaterThan(4);
        assertThat(seen).as("runs the reader saw, each whole").hasSizeGreaterThan(1);
        assertThat(consistentRun(out)).isEqualTo("run4");
    }

    @Test
    void aSecondRunIntoTheSameOutputFailsAtOnceNamingTheFirstWhichFinishesUntouched() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<RunSummary> first = CompletableFuture.supplyAsync(() -> {
            try {
                return Pipeline.run(
                        List.of(writing("first", 2, release, List.of(Table.REJECTS, Table.TERM_STATS))), settings(out));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Path lock = out.resolve("_lock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(lock) && Files.size(lock) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        JsonNode holder = new ObjectMapper().readTree(lock.toFile());

        assertThatThrownBy(() -> Pipeline.run(List.of(writing("second", 5)), settings(out)))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("is in use by run " + holder.get("runId").asText())
                .hasMessageContaining("pid " + ProcessHandle.current().pid())
                .hasMessageContaining("host " + holder.get("host").asText())
                .hasMessageContaining("started " + holder.get("started").asText());
        Path corpus = Files.createTempDirectory("newslens-corpus");
        Files.writeString(corpus.resolve("a.txt"), "Harbour strike\n\nDock workers stopped work on Monday.\n");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(new String[] {"ingest", "--input", corpus.toString(), "--output", out.toString()});
        } finally {
            System.setErr(original);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("is in use by run")))
                .hasSize(1);

        release.countDown();
        first.get(120, TimeUnit.SECONDS);
        assertThat(consistentRun(out)).isEqualTo("first");
        assertThat(new ObjectMapper()
                        .readTree(Files.readString(out.resolve("runs")
                                .resolve(holder.get("runId").asText())
                                .resolve("_manifest.json")))
                        .get("run_id")
                        .asText())
                .isEqualTo(holder.get("runId").asText());
        assertThat(lock).doesNotExist();
        assertThat(out.resolve("runs").toFile().list()).hasSize(1);
    }

    @Test
    void aSingleJobRunKeepsTheOtherJobsTablesAndItsManifestListsThem() throws Exception {
        Pipeline.run(List.of(writing("base", 2)), settings(out));
        Pipeline.run(List.of(writing("base", 1, null, List.of(Table.REJECTS))), settings(out));
        assertThat(consistentRun(out)).isEqualTo("base");
        JsonNode manifest = manifest(RunFolders.current(new org.apache.hadoop.fs.Path(out.toUri()), conf));
        assertThat(manifest.get("rows").get("rejects").asLong()).isEqualTo(1);
        assertThat(manifest.get("rows").get("term_stats").asLong()).isEqualTo(2);
        List<String> carried = new ArrayList<>();
        manifest.get("carried_over").forEach(n -> carried.add(n.asText()));
        assertThat(carried).containsExactly("term_stats");
    }
}
