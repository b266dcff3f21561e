package org.newslens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.testing.Outputs;
import org.newslens.testing.SharedSpark;

class TableStoreTest {
    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path out;

    private Dataset<Row> rejects(String uri) {
        return spark.createDataFrame(List.of(RowFactory.create(uri, "empty_file", "0 bytes")), Table.REJECTS.schema());
    }

    @Test
    void aRunsTableIsReadableInTheRunAndCurrentOnlyAfterCommit() throws Exception {
        TableStore store = new TableStore(spark, out.toUri().toString(), "run1");
        store.write(Table.REJECTS, rejects("file:/a.txt"));
        assertThat(store.read(Table.REJECTS, "test").count()).isEqualTo(1);
        assertThat(Outputs.currentRun(out)).isEqualTo(out);
        assertThat(out.resolve("_current")).doesNotExist();

        store.commit();
        assertThat(Outputs.currentRun(out)).isEqualTo(out.resolve("runs/run1"));
        assertThat(Files.readString(out.resolve("_current")).trim()).isEqualTo("run1");
        // The link DuckDB and pandas users read through.
        assertThat(Files.readSymbolicLink(out.resolve("current"))).isEqualTo(Path.of("runs", "run1"));
        assertThat(out.resolve("current/rejects/_SUCCESS")).exists();
    }

    @Test
    void aRunOfSomeTablesKeepsTheOthersAndTheRunBeforeIsKeptAndOlderOnesRemoved() {
        TableStore first = new TableStore(spark, out.toUri().toString(), "run1");
        first.write(Table.REJECTS, rejects("file:/old.txt"));
        first.commit();

        TableStore second = new TableStore(spark, out.toUri().toString(), "run2");
        second.write(
                Table.TERM_STATS,
                spark.createDataFrame(List.of(RowFactory.create("quota", 3L, 2L, 0.4)), Table.TERM_STATS.schema()));
        second.commit();
        assertThat(second.carriedOver()).containsExactly(java.util.Map.entry(Table.REJECTS, 1L));
        TableStore reader = new TableStore(spark, out.toUri().toString(), "reader");
        assertThat(reader.location(Table.REJECTS).toString()).endsWith("runs/run2/rejects");
        assertThat(reader.read(Table.REJECTS, "test").first().getString(0)).isEqualTo("file:/old.txt");
        assertThat(reader.read(Table.TERM_STATS, "test").count()).isEqualTo(1);
        assertThat(out.resolve("runs").toFile().list()).containsExactlyInAnyOrder("run1", "run2");

        TableStore third = new TableStore(spark, out.toUri().toString(), "run3");
        third.write(Table.REJECTS, rejects("file:/new.txt"));
        third.commit();
        assertThat(out.resolve("runs").toFile().list()).containsExactlyInAnyOrder("run2", "run3");
        // The hard-linked copy of run 1's rejects in run 2 survives run 1's removal.
        assertThat(spark.read()
                        .parquet(out.resolve("runs/run2/rejects").toString())
                        .count())
                .isEqualTo(1);
    }

    @Test
    void abortedRunLeavesPreviousTableIntact() {
        TableStore first = new TableStore(spark, out.toUri().toString(), "run1");
        first.write(Table.REJECTS, rejects("file:/old.txt"));
        first.commit();

        TableStore second = new TableStore(spark, out.toUri().toString(), "run2");
        second.write(Table.REJECTS, rejects("file:/new.txt"));
        second.abort();

        TableStore reader = new TableStore(spark, out.toUri().toString(), "run3");
        assertThat(reader.read(Table.REJECTS, "test").first().getString(0)).isEqualTo("file:/old.txt");
    }

