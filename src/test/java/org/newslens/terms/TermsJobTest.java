package org.newslens.terms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newslens.io.KeyHashes;
import org.newslens.testing.SharedSpark;

/**
 * Two documents, hand-counted:
 * d1: [red wine be red wine] [white , wine]   d2: [red wine and cheese]
 * tokens 11; red 3, wine 4, be 1, white 1, and 1, cheese 1; "red wine" 3 times in 2 documents.
 */
class TermsJobTest {
    private final SparkSession spark = SharedSpark.session();

    private Dataset<Row> sentences() {
        StructType schema = new StructType()
                .add("doc_id", DataTypes.StringType)
                .add("terms", DataTypes.createArrayType(DataTypes.StringType, true));
        return spark.createDataFrame(
                List.of(
                        RowFactory.create("d1", Arrays.asList("red", "wine", "be", "red", "wine")),
                        RowFactory.create("d1", Arrays.asList("white", null, "wine")),
                        RowFactory.create("d2", Arrays.asList("red", "wine", "and", "cheese"))),
                schema);
    }

    private static StructType docTermsSchema() {
        return new StructType()
                .add("doc_id", DataTypes.StringType)
                .add("term", DataTypes.StringType)
                .add("tf", DataTypes.IntegerType)
                .add("tf_idf", DataTypes.DoubleType);
    }

    private static Map<String, Row> byFirstColumn(Dataset<Row> rows) {
        Map<String, Row> map = new HashMap<>();
        rows.collectAsList().forEach(r -> map.put(r.getString(0), r));
        return map;
    }

    @Test
    void termStatsCountCorpusAndDocumentFrequencyWithoutStopWords() {
        Dataset<Row> corpus = TermsJob.sumPerGram(TermsJob.partialSums(TermsJob.countPerDocument(sentences())));
        Map<String, Row> stats = byFirstColumn(TermsJob.termStats(corpus, 2).select("term", "cf", "df", "idf"));
        assertThat(stats).containsOnlyKeys("red", "wine", "white", "cheese");
        assertThat(stats.get("wine").getLong(1)).isEqualTo(4);
        assertThat(stats.get("wine").getLong(2)).isEqualTo(2);
        assertThat(stats.get("red").getDouble(3)).isCloseTo(1.0, within(1e-12)); // ln(3/3) + 1
        assertThat(stats.get("white").getDouble(3)).isCloseTo(1.405465, within(1e-6)); // ln(3/2) + 1
    }

