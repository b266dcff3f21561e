package org.newslens.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newslens.testing.SharedSpark;

/** Entity and sentence-window pair counts per period, worked out by hand, whatever the partitions the mentions come in. */
class TrendCountsTest {
    private static final SparkSession SPARK = SharedSpark.session();

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void eachSentenceCountsAPairOnceAndOnlyPairsOfEntityPairsCount(int partitions) {
        // entity_pairs' sentence pairs: (b, c) met in a sentence but is not among them, so it is not counted
        Dataset<Row> pairs = SPARK.createDataFrame(
                List.of(RowFactory.create("a", "b"), RowFactory.create("a", "c")),
                new StructType().add("entity_a", DataTypes.StringType).add("entity_b", DataTypes.StringType));

        List<String> counted =
                TrendCounts.pairs(TrendCounts.perDocument(mentions(partitions), dated()), pairs)
                        .collectAsList()
                        .stream()
                        .map(r -> r.getAs("entity_a") + "-" + r.getAs("entity_b") + " period " + r.getAs("period_index")
                                + ": " + r.getAs("count") + " sentences, " + r.getAs("docs") + " docs")
                        .toList();

        assertThat(counted)
                .containsExactlyInAnyOrder(
                        "a-b period 0: 2 sentences, 1 docs",
                        "a-c period 0: 1 sentences, 1 docs",
                        "a-b period 1: 1 sentences, 1 docs");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void anEntityCountsEveryMentionAndEachDatedDocumentOnce(int partitions) {
        List<String> counted =
                TrendCounts.entities(TrendCounts.perDocument(mentions(partitions), dated())).collectAsList().stream()
                        .map(r -> r.getAs("entity_id") + " period " + r.getAs("period_index") + ": "
                                + r.getAs("mentions") + " mentions, " + r.getAs("docs") + " docs")
                        .toList();

        assertThat(counted)
                .containsExactlyInAnyOrder(
                        "a period 0: 4 mentions, 2 docs",
                        "b period 0: 2 mentions, 1 docs",
                        "c period 0: 3 mentions, 2 docs",
                        "a period 1: 1 mentions, 1 docs",
                        "b period 1: 1 mentions, 1 docs");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void keynessCountsTheMentionsOfEveryDocumentUndatedOnesToo(int partitions) {
        List<String> counted =
                TrendCounts.entityFeatures(TrendCounts.perDocument(mentions(partitions), dated()))
                        .collectAsList()
                        .stream()
                        .map(r -> r.getAs("doc_id") + " " + r.getAs("kind") + " " + r.getAs("feature") + ": "
                                + r.getAs("n"))
                        .toList();

        assertThat(counted)
                .containsExactlyInAnyOrder(
                        "d1 entity a: 3",
                        "d1 entity b: 2",
                        "d1 entity c: 2",
                        "d2 entity a: 1",
                        "d2 entity c: 1",
                        "d3 entity a: 1",
                        "d3 entity b: 1",
                        "d4 entity a: 1",
                        "d4 entity b: 1");
    }

    private static Dataset<Row> mentions(int partitions) {
        return SPARK.createDataFrame(
                        List.of(
                                // d1, period 0: sentence 0 names a twice, with b and c; sentence 1 a and b;
                                // sentence 2 c alone
                                mention("d1", 0, "a"),
                                mention("d1", 0, "b"),
                                mention("d1", 0, "a"),
                                mention("d1", 0, "c"),
                                mention("d1", 1, "b"),
                                mention("d1", 1, "a"),
                                mention("d1", 2, "c"),
                                // d2, period 0: a and c in different sentences only
                                mention("d2", 0, "a"),
                                mention("d2", 1, "c"),
                                // d3, period 1: b before a
                                mention("d3", 4, "b"),
                                mention("d3", 4, "a"),
                                // d4 is undated (not among the dated documents)
                                mention("d4", 0, "a"),
                                mention("d4", 0, "b")),
                        new StructType()
                                .add("doc_id", DataTypes.StringType)
                                .add("sent_id", DataTypes.IntegerType)
                                .add("entity_id", DataTypes.StringType))
                .repartition(partitions);
    }

    private static Dataset<Row> dated() {
        return SPARK.createDataFrame(
                List.of(RowFactory.create("d1", 0L), RowFactory.create("d2", 0L), RowFactory.create("d3", 1L)),
                new StructType().add("doc_id", DataTypes.StringType).add("period_index", DataTypes.LongType));
    }

    private static Row mention(String doc, int sentence, String entity) {
        return RowFactory.create(doc, sentence, entity);
    }
}
