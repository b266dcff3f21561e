package org.newslens.trends;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newslens.stats.SumTable;
import org.newslens.testing.SharedSpark;

/** The keyness cells against a plain map and against Spark's own aggregation of the same rows. */
class KeynessCellsTest {
    /** doc_id, kind, feature, n: a document's features. */
    private static final StructType FEATURES = new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("kind", DataTypes.StringType)
            .add("feature", DataTypes.StringType)
            .add("n", DataTypes.LongType);
    /** kind, feature: the features there are. */
    private static final StructType VOCABULARY =
            new StructType().add("kind", DataTypes.StringType).add("feature", DataTypes.StringType);

    private static final SparkSession SPARK = SharedSpark.session();

    @Test
    void theCellTableSumsLikeAMapAndIsEmptyAfterEachDrain() {
        Random random = new Random(11);
        SumTable table = new SumTable(64, 1);
        for (int round = 0; round < 3; round++) {
            Map<String, Long> expected = new TreeMap<>();
            for (int i = 0; i < 500 && table.size() < 64; i++) {
                // few features and groups, so keys repeat and collide
                int feature = random.nextInt(9) * 1_000_003;
                int group = random.nextInt(7);
                long n = 1 + random.nextInt(5);
                table.add((long) feature << 32 | group, 0, n);
                expected.merge(feature + "/" + group, n, Long::sum);
            }
            Map<String, Long> drained = new TreeMap<>();
            int previousFeature = -1;
            for (Row row : KeynessCells.drain(table)) {
                int feature = row.getInt(0);
                assertThat(feature).as("one row per feature, ascending").isGreaterThan(previousFeature);
                previousFeature = feature;
                int[] groups = (int[]) row.get(1);
                long[] counts = (long[]) row.get(2);
                for (int i = 0; i < groups.length; i++) {
                    assertThat(i == 0 || groups[i] > groups[i - 1]).isTrue();
                    drained.put(feature + "/" + groups[i], counts[i]);
                }
            }
            assertThat(drained).isEqualTo(expected);
            assertThat(table.size()).isZero();
        }
    }

    /** A task hands its sums on every few cells: together they still add up to every row's n. */
    @Test
    void sumsHandedOnEveryFewCellsAddUpToTheRows() {
        Random random = new Random(5);
        List<Row> rows = new ArrayList<>();
        Map<String, Long> expected = new TreeMap<>();
        for (int i = 0; i < 300; i++) {
            int feature = random.nextInt(12);
            int group = random.nextInt(5);
            long n = 1 + random.nextInt(4);
            rows.add(RowFactory.create(feature, group, n));
            expected.merge(feature + "/" + group, n, Long::sum);
        }
        Map<String, Long> summed = new TreeMap<>();
        int handedOn = 0;
        for (var it = KeynessCells.summed(rows.iterator(), 7); it.hasNext(); handedOn++) {
            Row partial = it.next();
            int[] groups = (int[]) partial.get(1);
            long[] counts = (long[]) partial.get(2);
            for (int i = 0; i < groups.length; i++) {
                summed.merge(partial.getInt(0) + "/" + groups[i], counts[i], Long::sum);
            }
        }
        assertThat(summed).isEqualTo(expected);
        assertThat(handedOn).as("sums handed on more than once per feature").isGreaterThan(12);
    }

