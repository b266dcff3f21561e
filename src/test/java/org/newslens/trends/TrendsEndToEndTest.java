package org.newslens.trends;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.testing.SharedSpark;

/**
 * The real pipeline (ingest, annotate, terms, entities, topics, trends, report) on {@link DatedCorpus}: the planted
 * burst is flagged in its week and tops that week's list and the report's, the biased term tops its outlet's
 * keyness, the reprint counts once, the undated articles are counted, and the same corpus with its dates shuffled
 * flags no burst.
 */
class TrendsEndToEndTest {
    private static final SparkSession SPARK = SharedSpark.session();

    @TempDir
    static Path work;

    private static TableStore planted;
    private static TableStore shuffled;
    private static String plantedRoot;

    @BeforeAll
    static void run() throws Exception {
        plantedRoot = pipeline("planted", DatedCorpus.articles());
        planted = new TableStore(SPARK, plantedRoot, "check");
        shuffled = new TableStore(SPARK, withShuffledDates(plantedRoot, "shuffled-out", 7), "check");
    }

    /**
     * A copy of a finished output whose documents have their dates shuffled among them (seeded), and trends run
     * again on it: the same corpus with its dates shuffled (the NLP tables do not depend on the dates).
     */
    private static String withShuffledDates(String root, String name, long seed) throws Exception {
        Path from = Path.of(java.net.URI.create(root));
        Path to = work.resolve(name);
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path file : files.toList()) {
                java.nio.file.Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        String copy = to.toUri().toString();
        Dataset<Row> documents = new TableStore(SPARK, copy, "read")
                .read(Table.DOCUMENTS, "test")
                .cache();
        List<Row> dated = documents
                .filter(col("published").isNotNull())
                .select("doc_id", "published")
                .orderBy("doc_id")
                .collectAsList();
        List<java.sql.Date> dates =
                new java.util.ArrayList<>(dated.stream().map(r -> r.getDate(1)).toList());
        java.util.Collections.shuffle(dates, new java.util.Random(seed));
        List<Row> moved = new java.util.ArrayList<>();
        for (int i = 0; i < dated.size(); i++) {
            moved.add(org.apache.spark.sql.RowFactory.create(dated.get(i).getString(0), dates.get(i)));
        }
        Dataset<Row> newDates = SPARK.createDataFrame(
                moved,
                new org.apache.spark.sql.types.StructType()
                        .add("moved_id", "string")
                        .add("moved_date", "date"));
        Dataset<Row> shuffledDocs = documents
                .join(newDates, col("doc_id").equalTo(col("moved_id")), "left")
                .withColumn("published", col("moved_date"))
                .drop("moved_id", "moved_date");
        TableStore store = new TableStore(SPARK, copy, "shuffle");
        store.write(Table.DOCUMENTS, shuffledDocs);
        store.commit();
        documents.unpersist();
        assertThat(Main.run(new String[] {"trends", "--output", copy})).isZero();
        return copy;
    }

    private static String pipeline(String name, List<DatedCorpus.Article> articles) throws Exception {
        Path input = work.resolve(name + "-in").resolve("articles.jsonl");
        DatedCorpus.write(articles, input);
        String output = work.resolve(name + "-out").toUri().toString();
        assertThat(Main.run(new String[] {
                    "all", "--input", input.getParent().toUri().toString(), "--output", output
                }))
                .isZero();
        return output;
    }

    private static String entityId(TableStore tables, String name) {
        List<Row> rows = tables.read(Table.ENTITIES, "test")
                .filter(col("name").equalTo(name))
                .collectAsList();
        assertThat(rows).as("entity " + name).hasSize(1);
        return rows.get(0).getString(0);
    }

    private static String lastWeek(TableStore tables) {
        return tables.read(Table.ENTITY_TRENDS, "test")
                .orderBy(col("period_start").desc())
                .first()
                .getString(0);
    }

    @Test
    void theBurstIsFlaggedInItsWeekAndTopsThatWeeksList() {
        String id = entityId(planted, DatedCorpus.BURST);
        Dataset<Row> trends = planted.read(Table.ENTITY_TRENDS, "test");
        trends.orderBy(col("burst_score").desc()).show(10, false);
        String week = lastWeek(planted);
        assertThat(week).isEqualTo("2024-W07");
        List<Row> burst = trends.filter(col("entity_id").equalTo(id)).collectAsList();
        assertThat(burst).hasSize(1);
        Row row = burst.get(0);
        assertThat(row.getString(row.fieldIndex("period"))).isEqualTo(week);
        assertThat(row.getLong(row.fieldIndex("docs"))).isEqualTo(5);
        assertThat(row.getLong(row.fieldIndex("period_docs"))).isEqualTo(6);
        assertThat(row.getDouble(row.fieldIndex("expected"))).isZero();
        assertThat(row.getBoolean(row.fieldIndex("is_burst"))).isTrue();
        assertThat(row.getBoolean(row.fieldIndex("is_new"))).isTrue();
        Row top = trends.filter(col("period").equalTo(week))
                .orderBy(col("burst_score").desc(), col("entity_id"))
                .first();
        assertThat(top.getString(top.fieldIndex("entity_id"))).isEqualTo(id);
        assertThat(trends.filter(col("is_burst")).count())
                .as("only the planted burst")
                .isEqualTo(1);
    }

