package org.newslens.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newslens.testing.SharedSpark;

/** Coherence window counts brought up to date from stored ones equal the counts over every document. */
class CoherencePassTest {
    private static final StructType DOCS = new StructType()
            .add("doc_id", DataTypes.StringType, false)
            .add("sentences", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType)), false);
    private static final List<List<String>> TOPICS = List.of(
            List.of("harbour", "ferry", "tide"), List.of("council", "budget", "vote"), List.of("ferry", "budget"));

    private final SparkSession spark = SharedSpark.session();

    @Test
    void storedCountsPlusTheFreshDocumentsMinusTheGoneOnesAreTheCountsOfTheCorpusNow() {
        List<Row> before = List.of(
                doc("a", "the harbour ferry left on the tide", "the council met"),
                doc("b", "council budget vote delayed", "budget talks go on and on about the ferry"),
                doc("c", "the tide was high in the harbour and the ferry waited"));
        // b is rewritten, c is dropped, d is new.
        List<Row> after = List.of(
                doc("a", "the harbour ferry left on the tide", "the council met"),
                doc("b", "council vote on the harbour budget", "ferry fares rise"),
                doc("d", "budget vote budget vote ferry ferry tide harbour council"));
        Dataset<Row> stored = CoherencePass.state(spark, counted(before, TOPICS));

        CoherencePass.Counts updated = CoherencePass.counts(
                TOPICS,
                TOPICS,
                failIfRead(),
                Optional.of(new CoherencePass.Update(
                        stored,
                        frame(List.of(after.get(1), after.get(2))),
                        frame(List.of(before.get(1), before.get(2))))));

        assertThat(updated.updated()).isTrue();
        assertThat(nonZero(updated.counts()))
                .isEqualTo(nonZero(counted(after, TOPICS).counts()));
    }

    @Test
    void listsThatMoveWithinTheCountedTermsAreUpdatedNotCountedAgain() {
        List<Row> docs = List.of(doc("a", "harbour ferry tide wind"), doc("b", "council budget wind vote"));
        List<List<String>> wide = List.of(List.of("harbour", "ferry", "tide", "wind"), List.of("council", "budget"));
        Dataset<Row> stored =
                CoherencePass.state(spark, CoherencePass.counts(wide, wide, () -> frame(docs), Optional.empty()));
        List<List<String>> moved = List.of(List.of("wind", "harbour"), List.of("budget", "council"));

        CoherencePass.Counts counts = CoherencePass.counts(
                moved,
                moved,
                failIfRead(),
                Optional.of(new CoherencePass.Update(stored, frame(List.of()), frame(List.of()))));

        assertThat(counts.updated()).isTrue();
        assertThat(counts.counts()).containsEntry("wind", 2L).containsEntry("tide", 1L);
    }

    @Test
    void aKeyTheStoredCountsDoNotHoldMeansCountingEveryDocument() {
        List<Row> docs = List.of(doc("a", "harbour ferry tide wind"), doc("b", "council budget wind vote"));
        Dataset<Row> stored = CoherencePass.state(spark, counted(docs, TOPICS));
        List<List<String>> withWind = new ArrayList<>(TOPICS);
        withWind.add(List.of("wind", "tide"));

        CoherencePass.Counts counts = CoherencePass.counts(
                withWind,
                withWind,
                () -> frame(docs),
                Optional.of(new CoherencePass.Update(stored, frame(List.of()), frame(List.of()))));

        assertThat(counts.updated()).isFalse();
        assertThat(nonZero(counts.counts()))
                .isEqualTo(nonZero(counted(docs, withWind).counts()));
        assertThat(counts.counts()).containsKey("wind");
    }

    private CoherencePass.Counts counted(List<Row> docs, List<List<String>> topics) {
        return CoherencePass.counts(topics, topics, () -> frame(docs), Optional.empty());
    }

    private static Supplier<Dataset<Row>> failIfRead() {
        return () -> {
            throw new AssertionError("every document was read");
        };
    }

    private Dataset<Row> frame(List<Row> docs) {
        return spark.createDataFrame(docs, DOCS);
    }

    private static Row doc(String id, String... sentences) {
        List<List<String>> terms = new ArrayList<>();
        for (String sentence : sentences) {
            terms.add(List.of(sentence.split(" ")));
        }
        return RowFactory.create(id, terms);
    }

    private static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> kept = new TreeMap<>();
        counts.forEach((k, n) -> {
            if (n != 0) {
                kept.put(k, n);
            }
        });
        return kept;
    }
}