    @Test
    void keywordsRankByTfIdf() {
        Dataset<Row> counts = TermsJob.countPerDocument(sentences());
        Dataset<Row> docTerms = TermsJob.docTerms(
                TermsJob.termFrequencies(counts),
                TermsJob.termStats(TermsJob.sumPerGram(TermsJob.partialSums(counts)), 2),
                4);
        List<Row> d1 = TermsJob.keywords(docTerms, 10)
                .where("doc_id = 'd1'")
                .orderBy("rank")
                .collectAsList();
        // wine 3 * 1.0, red 2 * 1.0, white 1 * 1.405
        assertThat(d1).extracting(r -> r.getString(2)).containsExactly("wine", "red", "white");
        assertThat(d1.get(0).getDouble(3)).isCloseTo(3.0, within(1e-12));
        assertThat(TermsJob.keywords(docTerms, 1).count()).isEqualTo(2);
        // Above the broadcast limit, with broadcast joins off, the term frequencies are shuffled by term for the
        // idf, so a document's rows are spread over tasks: the same keywords.
        List<Row> broadcastKeywords = TermsJob.keywords(docTerms, 10).collectAsList();
        List<String> thresholds =
                List.of("spark.sql.autoBroadcastJoinThreshold", "spark.sql.adaptive.autoBroadcastJoinThreshold");
        Map<String, String> before = new HashMap<>();
        thresholds.forEach(key -> before.put(key, spark.conf().get(key, null)));
        try {
            thresholds.forEach(key -> spark.conf().set(key, "-1"));
            Dataset<Row> shuffled = TermsJob.docTerms(
                    TermsJob.termFrequencies(counts),
                    TermsJob.termStats(TermsJob.sumPerGram(TermsJob.partialSums(counts)), 2),
                    TermsJob.BROADCAST_IDF_TERMS + 1);
            assertThat(shuffled.queryExecution().executedPlan().toString()).doesNotContain("Broadcast");
            assertThat(TermsJob.keywords(shuffled, 10).collectAsList())
                    .containsExactlyInAnyOrderElementsOf(broadcastKeywords);
            // The broadcast join is keyed by the terms' hashes, and gives the same rows as the join by term.
            assertThat(docTerms.queryExecution().executedPlan().toString()).contains(KeyHashes.HASH);
            assertThat(docTermRows(docTerms)).hasSize(6).containsExactlyInAnyOrderElementsOf(docTermRows(shuffled));
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    spark.conf().unset(key);
                } else {
                    spark.conf().set(key, value);
                }
            });
        }
    }

    private static List<Row> docTermRows(Dataset<Row> docTerms) {
        return docTerms.select("doc_id", "term", "tf", "tf_idf").collectAsList();
    }

    /** A key that two rows share has one hash for two rows: such a table is not joined by its hashes. */
    @Test
    void keyHashesAreDistinctOnlyWhenNoTwoRowsShareOne() {
        StructType schema = new StructType().add("term", DataTypes.StringType);
        Dataset<Row> distinct = spark.createDataFrame(
                List.of(RowFactory.create("red"), RowFactory.create("wine"), RowFactory.create("white")), schema);
        Dataset<Row> repeated = spark.createDataFrame(
                List.of(RowFactory.create("red"), RowFactory.create("wine"), RowFactory.create("red")), schema);
        assertThat(KeyHashes.distinct(distinct, KeyHashes.of(col("term")))).isTrue();
        assertThat(KeyHashes.distinct(repeated, KeyHashes.of(col("term")))).isFalse();
    }

    /**
     * With a hash shared by two vocabulary terms the idf is joined by term; a document term missing from the
     * vocabulary that shares a hash with one of it stops the run rather than taking that term's idf.
     */
    @Test
    void sharedTermHashesFallBackToTheTermOrFail() {
        Dataset<Row> counts = TermsJob.countPerDocument(sentences());
        Dataset<Row> frequencies = TermsJob.termFrequencies(counts);
        Dataset<Row> stats = TermsJob.termStats(TermsJob.sumPerGram(TermsJob.partialSums(counts)), 2);
        List<Row> expected = docTermRows(TermsJob.docTerms(frequencies, stats, 4));

        Dataset<Row> shared = TermsJob.docTerms(frequencies, stats, 4, lit(1L));
        assertThat(shared.queryExecution().executedPlan().toString()).doesNotContain(KeyHashes.HASH);
        assertThat(docTermRows(shared)).containsExactlyInAnyOrderElementsOf(expected);

        // red, wine, white, cheese hash to 0, 1, 2, 0: without cheese the vocabulary's hashes are distinct
        Column byLength = length(col("term")).mod(3).cast("long");
        Dataset<Row> withoutCheese = stats.where(col("term").notEqual("cheese"));
        assertThat(TermsJob.docTerms(frequencies.where(col("term").notEqual("cheese")), withoutCheese, 3, byLength)
                        .count())
                .isEqualTo(5);
        assertThatThrownBy(() -> TermsJob.docTerms(frequencies, withoutCheese, 3, byLength)
                        .collectAsList())
                .hasStackTraceContaining("'cheese' is not in term_stats but hashes like 'red'");
    }

    @Test
    void keywordsAreEachDocumentsTopTermsHoweverItsRowsAreSpreadOverTasks() {
        // 40 documents of up to 30 terms with scores from a few values (many ties). Each document's terms are cut
        // into up to three runs of consecutive rows, and the runs lie in different partitions (parallelize slices
        // the list in order), so a document is ranked from several candidate lists.
        Random random = new Random(7);
        List<List<Row>> runs = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            int terms = 1 + random.nextInt(30);
            for (int t = 0; t < terms; t++) {
                Row row = RowFactory.create("d" + d, "t" + t, 1, (double) random.nextInt(5));
                rows.add(row);
                runs.get(t * 3 / terms).add(row);
            }
        }
        List<Row> laidOut = new ArrayList<>();
        runs.forEach(laidOut::addAll);
        StructType schema = docTermsSchema();
        Dataset<Row> docTerms = spark.createDataFrame(
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(laidOut, 3), schema);
        int k = 4;

        Map<String, List<String>> expected = new TreeMap<>();
        rows.stream()
                .sorted(Comparator.<Row, String>comparing(r -> r.getString(0))
                        .thenComparing(r -> -r.getDouble(3))
                        .thenComparing(r -> r.getString(1)))
                .forEach(r -> {
                    List<String> top = expected.computeIfAbsent(r.getString(0), d -> new ArrayList<>());
                    if (top.size() < k) {
                        top.add(r.getString(1) + "@" + r.getDouble(3));
                    }
                });
        Map<String, List<String>> actual = new TreeMap<>();
        TermsJob.keywords(docTerms, k)
                .orderBy("doc_id", "rank")
                .collectAsList()
                .forEach(r -> actual.computeIfAbsent(r.getString(0), d -> new ArrayList<>())
                        .add(r.getString(2) + "@" + r.getDouble(3)));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void keywordTiesGoToTheTermSparkSortsFirst() {
        // Spark orders strings by their UTF-8 bytes: U+FF21 (EF BC A1) before U+1D400 (F0 9D 90 80), although
        // String.compareTo puts U+1D400 (a surrogate pair, D835 DC00) first.
        String fullwidthA = "\uFF21";
        String mathBoldA = "\uD835\uDC00";
        StructType schema = docTermsSchema();
        Dataset<Row> docTerms = spark.createDataFrame(
                JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .parallelize(
                                List.of(
                                        RowFactory.create("d", mathBoldA, 1, 2.0),
                                        RowFactory.create("d", fullwidthA, 1, 2.0)),
                                1),
                schema);
        assertThat(TermsJob.keywords(docTerms, 1).collectAsList())
                .extracting(r -> r.getString(2))
                .containsExactly(fullwidthA);
    }

    @Test
    void collocationsHaveHandComputedCountsAndScores() {
        Dataset<Row> corpus = TermsJob.sumPerGram(TermsJob.partialSums(TermsJob.countPerDocument(sentences())));
        Map<String, Row> found = byFirstColumn(TermsJob.collocations(corpus, 1));
        assertThat(found).containsOnlyKeys("red wine", "wine be red", "wine and cheese");

        Row redWine = found.get("red wine");
        assertThat(redWine.getInt(1)).isEqualTo(2);
        assertThat(redWine.getLong(2)).isEqualTo(3);
        assertThat(redWine.getLong(3)).isEqualTo(2);
        assertThat(redWine.getDouble(4)).isCloseTo(1.459432, within(1e-6)); // log2(3 * 11 / (3 * 4))
        assertThat(redWine.getDouble(5)).isCloseTo(8.392276, within(1e-6)); // G2 of [[3, 0], [1, 7]]

        Row trigram = found.get("wine and cheese");
        assertThat(trigram.getInt(1)).isEqualTo(3);
        assertThat(trigram.getDouble(4)).isCloseTo(4.918863, within(1e-6)); // log2(1 * 11^2 / (4 * 1 * 1))
        assertThat(trigram.getDouble(5)).isCloseTo(6.701994, within(1e-6)); // G2 of [[1, 0], [0, 10]]
        assertThat(found.get("wine be red").getDouble(5)).isCloseTo(2.882909, within(1e-6));
    }

    @Test
    void minimumCountFiltersCollocations() {
        Dataset<Row> corpus = TermsJob.sumPerGram(TermsJob.partialSums(TermsJob.countPerDocument(sentences())));
        assertThat(TermsJob.collocations(corpus, 2).collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactly("red wine");
    }

    @Test
    void documentsWithoutAnyTermGiveNoCollocationsRatherThanAnError() {
        StructType schema = new StructType()
                .add("doc_id", DataTypes.StringType)
                .add("terms", DataTypes.createArrayType(DataTypes.StringType, true));
        // Sentences of numbers and punctuation only: every entry is null.
        Dataset<Row> termless = spark.createDataFrame(
                List.of(
                        RowFactory.create("d1", Arrays.asList(null, null)),
                        RowFactory.create("d2", Arrays.asList((String) null))),
                schema);
        Dataset<Row> counts = TermsJob.countPerDocument(termless);
        Dataset<Row> corpus = TermsJob.sumPerGram(TermsJob.partialSums(counts));
        assertThat(TermsJob.termStats(corpus, 2).count()).isZero();
        assertThat(TermsJob.docTerms(TermsJob.termFrequencies(counts), TermsJob.termStats(corpus, 2), 0)
                        .count())
                .isZero();
        assertThat(TermsJob.collocations(corpus, 1).count()).isZero();
    }
}
