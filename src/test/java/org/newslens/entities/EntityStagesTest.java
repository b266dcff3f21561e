package org.newslens.entities;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newslens.testing.SharedSpark;

/**
 * Small fixtures with hand-computed pairs and scores. Sentence windows:
 * d1/0 {A, B} (A twice), d1/1 {A, C}, d1/2 {}, d2/0 {A, B}, d2/1 {B}: N = 5, nA = 3, nB = 3, nC = 1.
 * Document windows: d1 {A, B, C}, d2 {A, B}: N = 2, nA = 2, nB = 2, nC = 1.
 */
class EntityStagesTest {
    private final SparkSession spark = SharedSpark.session();

    private static final StructType MENTIONS = new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("sent_id", DataTypes.IntegerType)
            .add("text", DataTypes.StringType)
            .add("type", DataTypes.StringType)
            .add("entity_id", DataTypes.StringType)
            .add("name", DataTypes.StringType);

    private Dataset<Row> mentions() {
        List<Row> rows = List.of(
                m("d1", 0, "Ruritania", "LOCATION", "a"), m("d1", 0, "Ruritania's", "LOCATION", "a"),
                m("d1", 0, "Borduria", "LOCATION", "b"), m("d1", 1, "Ruritania", "LOCATION", "a"),
                m("d1", 1, "Okafor", "PERSON", "c"), m("d2", 0, "Ruritania", "LOCATION", "a"),
                m("d2", 0, "Borduria", "LOCATION", "b"), m("d2", 1, "Bordurian Republic", "ORGANIZATION", "b"));
        return spark.createDataFrame(rows, MENTIONS);
    }

    private static Row m(String doc, int sent, String text, String type, String id) {
        String name =
                Map.of("a", "Ruritania", "b", "Borduria", "c", "Amara Okafor").get(id);
        return RowFactory.create(doc, sent, text, type, id, name);
    }

    /** entity_pairs rows of one window kind, computed as the entities stage does over so many windows. */
    private static Dataset<Row> pairRows(
            Dataset<Row> mentions,
            Dataset<Row> entities,
            String window,
            long sentences,
            long documents,
            List<String> types,
            int minCount,
            int maxEntities) {
        return CooccurrencePairs.pairs(
                        CooccurrencePairs.countWindows(mentions, entities, types, minCount, maxEntities),
                        sentences,
                        documents)
                .rows()
                .where(col("window").equalTo(window));
    }

    /** The pairs of {@link #mentions()}: five sentences in two documents. */
    private Map<String, Row> pairs(String window, List<String> types, int minCount) {
        Dataset<Row> entities = EntityTable.build(mentions());
        Map<String, Row> byPair = new HashMap<>();
        for (Row r : pairRows(mentions(), entities, window, 5, 2, types, minCount, 100)
                .collectAsList()) {
            byPair.put(r.getString(0) + r.getString(1), r);
        }
        return byPair;
    }

    /** Tasks that hand their sums on after every key or two still count each window and document once. */
    @Test
    void windowCountsDoNotDependOnHowOftenTasksHandTheirSumsOn() {
        Dataset<Row> entities = EntityTable.build(mentions());
        List<String> types = List.of("PERSON", "LOCATION", "ORGANIZATION");
        List<String> whole = counts(byId(CooccurrencePairs.countWindows(mentions(), entities, types, 1, 100)));
        assertThat(whole).contains("sentence a null 3 2", "sentence a b 2 2", "document a b 2 2", "document b c 1 1");
        for (int flushAt : new int[] {1, 2, 3}) {
            assertThat(counts(byId(CooccurrencePairs.countWindows(mentions(), entities, types, 1, 100, flushAt))))
                    .as("handed on every %d keys", flushAt)
                    .isEqualTo(whole);
        }
    }

    /** Pairs seen in fewer than minCount windows are dropped from the kept counts; every entity's own count stays. */
    @Test
    void windowCountsKeepThePairsOfAtLeastMinCountWindowsAndEveryEntity() {
        Dataset<Row> entities = EntityTable.build(mentions());
        List<String> types = List.of("PERSON", "LOCATION", "ORGANIZATION");
        List<String> all = counts(byId(CooccurrencePairs.countWindows(mentions(), entities, types, 1, 100)));
        List<String> kept = counts(byId(CooccurrencePairs.countWindows(mentions(), entities, types, 2, 100)));
        assertThat(kept)
                .contains("sentence a null 3 2", "document a b 2 2")
                .doesNotContain("document b c 1 1")
                .allSatisfy(row -> {
                    String[] fields = row.split(" ");
                    if (!fields[2].equals("null")) {
                        assertThat(Long.parseLong(fields[3])).as(row).isGreaterThanOrEqualTo(2);
                    }
                });
        assertThat(all.stream().filter(row -> row.contains(" null ")).toList())
                .isEqualTo(kept.stream().filter(row -> row.contains(" null ")).toList());
    }