    @Test
    void theBurstTopsTheReportsRisingList() {
        org.newslens.report.ReportData data = new org.newslens.report.ReportLoader(
                        new org.newslens.io.ParquetTables(new org.apache.hadoop.conf.Configuration(), plantedRoot),
                        org.newslens.SettingsRegistry.defaults())
                .load();
        assertThat(data.changes().latestPeriod()).isEqualTo("2024-W07");
        assertThat(data.changes().entities().get(0).name()).isEqualTo(DatedCorpus.BURST);
        assertThat(data.changes().entities().get(0).burst()).isTrue();
        assertThat(data.changes().pairs())
                .extracting(p -> p.nameA() + " + " + p.nameB())
                .containsAnyOf(
                        DatedCorpus.BURST + " + " + DatedCorpus.PARTNER,
                        DatedCorpus.PARTNER + " + " + DatedCorpus.BURST);
        assertThat(data.changes().examples())
                .isNotEmpty()
                .anyMatch(k -> k.sentence().contains(DatedCorpus.BURST));
    }

    @Test
    void theBurstsNewPairIsMarkedNew() {
        String burst = entityId(planted, DatedCorpus.BURST);
        String partner = entityId(planted, DatedCorpus.PARTNER);
        List<Row> pair = planted.read(Table.PAIR_TRENDS, "test")
                .filter(col("entity_a").isin(burst, partner).and(col("entity_b").isin(burst, partner)))
                .collectAsList();
        assertThat(pair).hasSize(1);
        Row row = pair.get(0);
        assertThat(row.getString(row.fieldIndex("period"))).isEqualTo(lastWeek(planted));
        assertThat(row.getLong(row.fieldIndex("count"))).isEqualTo(3);
        assertThat(row.getBoolean(row.fieldIndex("is_new"))).isTrue();
    }

    @Test
    void theBiasedTermTopsItsOutletsKeyness() {
        Dataset<Row> keyness = planted.read(Table.KEYNESS, "test");
        Row top = keyness.filter(col("grouping")
                        .equalTo("outlet")
                        .and(col("group").equalTo(DatedCorpus.BIASED_OUTLET))
                        .and(col("kind").equalTo("term")))
                .orderBy(col("g2").desc(), col("term"))
                .first();
        assertThat(top.getString(top.fieldIndex("term"))).isEqualTo(DatedCorpus.BIASED_TERM);
        assertThat(top.getLong(top.fieldIndex("count_out"))).isZero();
        assertThat(top.getDouble(top.fieldIndex("p_value"))).isLessThan(1e-6);
        // The other outlet has no lighthouse row: it never uses the word.
        assertThat(keyness.filter(col("group")
                                .equalTo(DatedCorpus.OTHER_OUTLET)
                                .and(col("term").equalTo(DatedCorpus.BIASED_TERM)))
                        .count())
                .isZero();
        // Entities are in the same table: the burst belongs to neither outlet in particular, and is in it.
        assertThat(keyness.filter(col("kind").equalTo("entity").and(col("term").equalTo(DatedCorpus.BURST)))
                        .count())
                .isPositive();
    }

    @Test
    void theReprintNamesItsOutletsAndCountsOnce() {
        List<Row> duplicates = planted.read(Table.DUPLICATES, "test").collectAsList();
        assertThat(duplicates).hasSize(1);
        Row copy = duplicates.get(0);
        assertThat(copy.getString(copy.fieldIndex("doc_id"))).isNotNull();
        assertThat(copy.getString(copy.fieldIndex("outlet"))).isEqualTo(DatedCorpus.BIASED_OUTLET);
        assertThat(copy.getString(copy.fieldIndex("duplicate_of_outlet"))).isEqualTo(DatedCorpus.OTHER_OUTLET);
        // 42 dated articles and one reprint: the reprint is not among the period documents.
        long periodDocs = planted.read(Table.ENTITY_TRENDS, "test")
                .select("period", "period_docs")
                .distinct()
                .agg(org.apache.spark.sql.functions.sum("period_docs"))
                .first()
                .getLong(0);
        assertThat(periodDocs).isEqualTo(2L * DatedCorpus.WEEKS * DatedCorpus.PER_WEEK);
    }

    @Test
    void undatedArticlesAreCountedInTheRunSummary() throws Exception {
        JsonNode manifest = new ObjectMapper()
                .readTree(java.nio.file.Files.readString(
                        org.newslens.testing.Outputs.currentRun(Path.of(java.net.URI.create(plantedRoot)))
                                .resolve("_manifest.json")));
        assertThat(manifest.path("figures").path("trends_undated_documents").asLong())
                .isEqualTo(2);
        assertThat(manifest.path("figures").path("trends_period").asText()).isEqualTo("week");
    }

    @Test
    void shuffledDatesFlagNoBurst() {
        Dataset<Row> trends = shuffled.read(Table.ENTITY_TRENDS, "test");
        trends.orderBy(col("burst_score").desc()).show(5, false);
        assertThat(trends.count()).isPositive();
        assertThat(trends.filter(col("is_burst")).count()).isZero();
        assertThat(shuffled.read(Table.PAIR_TRENDS, "test")
                        .filter(col("is_burst"))
                        .count())
                .isZero();
    }
}
