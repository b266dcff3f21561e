package org.newslens.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.bench.TopicsInput;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.testing.Outputs;
import org.newslens.testing.SharedSpark;

/** End to end: the real entry point on fixture tables built with the table schemas. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicsJobTest {
    private final SparkSession spark = SharedSpark.session();

    @TempDir
    static Path dir;

    private String output;
    private TableStore tables;

    @BeforeAll
    void runOnThemedCorpus() {
        output = dir.resolve("themed").toUri().toString();
        List<TopicsInput.Doc> docs = new ArrayList<>(ThemedCorpus.docs(8, 11));
        // A near-copy of one baking article, published later: one word changed.
        TopicsInput.Doc original = docs.stream()
                .filter(d -> d.docId().equals("baking-02"))
                .findFirst()
                .orElseThrow();
        List<String> copied = new ArrayList<>(original.sentences());
        copied.set(5, copied.get(5).replaceFirst("The", "A"));
        docs.add(new TopicsInput.Doc("reposted-01", original.published().plusDays(2), copied));
        TopicsInput.write(spark, output, docs);
        assertThat(Main.run(new String[] {"topics", "--output", output, "--topics.k", "3"}))
                .isZero();
        tables = new TableStore(spark, output, "read");
    }

    @Test
    void clustersSeparateTheThemes() {
        Map<String, Set<Integer>> clustersByTheme = new HashMap<>();
        for (Row row : tables.read(Table.CLUSTERS, "test").collectAsList()) {
            String doc = row.getString(0);
            if (!doc.startsWith("reposted")) {
                clustersByTheme
                        .computeIfAbsent(ThemedCorpus.theme(doc), t -> new HashSet<>())
                        .add(row.getInt(1));
            }
        }
        assertThat(clustersByTheme).hasSize(3);
        clustersByTheme.values().forEach(ids -> assertThat(ids).hasSize(1));
        assertThat(clustersByTheme.values().stream()
                        .flatMap(Set::stream)
                        .distinct()
                        .count())
                .isEqualTo(3);
    }

    @Test
    void dominantTopicsSeparateTheThemesAndTopTermsComeFromOneTheme() {
        Map<String, Set<Integer>> topicsByTheme = new HashMap<>();
        for (Row row :
                tables.read(Table.DOC_TOPICS, "test").filter("is_dominant").collectAsList()) {
            String doc = row.getString(0);
            if (!doc.startsWith("reposted")) {
                topicsByTheme
                        .computeIfAbsent(ThemedCorpus.theme(doc), t -> new HashSet<>())
                        .add(row.getInt(2));
            }
        }
        assertThat(topicsByTheme).hasSize(3);
        topicsByTheme.values().forEach(ids -> assertThat(ids).hasSize(1));
        assertThat(topicsByTheme.values().stream()
                        .flatMap(Set::stream)
                        .distinct()
                        .count())
                .isEqualTo(3);

        Map<Integer, List<String>> topTerms = new HashMap<>();
        tables.read(Table.TOPICS, "test")
                .filter("rank <= 5")
                .orderBy("topic_id", "rank")
                .collectAsList()
                .forEach(r -> topTerms.computeIfAbsent(r.getInt(1), t -> new ArrayList<>())
                        .add(r.getString(3)));
        assertThat(topTerms).hasSize(3);
        for (List<String> terms : topTerms.values()) {
            assertThat(ThemedCorpus.THEMES)
                    .anySatisfy(theme -> assertThat(theme).containsAll(terms));
        }
    }

    @Test
    void docTopicWeightsSumToOneWithOneDominantTopic() {
        List<Row> sums = tables.read(Table.DOC_TOPICS, "test")
                .groupBy("doc_id")
                .agg(
                        org.apache.spark.sql.functions.sum("weight"),
                        org.apache.spark.sql.functions.expr("count_if(is_dominant)"))
                .collectAsList();
        assertThat(sums).hasSize(25);
        for (Row row : sums) {
            assertThat(row.getDouble(1)).isBetween(0.97, 1.0 + 1e-9);
            assertThat(row.getLong(2)).isEqualTo(1);
        }
    }

    @Test
    void nearCopyIsListedAsDuplicateOfTheEarlierArticleAndStillClustered() {
        List<Row> duplicates = tables.read(Table.DUPLICATES, "test").collectAsList();
        assertThat(duplicates).hasSize(1);
        assertThat(duplicates.get(0).getString(0)).isEqualTo("reposted-01");
        assertThat(duplicates.get(0).getString(1)).isEqualTo("baking-02");
        assertThat(duplicates.get(0).getDouble(2)).isBetween(0.8, 1.0);
        Map<String, Integer> cluster = new HashMap<>();
        tables.read(Table.CLUSTERS, "test").collectAsList().forEach(r -> cluster.put(r.getString(0), r.getInt(1)));
        assertThat(cluster).hasSize(25);
        assertThat(cluster.get("reposted-01")).isEqualTo(cluster.get("baking-02"));
    }

    @Test
    void clusterLabelsNameTheirTheme() {
        for (Row row : tables.read(Table.CLUSTERS, "test")
                .select("cluster_id", "label")
                .distinct()
                .collectAsList()) {
            List<String> words = List.of(row.getString(1).split(", "));
            assertThat(words).hasSizeGreaterThanOrEqualTo(2);
            assertThat(ThemedCorpus.THEMES)
                    .anySatisfy(theme -> assertThat(theme).containsAll(words.subList(0, 2)));
        }
    }

    @Test
    void trendsGiveMonthlySharesForDatedDocuments() {
        List<Row> clusterShares = tables.read(Table.TOPIC_TRENDS, "test")
                .filter("model = 'clusters'")
                .groupBy("period")
                .agg(org.apache.spark.sql.functions.sum("share"), org.apache.spark.sql.functions.sum("docs"))
                .orderBy("period")
                .collectAsList();
        assertThat(clusterShares).extracting(r -> r.getString(0)).containsExactly("2024-01", "2024-02", "2024-03");
        clusterShares.forEach(
                r -> assertThat(r.getDouble(1)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(clusterShares.stream().mapToLong(r -> r.getLong(2)).sum()).isEqualTo(25);
        assertThat(tables.read(Table.TOPIC_TRENDS, "test")
                        .filter("model = 'nmf'")
                        .count())
                .isGreaterThanOrEqualTo(9);
    }

    @Test
    void metricsHaveCoherenceAndSilhouette() {
        Map<String, Double> modelWide = new HashMap<>();
        tables.read(Table.TOPIC_METRICS, "test")
                .filter("topic_id is null")
                .collectAsList()
                .forEach(r -> modelWide.put(r.getString(0) + "/" + r.getString(2), r.getDouble(3)));
        assertThat(modelWide.get("nmf/c_npmi")).isBetween(0.0, 1.0);
        assertThat(modelWide.get("clusters/silhouette")).isGreaterThan(0.5);
        assertThat(modelWide.get("nmf/k")).isEqualTo(3.0);
        assertThat(tables.read(Table.TOPIC_METRICS, "test")
                        .filter("metric = 'npmi' and model = 'nmf'")
                        .count())
                .isEqualTo(3);
    }

    @Test
    void sameInputAndSeedGiveIdenticalTables() {
        String again = dir.resolve("again").toUri().toString();
        List<TopicsInput.Doc> docs = ThemedCorpus.docs(5, 3);
        TopicsInput.write(spark, again, docs);
        List<String> first = null;
        for (int run = 0; run < 2; run++) {
            assertThat(Main.run(new String[] {"topics", "--output", again})).isZero();
            List<String> rows = snapshot(new TableStore(spark, again, "read"));
            if (first == null) {
                first = rows;
            } else {
                assertThat(rows).isEqualTo(first);
            }
        }
        assertThat(first)
                .anyMatch(r -> r.startsWith("topics "))
                .anyMatch(r -> r.startsWith("clusters "))
                .anyMatch(r -> r.startsWith("doc_topics "));
    }

    @Test
    void fiveDocumentsGetASmallK() {
        String small = dir.resolve("five").toUri().toString();
        List<TopicsInput.Doc> docs = new ArrayList<>();
        docs.add(doc("a1", "The telescope showed a comet near the planet.", "An astronomer saw the comet."));
        docs.add(doc("a2", "A comet crossed the orbit of the planet.", "The telescope followed the comet."));
        docs.add(doc("b1", "Knead the dough and warm the oven.", "The dough rose in the oven."));
        docs.add(doc("b2", "The oven baked the dough into a loaf.", "Butter the loaf after the oven."));
        docs.add(doc("c1", "The yacht lost its mast in the regatta.", "!!!"));
        TopicsInput.write(spark, small, docs);
        assertThat(Main.run(new String[] {"topics", "--output", small})).isZero();
        TableStore store = new TableStore(spark, small, "read");
        assertThat(store.read(Table.CLUSTERS, "test").count()).isEqualTo(5);
        List<Row> k = store.read(Table.TOPIC_METRICS, "test")
                .filter("metric = 'k' and model = 'nmf'")
                .collectAsList();
        assertThat(k).hasSize(1);
        assertThat(k.get(0).getDouble(3)).isBetween(1.0, 2.0);
        assertThat(store.read(Table.TOPICS, "test").count()).isPositive();
    }

    @Test
    void badSettingsFailBeforeAnyTableIsWritten() throws Exception {
        String bad = dir.resolve("bad").toUri().toString();
        TopicsInput.write(spark, bad, ThemedCorpus.docs(1, 1));
        assertThat(Main.run(new String[] {"topics", "--output", bad, "--topics.k", "0"}))
                .isEqualTo(2);
        assertThat(Main.run(new String[] {"topics", "--output", bad, "--topics.k", "-4"}))
                .isEqualTo(2);
        assertThat(Main.run(new String[] {"topics", "--output", bad, "--topics.k", "many"}))
                .isEqualTo(2);
        assertThat(Main.run(new String[] {"topics", "--output", bad, "--topics.model", "lda2"}))
                .isEqualTo(2);
        assertThat(Files.exists(Outputs.currentRun(dir.resolve("bad")).resolve("topics")))
                .isFalse();
        assertThat(Files.exists(Outputs.currentRun(dir.resolve("bad")).resolve("clusters")))
                .isFalse();
        assertThat(Files.exists(Outputs.currentRun(dir.resolve("bad")).resolve("documents")))
                .isTrue();
    }

    private static TopicsInput.Doc doc(String id, String... sentences) {
        return new TopicsInput.Doc(id, LocalDate.of(2024, 5, 1), List.of(sentences));
    }

    private static List<String> snapshot(TableStore store) {
        List<String> rows = new ArrayList<>();
        for (Table table : List.of(
                Table.TOPICS,
                Table.DOC_TOPICS,
                Table.CLUSTERS,
                Table.DUPLICATES,
                Table.TOPIC_TRENDS,
                Table.TOPIC_METRICS)) {
            store.read(table, "test").collectAsList().forEach(r -> rows.add(table.tableName() + " " + r));
        }
        rows.sort(null);
        return rows;
    }
}