    @Test
    void anAbortAfterTheCommitKeepsTheCommittedRun() {
        TableStore store = new TableStore(spark, out.toUri().toString(), "run1");
        store.write(Table.REJECTS, rejects("file:/a.txt"));
        store.commit();
        store.abort();
        assertThat(new TableStore(spark, out.toUri().toString(), "reader")
                        .read(Table.REJECTS, "test")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void writeReturnsTheRowsWrittenAlsoForEmptyAndManyPartitionTables() {
        TableStore store = new TableStore(spark, out.toUri().toString(), "run1");
        Dataset<Row> many = spark.range(1234)
                .selectExpr("concat('file:/', id) as source_uri", "'empty_file' as reason", "'x' as detail")
                .repartition(5);
        assertThat(store.write(Table.REJECTS, many)).isEqualTo(1234);
        assertThat(store.read(Table.REJECTS, "test").count()).isEqualTo(1234);
        assertThat(store.write(Table.REJECTS, spark.createDataFrame(List.of(), Table.REJECTS.schema())))
                .isZero();
        assertThat(store.write(
                        Table.REJECTS, many.filter(functions.col("source_uri").equalTo("none"))))
                .isZero();
        assertThat(store.written()).containsEntry(Table.REJECTS, 0L);
    }

    @Test
    void missingTableNamesTheJobThatMakesIt() {
        TableStore store = new TableStore(spark, out.toUri().toString(), "run1");
        assertThatThrownBy(() -> store.read(Table.TOKENS, "terms"))
                .isInstanceOf(MissingTableException.class)
                .hasMessageContaining("terms needs table `tokens`")
                .hasMessageContaining("jobs/annotate");
    }

    @Test
    void writingAMistypedColumnFailsNamingIt() {
        Dataset<Row> wrong = rejects("file:/a.txt").withColumn("reason", functions.lit(3));
        TableStore store = new TableStore(spark, out.toUri().toString(), "run1");
        assertThatThrownBy(() -> store.write(Table.REJECTS, wrong))
                .hasMessageContaining("column reason is int, declared string");
    }

    @Test
    void appendsShareTheEarlierFilesUntilTheyComeFromTooManyWritesThenTheTableIsWrittenWhole() {
        TableStore full = new TableStore(spark, out.toUri().toString(), "run0");
        full.write(Table.REJECTS, rejects("file:/0.txt"));
        full.commit();
        java.util.Map<Table, Long> before = full.written();
        for (int run = 1; run <= 4; run++) {
            TableStore append = new TableStore(spark, out.toUri().toString(), "run" + run);
            if (run <= 2) { // the run before's count as its manifest gives it; runs 3 and 4 count the files
                append.knowPreviousRowCounts(before);
            }
            // As ingest passes documents: more columns than the table's, in another order.
            Dataset<Row> added = rejects("file:/" + run + ".txt")
                    .withColumn("is_document", functions.lit(false))
                    .select("is_document", "detail", "reason", "source_uri");
            long rows = append.writeAdding(Table.REJECTS, added, 3);
            append.commit();
            assertThat(rows).isEqualTo(run + 1);
            assertThat(append.written()).containsEntry(Table.REJECTS, run + 1L);
            before = append.written();
            // runs 1 and 2 share (1, then 2 earlier writes); run 3 finds 3 and writes whole; run 4 shares again
            assertThat(writes(Table.REJECTS)).as("after run %d", run).isEqualTo(run == 3 ? 1 : run == 4 ? 2 : run + 1);
        }
        assertThat(new TableStore(spark, out.toUri().toString(), "reader")
                        .read(Table.REJECTS, "test")
                        .select("source_uri")
                        .as(org.apache.spark.sql.Encoders.STRING())
                        .collectAsList())
                .containsExactlyInAnyOrder("file:/0.txt", "file:/1.txt", "file:/2.txt", "file:/3.txt", "file:/4.txt");
    }

    /**
     * An append that rewrites the earlier files (here a copy that leaves a mark beside each) keeps their names and adds
     * its rows; once the earlier files come from too many writes, the whole table is written instead.
     */
    @Test
    void appendsRewriteTheEarlierFilesUntilTheyComeFromTooManyWritesThenTheTableIsWrittenWhole() throws Exception {
        TableStore full = new TableStore(spark, out.toUri().toString(), "run0");
        full.write(Table.REJECTS, rejects("file:/0.txt"));
        full.commit();
        List<String> earlier = partFiles(Outputs.currentRun(out).resolve("rejects"));
        TableStore.FileRewrite copyAndMark = new CopyAndMark();
        for (int run = 1; run <= 3; run++) {
            TableStore append = new TableStore(spark, out.toUri().toString(), "run" + run);
            int kept = spark.sparkContext().getPersistentRDDs().size();
            TableStore.Rewritten written = append.writeAddingRewritten(
                    Table.REJECTS, rejects("file:/" + run + ".txt"), copyAndMark, () -> rejects("file:/whole.txt"), 3);
            List<String> given = written.given()
                    .map(d -> d.as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                    .orElse(List.of());
            written.given().ifPresent(Dataset::unpersist);
            assertThat(spark.sparkContext().getPersistentRDDs().size())
                    .as("the given rows are released with the Dataset")
                    .isEqualTo(kept);
            append.commit();
            Path folder = Outputs.currentRun(out).resolve("rejects");
            List<String> uris = new TableStore(spark, out.toUri().toString(), "reader")
                    .read(Table.REJECTS, "test")
                    .select("source_uri")
                    .as(org.apache.spark.sql.Encoders.STRING())
                    .collectAsList();
            if (run < 3) {
                assertThat(written.rows()).isEqualTo(run + 1);
                assertThat(given)
                        .as("one row given back per rewritten file")
                        .containsExactlyInAnyOrderElementsOf(earlier);
                assertThat(uris)
                        .as("after run %d", run)
                        .hasSize(run + 1)
                        .contains("file:/0.txt", "file:/" + run + ".txt");
                assertThat(partFiles(folder))
                        .as("the earlier files keep their names")
                        .containsAll(earlier);
                for (String name : earlier) {
                    assertThat(folder.resolve("_rewritten-" + name))
                            .as("run %d rewrote %s", run, name)
                            .exists();
                }
                earlier = partFiles(folder);
            } else { // the earlier files come from 3 writes
                assertThat(uris).containsExactly("file:/whole.txt");
                assertThat(written.given()).isEmpty();
            }
        }
    }

    /** A rewrite that copies the file, leaves a mark beside it and gives back its name. */
    private static final class CopyAndMark implements TableStore.FileRewrite {
        @Override
        public java.util.Iterator<Row> rewrite(
                org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to, org.apache.hadoop.conf.Configuration conf)
                throws java.io.IOException {
            org.apache.hadoop.fs.FileSystem fs = to.getFileSystem(conf);
            org.apache.hadoop.fs.FileUtil.copy(fs, from, fs, to, false, conf);
            fs.create(new org.apache.hadoop.fs.Path(to.getParent(), "_rewritten-" + from.getName()))
                    .close();
            return List.of(RowFactory.create(from.getName())).iterator();
        }

        @Override
        public org.apache.spark.sql.types.StructType givenSchema() {
            return new org.apache.spark.sql.types.StructType().add("file", "string");
        }
    }

    private static List<String> partFiles(Path folder) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("part-"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The rows of some documents: from the files an append added when those hold every wanted document, else from
     * the whole table; the same rows either way.
     */
    @Test
    void theRowsOfNewDocumentsAreReadFromTheFilesTheAppendAdded() {
        Table table = Table.STATE_TERM_COUNTS_DOCUMENTS; // doc_id, content_sha
        TableStore full = new TableStore(spark, out.toUri().toString(), "run0");
        full.write(table, documents("a", "b"));
        assertThat(ids(full.readOf(table, documents("a"), "test")))
                .as("a full run reads its own table")
                .containsExactly("a");
        full.commit();
        TableStore append = new TableStore(spark, out.toUri().toString(), "run1");
        append.writeAdding(table, documents("c", "d"));

        Dataset<Row> newOnes = append.readOf(table, documents("c", "d"), "test");
        assertThat(ids(newOnes)).containsExactlyInAnyOrder("c", "d");
        List<String> added = partFiles(newOnes);
        assertThat(added).as("only the added files are read").isNotEmpty();

        Dataset<Row> mixed = append.readOf(table, documents("b", "c"), "test");
        assertThat(ids(mixed)).containsExactlyInAnyOrder("b", "c");
        assertThat(partFiles(mixed)).as("an earlier document: the whole table").hasSizeGreaterThan(added.size());
        Dataset<Row> none = append.readOf(table, documents("e"), "test");
        assertThat(ids(none)).as("a document without rows").isEmpty();
        append.commit();

        TableStore whole = new TableStore(spark, out.toUri().toString(), "run2");
        whole.write(table, documents("a", "b", "c", "d", "e"));
        Dataset<Row> written = whole.readOf(table, documents("e"), "test");
        assertThat(ids(written)).containsExactly("e");
        assertThat(partFiles(written))
                .as("a table written whole is read whole")
                .containsExactlyInAnyOrderElementsOf(partFiles(whole.read(table, "test")));
    }

    private Dataset<Row> documents(String... ids) {
        return spark.createDataFrame(
                java.util.Arrays.stream(ids)
                        .map(id -> RowFactory.create(id, "sha-" + id))
                        .toList(),
                Table.STATE_TERM_COUNTS_DOCUMENTS.schema());
    }

    private static List<String> ids(Dataset<Row> rows) {
        return rows.select("doc_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    }

    private static List<String> partFiles(Dataset<Row> rows) {
        return java.util.Arrays.stream(rows.inputFiles())
                .filter(f -> f.contains("part-"))
                .toList();
    }

    /** The row count of a shared table is the run before's (as its manifest gives it) plus the rows added. */
    @Test
    void aSharedTableIsCountedFromTheRunBeforesCountNotFromItsFiles() {
        TableStore full = new TableStore(spark, out.toUri().toString(), "run0");
        full.write(Table.REJECTS, rejects("file:/0.txt"));
        full.commit();
        TableStore append = new TableStore(spark, out.toUri().toString(), "run1");
        append.knowPreviousRowCounts(java.util.Map.of(Table.REJECTS, 100L)); // made up: the files hold 1 row
        assertThat(append.writeAdding(Table.REJECTS, rejects("file:/1.txt"))).isEqualTo(101);
    }

    @Test
    void aWriteIsKnownByTheUuidSparkPutsInItsFileNames() {
        assertThat(TableStore.writeOf("part-00003-6ace90c2-5fa5-4a5b-8d0d-4e77e4c24e56-c000.snappy.parquet"))
                .isEqualTo(TableStore.writeOf("part-00011-6ace90c2-5fa5-4a5b-8d0d-4e77e4c24e56-c000.snappy.parquet"))
                .isEqualTo("6ace90c2-5fa5-4a5b-8d0d-4e77e4c24e56");
        assertThat(TableStore.writeOf("data.parquet")).isEqualTo("data.parquet");
    }

    /** The writes the current run's copy of a table has files of. */
    private long writes(Table table) {
        java.io.File[] files =
                Outputs.currentRun(out).resolve(table.tableName()).toFile().listFiles();
        return java.util.Arrays.stream(files)
                .map(java.io.File::getName)
                .filter(n -> n.startsWith("part-"))
                .map(TableStore::writeOf)
                .distinct()
                .count();
    }
}