    /** Every cell of the outlet and period groupings, as Spark's groupBy of the joined rows gives it. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void cellsEqualSparksAggregationOfTheSameRows(int partitions) {
        Random random = new Random(partitions);
        List<Row> features = new ArrayList<>();
        List<Row> vocabulary = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            vocabulary.add(RowFactory.create("term", "t" + t));
        }
        for (int e = 0; e < 6; e++) {
            vocabulary.add(RowFactory.create("entity", "e" + e));
        }
        for (int d = 0; d < 60; d++) {
            for (int i = 0; i < 15; i++) {
                features.add(
                        random.nextInt(4) == 0
                                ? RowFactory.create("d" + d, "entity", "e" + random.nextInt(6), 1L)
                                : RowFactory.create("d" + d, "term", "t" + random.nextInt(40), 1L + random.nextInt(3)));
            }
        }
        List<Row> outlets = new ArrayList<>();
        List<Row> periods = new ArrayList<>();
        for (int d = 0; d < 60; d++) {
            if (d % 5 != 0) { // some documents only in the period grouping
                outlets.add(RowFactory.create("d" + d, "outlet " + d % 3));
            }
            if (d % 7 != 0) { // some only in the outlet grouping; d0 in neither
                periods.add(RowFactory.create("d" + d, (long) d % 4));
            }
        }
        Dataset<Row> featureRows = SPARK.createDataFrame(features, FEATURES).repartition(partitions);
        Dataset<Row> outletDocs = SPARK.createDataFrame(
                outlets, new StructType().add("doc_id", DataTypes.StringType).add("outlet", DataTypes.StringType));
        Dataset<Row> periodDocs = SPARK.createDataFrame(
                periods, new StructType().add("doc_id", DataTypes.StringType).add("period_index", DataTypes.LongType));

        KeynessCells.Cells cells = KeynessCells.of(
                featureRows,
                null,
                SPARK.createDataFrame(vocabulary, VOCABULARY),
                KeynessCells.documentGroups(outletDocs, periodDocs),
                60);
        Map<String, Long> actual = new TreeMap<>();
        for (Row row : cells.perFeature().collectAsList()) {
            List<Integer> groups = row.getList(2);
            List<Long> counts = row.getList(3);
            for (int i = 0; i < groups.size(); i++) {
                String outlet = cells.groups().outlets()[groups.get(i)];
                Long period = cells.groups().periods()[groups.get(i)];
                actual.put(row.getString(0) + " " + row.getString(1) + " " + outlet + " " + period, counts.get(i));
            }
        }
        cells.numbered().unpersist();

        Dataset<Row> groups = outletDocs.join(periodDocs, List.of("doc_id").toArray(new String[0]), "full_outer");
        Map<String, Long> expected = new TreeMap<>();
        featureRows
                .join(groups, "doc_id")
                .groupBy(col("kind"), col("feature"), col("outlet"), col("period_index"))
                .agg(sum("n").as("n"))
                .collectAsList()
                .forEach(r -> expected.put(
                        r.getString(0) + " " + r.getString(1) + " " + r.getString(2) + " "
                                + (r.isNullAt(3) ? null : r.getLong(3)),
                        r.getLong(4)));
        assertThat(actual).isEqualTo(expected);
        assertThat(KeynessCells.count(cells)).isEqualTo(expected.size());
    }

    @Test
    void aFeatureMissingFromTheVocabularyIsAnErrorNamingIt() {
        Dataset<Row> features =
                SPARK.createDataFrame(List.of(RowFactory.create("d1", "term", "harbour", 2L)), FEATURES);
        Dataset<Row> vocabulary = SPARK.createDataFrame(List.of(RowFactory.create("term", "quay")), VOCABULARY);
        Dataset<Row> outletDocs = SPARK.createDataFrame(
                List.of(RowFactory.create("d1", "A")),
                new StructType().add("doc_id", DataTypes.StringType).add("outlet", DataTypes.StringType));
        Dataset<Row> periodDocs = SPARK.createDataFrame(
                List.of(RowFactory.create("d1", 0L)),
                new StructType().add("doc_id", DataTypes.StringType).add("period_index", DataTypes.LongType));
        KeynessCells.Cells cells =
                KeynessCells.of(features, null, vocabulary, KeynessCells.documentGroups(outletDocs, periodDocs), 1);
        assertThatThrownBy(() -> cells.perFeature().collectAsList()).hasStackTraceContaining("term 'harbour'");
        cells.numbered().unpersist();
    }

    /**
     * An append's stored cells and the changes to them (counts taken away are negative) add to the documents'
     * counts; a cell whose counts cancel is left out, also when its feature or its group is gone from the corpus.
     */
    @Test
    void groupedCountsAddUpWithTheDocumentsAndCellsThatCancelAreLeftOut() {
        StructType groupedSchema = new StructType()
                .add("kind", DataTypes.StringType)
                .add("feature", DataTypes.StringType)
                .add("outlet", DataTypes.StringType)
                .add("period_index", DataTypes.LongType)
                .add("n", DataTypes.LongType);
        Dataset<Row> grouped = SPARK.createDataFrame(
                List.of(
                        RowFactory.create("term", "quay", "A", 0L, 3L),
                        RowFactory.create("term", "quay", null, 0L, 4L),
                        RowFactory.create("term", "tide", "A", 0L, 5L),
                        RowFactory.create("term", "tide", "A", 0L, -5L),
                        // a group no document is in any more
                        RowFactory.create("term", "quay", "B", 1L, 4L),
                        RowFactory.create("term", "quay", "B", 1L, -4L),
                        // a term no document holds any more (so not in the vocabulary)
                        RowFactory.create("term", "ferry", "A", 0L, 1L),
                        RowFactory.create("term", "ferry", "A", 0L, -1L)),
                groupedSchema);
        Dataset<Row> features = SPARK.createDataFrame(List.of(RowFactory.create("d1", "term", "quay", 2L)), FEATURES);
        Dataset<Row> vocabulary = SPARK.createDataFrame(
                List.of(RowFactory.create("term", "quay"), RowFactory.create("term", "tide")), VOCABULARY);
        Dataset<Row> docGroups = SPARK.createDataFrame(
                List.of(RowFactory.create("d1", "A", 0L), RowFactory.create("d2", null, 0L)),
                new StructType()
                        .add("doc_id", DataTypes.StringType)
                        .add("outlet", DataTypes.StringType)
                        .add("period_index", DataTypes.LongType));

        KeynessCells.Cells cells = KeynessCells.of(features, grouped, vocabulary, docGroups, 2);
        List<String> rows = KeynessCells.cellRows(cells, "term").collectAsList().stream()
                .map(Row::toString)
                .sorted()
                .toList();
        cells.numbered().unpersist();

        assertThat(rows).containsExactly("[quay,A,0,5]", "[quay,null,0,4]");
    }
}