    /** The packed keys come back as they went in, at the edges of each part's bits too. */
    @Test
    void packedKeysUnpackToWindowEntityAndOther() {
        StructType keyed = new StructType()
                .add(CooccurrencePartition.KEY, DataTypes.LongType, false)
                .add("count", DataTypes.LongType, false)
                .add("docs", DataTypes.LongType, false);
        int lastEntity = (int) CooccurrencePartition.ENTITY_MASK;
        List<Row> rows = List.of(
                RowFactory.create(CooccurrencePartition.key(0, 0), 1L, 1L),
                RowFactory.create(CooccurrencePartition.key(lastEntity, CooccurrencePartition.ALONE), 2L, 2L),
                RowFactory.create(
                        CooccurrencePartition.DOCUMENT_WINDOW
                                | CooccurrencePartition.key(lastEntity, Integer.MAX_VALUE),
                        3L,
                        3L));
        List<String> unpacked = CooccurrencePairs.unpacked(spark.createDataFrame(rows, keyed)).collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.get(1) + " " + r.get(2) + " " + r.getLong(3))
                .sorted()
                .toList();
        assertThat(unpacked)
                .containsExactly(
                        "document " + lastEntity + " " + Integer.MAX_VALUE + " 3",
                        "sentence 0 0 1",
                        "sentence " + lastEntity + " null 2");
    }

    @Test
    void anEntityNumberBeyondTheKeysBitsIsAClearError() {
        assertThatThrownBy(() -> CooccurrencePartition.key((int) CooccurrencePartition.ENTITY_MASK + 1, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("entities");
    }

    /**
     * The window counts with entity ids for numbers: (window, entity_a, entity_b, count, docs), entity_b null for
     * entity_a's own window count.
     */
    private static Dataset<Row> byId(CooccurrencePairs.WindowCounts windowCounts) {
        Dataset<Row> numbered = windowCounts.numbered();
        Dataset<Row> idA = numbered.select(
                col(CooccurrencePartition.ENTITY), col("entity_id").as("entity_a"));
        Dataset<Row> idB = numbered.select(
                col(CooccurrencePartition.ENTITY).as(CooccurrencePartition.OTHER),
                col("entity_id").as("entity_b"));
        return windowCounts
                .counts()
                .join(idA, CooccurrencePartition.ENTITY)
                .join(idB, new String[] {CooccurrencePartition.OTHER}, "left")
                .select("window", "entity_a", "entity_b", "count", "docs");
    }

    private static List<String> counts(Dataset<Row> windowCounts) {
        return windowCounts.collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2) + " " + r.getLong(3) + " "
                        + r.getLong(4))
                .sorted()
                .toList();
    }

    @Test
    void entitiesHaveMajorityTypeAliasesAndCounts() {
        Map<String, Row> byId = new HashMap<>();
        EntityTable.build(mentions()).collectAsList().forEach(r -> byId.put(r.getString(r.fieldIndex("entity_id")), r));
        Row b = byId.get("b");
        assertThat(b.getString(b.fieldIndex("type"))).isEqualTo("LOCATION"); // 2 LOCATION against 1 ORGANIZATION
        assertThat(b.getLong(b.fieldIndex("mentions"))).isEqualTo(3);
        assertThat(b.getLong(b.fieldIndex("docs"))).isEqualTo(2);
        Row a = byId.get("a");
        List<String> aliases = new ArrayList<>();
        for (Row alias : a.<Row>getList(a.fieldIndex("aliases"))) {
            aliases.add(alias.getString(0) + "=" + alias.getLong(1));
        }
        assertThat(aliases).containsExactly("Ruritania=3", "Ruritania's=1");
    }

    @Test
    void sentencePairsAreCountedOncePerSentenceWithHandComputedScores() {
        Map<String, Row> p = pairs("sentence", List.of("PERSON", "ORGANIZATION", "LOCATION"), 1);
        assertThat(p.keySet()).containsExactlyInAnyOrder("ab", "ac");
        Row ab = p.get("ab");
        assertThat(ab.getString(2)).isEqualTo("sentence");
        assertThat(ab.getLong(3)).isEqualTo(2); // count: d1/0 and d2/0, A twice in d1/0 counts once
        assertThat(ab.getLong(4)).isEqualTo(2); // docs
        assertThat(ab.getDouble(5)).isCloseTo(Math.log(10.0 / 9) / Math.log(2), within(1e-12)); // log2(2*5/(3*3))
        assertThat(ab.getDouble(6)).isCloseTo(Math.log(10.0 / 9) / -Math.log(2.0 / 5), within(1e-12));
        assertThat(ab.getDouble(8)).isCloseTo(0.5, within(1e-12)); // 2/(3+3-2)
        assertThat(ab.getString(9)).isEqualTo("Ruritania");
        assertThat(ab.getString(10)).isEqualTo("Borduria");
        Row ac = p.get("ac");
        assertThat(ac.getDouble(5)).isCloseTo(Math.log(5.0 / 3) / Math.log(2), within(1e-12)); // log2(1*5/(3*1))
    }

    @Test
    void aPairInSeveralSentencesOfOneDocumentCountsEachSentenceButOneDocumentWhateverTheRowOrder() {
        List<Row> rows = new ArrayList<>(List.of(
                m("d1", 0, "Ruritania", "LOCATION", "a"), m("d1", 0, "Borduria", "LOCATION", "b"),
                m("d1", 1, "Borduria", "LOCATION", "b"), m("d1", 1, "Ruritania", "LOCATION", "a"),
                m("d1", 2, "Ruritania", "LOCATION", "a"), m("d2", 0, "Borduria", "LOCATION", "b")));
        java.util.Collections.reverse(rows);
        Dataset<Row> mentions = spark.createDataFrame(rows, MENTIONS).repartition(3);
        Dataset<Row> entities = EntityTable.build(mentions);
        List<Row> sentence = pairRows(mentions, entities, "sentence", 4, 2, List.of("LOCATION"), 1, 100)
                .collectAsList();
        assertThat(sentence).hasSize(1);
        Row ab = sentence.get(0);
        assertThat(ab.getLong(3)).as("sentences with both").isEqualTo(2);
        assertThat(ab.getLong(4)).as("documents").isEqualTo(1);
        assertThat(ab.getDouble(8)).as("jaccard 2/(3+3-2)").isCloseTo(0.5, within(1e-12));
        Row document = pairRows(mentions, entities, "document", 4, 2, List.of("LOCATION"), 1, 100)
                .first();
        assertThat(document.getLong(3)).isEqualTo(1);
        assertThat(document.getDouble(8)).as("jaccard 1/(1+2-1)").isCloseTo(0.5, within(1e-12));
    }

    @Test
    void documentPairsMinCountAndTypes() {
        Map<String, Row> p = pairs("document", List.of("PERSON", "LOCATION"), 1);
        assertThat(p.keySet()).containsExactlyInAnyOrder("ab", "ac", "bc");
        assertThat(p.get("ab").getLong(3)).isEqualTo(2);
        assertThat(p.get("ab").getDouble(6)).isEqualTo(1.0); // in every document
        assertThat(p.get("bc").getDouble(5)).isCloseTo(0.0, within(1e-12)); // log2(1*2/(2*1))
        assertThat(pairs("document", List.of("LOCATION"), 1).keySet()).containsExactly("ab");
        assertThat(pairs("sentence", List.of("PERSON", "LOCATION"), 2).keySet()).containsExactly("ab");
    }

    @Test
    void graphHasDegreesPagerankAndOneCommunityPerDenseGroupWhateverThePartitioning() {
        // Two 4-cliques joined by one weak edge, and an isolated entity g.
        String[] ids = {
            "1000000000000000",
            "2000000000000000",
            "3000000000000000",
            "4000000000000000",
            "5000000000000000",
            "6000000000000000",
            "7000000000000000",
            "8000000000000000",
            "9000000000000000"
        };
        List<Row> entityRows = new ArrayList<>();
        for (String id : ids) {
            entityRows.add(RowFactory.create(id, "n" + id.charAt(0), "PERSON"));
        }
        List<Row> edgeRows = new ArrayList<>();
        for (int group = 0; group < 2; group++) {
            for (int i = 0; i < 4; i++) {
                for (int j = i + 1; j < 4; j++) {
                    edgeRows.add(RowFactory.create(ids[group * 4 + i], ids[group * 4 + j], 3L));
                }
            }
        }
        edgeRows.add(RowFactory.create(ids[3], ids[4], 1L));
        StructType entitySchema = new StructType()
                .add("entity_id", DataTypes.StringType)
                .add("name", DataTypes.StringType)
                .add("type", DataTypes.StringType);
        StructType edgeSchema = new StructType()
                .add("entity_a", DataTypes.StringType)
                .add("entity_b", DataTypes.StringType)
                .add("count", DataTypes.LongType);
        Map<String, Row> first = graph(entityRows, edgeRows, entitySchema, edgeSchema, 1, false);
        Map<String, Row> second = graph(entityRows, edgeRows, entitySchema, edgeSchema, 4, false);
        assertThat(second).isEqualTo(first);
        assertThat(graph(entityRows, edgeRows, entitySchema, edgeSchema, 1, true))
                .as("computed in the driver")
                .isEqualTo(first);

        Row hub = first.get(ids[3]);
        assertThat(hub.getLong(1)).isEqualTo(4); // degree: 3 clique neighbours + the bridge
        assertThat(hub.getDouble(2)).isEqualTo(10.0); // weighted degree 3+3+3+1
        assertThat(first.get(ids[8]).getLong(1)).isZero();
        double total = first.values().stream().mapToDouble(r -> r.getDouble(3)).sum();
        assertThat(total).isCloseTo(1.0, within(1e-9));
        assertThat(hub.getDouble(3)).isGreaterThan(first.get(ids[0]).getDouble(3));
        long c1 = first.get(ids[0]).getLong(4);
        long c2 = first.get(ids[5]).getLong(4);
        for (int i = 0; i < 4; i++) {
            assertThat(first.get(ids[i]).getLong(4)).isEqualTo(c1);
            assertThat(first.get(ids[4 + i]).getLong(4)).isEqualTo(c2);
        }
        assertThat(c1).isNotEqualTo(c2);
        assertThat(first.get(ids[8]).getLong(4)).isNotIn(c1, c2);
    }

    @Test
    void pagerankIsTheSameToTheLastDigitOnAnyPartitioning() {
        // A made-up graph: 80 entities, 400 random edges with random counts, some entities left isolated.
        java.util.Random random = new java.util.Random(11);
        List<Row> entityRows = new ArrayList<>();
        for (int e = 0; e < 80; e++) {
            entityRows.add(
                    RowFactory.create(String.format("%016x", 0x1000000000000000L + e * 7919L), "n" + e, "PERSON"));
        }
        Map<String, Row> edges = new HashMap<>();
        while (edges.size() < 400) {
            String a = entityRows.get(random.nextInt(70)).getString(0);
            String b = entityRows.get(random.nextInt(70)).getString(0);
            if (a.compareTo(b) < 0) {
                edges.put(a + b, RowFactory.create(a, b, 2L + random.nextInt(9)));
            }
        }
        StructType entitySchema = new StructType()
                .add("entity_id", DataTypes.StringType)
                .add("name", DataTypes.StringType)
                .add("type", DataTypes.StringType);
        StructType edgeSchema = new StructType()
                .add("entity_a", DataTypes.StringType)
                .add("entity_b", DataTypes.StringType)
                .add("count", DataTypes.LongType);
        List<Row> edgeRows = new ArrayList<>(edges.values());
        Map<String, Row> first = graph(entityRows, edgeRows, entitySchema, edgeSchema, 1, false);
        for (int parts : new int[] {3, 7}) {
            java.util.Collections.shuffle(edgeRows, random);
            assertThat(graph(entityRows, edgeRows, entitySchema, edgeSchema, parts, false))
                    .isEqualTo(first);
            // In the driver: the same rows to the last digit, whatever order the pairs arrive in.
            assertThat(graph(entityRows, edgeRows, entitySchema, edgeSchema, parts, true))
                    .isEqualTo(first);
        }
        double total = first.values().stream().mapToDouble(r -> r.getDouble(3)).sum();
        assertThat(total).isCloseTo(1.0, within(1e-9));
        // The same ranks as GraphX's own PageRank (whose last digits depend on partitioning).
        Map<String, Double> graphx = graphxPagerank(entityRows, edgeRows, 10);
        for (Row r : first.values()) {
            assertThat(r.getDouble(3)).as(r.getString(0)).isCloseTo(graphx.get(r.getString(0)), within(1e-12));
        }
    }

    private Map<String, Double> graphxPagerank(List<Row> entities, List<Row> edges, int iterations) {
        List<scala.Tuple2<Object, String>> vertices = new ArrayList<>();
        Map<Long, String> ids = new HashMap<>();
        for (Row e : entities) {
            long vid = Long.parseLong(e.getString(0).substring(0, 15), 16);
            vertices.add(new scala.Tuple2<>(vid, e.getString(0)));
            ids.put(vid, e.getString(0));
        }
        List<org.apache.spark.graphx.Edge<Double>> directed = new ArrayList<>();
        for (Row e : edges) {
            long a = Long.parseLong(e.getString(0).substring(0, 15), 16);
            long b = Long.parseLong(e.getString(1).substring(0, 15), 16);
            directed.add(new org.apache.spark.graphx.Edge<>(a, b, 1.0));
            directed.add(new org.apache.spark.graphx.Edge<>(b, a, 1.0));
        }
        var jsc = new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext());
        var string = scala.reflect.ClassTag$.MODULE$.<String>apply(String.class);
        var dbl = scala.reflect.ClassTag$.MODULE$.<Double>apply(Double.class);
        var graph = org.apache.spark.graphx.Graph.apply(
                jsc.parallelize(vertices).rdd(),
                jsc.parallelize(directed).rdd(),
                "",
                org.apache.spark.storage.StorageLevel.MEMORY_ONLY(),
                org.apache.spark.storage.StorageLevel.MEMORY_ONLY(),
                string,
                dbl);
        List<scala.Tuple2<Object, Object>> ranks = org.apache.spark.graphx.lib.PageRank.run(
                        graph, iterations, 0.15, string, dbl)
                .vertices()
                .toJavaRDD()
                .map(t -> new scala.Tuple2<Object, Object>(t._1(), t._2()))
                .collect();
        double total = ranks.stream().mapToDouble(t -> (Double) t._2()).sum();
        Map<String, Double> byId = new HashMap<>();
        ranks.forEach(t -> byId.put(ids.get((Long) t._1()), (Double) t._2() / total));
        return byId;
    }

    @Test
    void aWindowPairsOnlyItsMostMentionedEntitiesUpToTheCap() {
        // One document naming five places: p1 three times, p2 and p3 twice, p4 and p5 once.
        List<Row> rows = new ArrayList<>();
        int[] times = {3, 2, 2, 1, 1};
        for (int e = 0; e < times.length; e++) {
            for (int t = 0; t < times[e]; t++) {
                rows.add(RowFactory.create("d9", e * 3 + t, "Place" + e, "LOCATION", "p" + (e + 1), "Place" + e));
            }
        }
        Dataset<Row> mentions = spark.createDataFrame(rows, MENTIONS);
        Dataset<Row> entities = EntityTable.build(mentions);
        List<String> types = List.of("LOCATION");

        List<String> capped = new ArrayList<>();
        Map<String, Row> byPair = new HashMap<>();
        for (Row r : pairRows(mentions, entities, "document", 9, 1, types, 1, 3).collectAsList()) {
            capped.add(r.getString(0) + "-" + r.getString(1));
            byPair.put(r.getString(0) + "-" + r.getString(1), r);
        }
        assertThat(capped).containsExactlyInAnyOrder("p1-p2", "p1-p3", "p2-p3");
        assertThat(byPair.get("p1-p2").getDouble(8)).isEqualTo(1.0); // each of the three is in the one window
        assertThat(pairRows(mentions, entities, "document", 9, 1, types, 1, 100).count())
                .isEqualTo(10);
    }

    @Test
    void noMentionsGiveEmptyTables() {
        Dataset<Row> none = spark.createDataFrame(List.of(), MENTIONS);
        Dataset<Row> entities = EntityTable.build(none);
        assertThat(entities.count()).isZero();
        assertThat(pairRows(none, entities, "sentence", 3, 1, List.of("PERSON"), 1, 100)
                        .count())
                .isZero();
        StructType edgeSchema = new StructType()
                .add("entity_a", DataTypes.StringType)
                .add("entity_b", DataTypes.StringType)
                .add("count", DataTypes.LongType);
        for (boolean inDriver : new boolean[] {true, false}) {
            assertThat(EntityGraph.build(
                                    spark,
                                    entities.select("entity_id", "name", "type"),
                                    0,
                                    spark.createDataFrame(List.of(), edgeSchema),
                                    5,
                                    3,
                                    inDriver)
                            .table()
                            .count())
                    .isZero();
        }
    }

    private Map<String, Row> graph(
            List<Row> entities, List<Row> edges, StructType es, StructType eds, int parts, boolean inDriver) {
        Map<String, Row> byId = new HashMap<>();
        EntityGraph.build(
                        spark,
                        spark.createDataFrame(entities, es).repartition(parts),
                        entities.size(),
                        spark.createDataFrame(edges, eds).repartition(parts),
                        10,
                        6,
                        inDriver)
                .table()
                .collectAsList()
                .forEach(r -> byId.put(r.getString(0), r));
        return byId;
    }
}
