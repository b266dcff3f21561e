package org.newslens.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.newslens.testing.SharedSpark;

class TopicTrendsTest {
    private final SparkSession spark = SharedSpark.session();

    private List<String> periods(String period, String... dates) {
        List<Row> rows = new java.util.ArrayList<>();
        for (String d : dates) {
            rows.add(RowFactory.create(Date.valueOf(d)));
        }
        return spark
                .createDataFrame(
                        rows,
                        DataTypes.createStructType(
                                List.of(DataTypes.createStructField("published", DataTypes.DateType, true))))
                .select(TopicTrends.period(period))
                .collectAsList()
                .stream()
                .map(r -> r.getString(0))
                .toList();
    }

    @Test
    void weeksAreIsoWeeksNamedByTheirThursdaysYear() {
        assertThat(periods("week", "2021-01-01", "2024-03-05", "2019-12-30", "2020-12-31"))
                .containsExactly("2020-W53", "2024-W10", "2020-W01", "2020-W53");
    }

    @Test
    void daysMonthsAndYears() {
        assertThat(periods("day", "2024-03-05")).containsExactly("2024-03-05");
        assertThat(periods("month", "2024-03-05")).containsExactly("2024-03");
        assertThat(periods("year", "2024-03-05")).containsExactly("2024");
    }

    @Test
    void sharesAreTheSameToTheLastDigitWhateverThePartitioning() {
        // 400 documents of one month, each with a made-up weight on each of three topics.
        java.util.Random random = new java.util.Random(7);
        List<Row> docs = new java.util.ArrayList<>();
        List<Row> docTopics = new java.util.ArrayList<>();
        List<Row> clusters = new java.util.ArrayList<>();
        for (int d = 0; d < 400; d++) {
            String id = String.format("doc%03d", d);
            docs.add(RowFactory.create(id, Date.valueOf("2024-03-" + String.format("%02d", 1 + d % 28))));
            for (int t = 0; t < 3; t++) {
                docTopics.add(RowFactory.create(id, "nmf", t, random.nextDouble() / 3, t == d % 3));
            }
            clusters.add(RowFactory.create(id, d % 4));
        }
        var docSchema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("doc_id", DataTypes.StringType, false),
                DataTypes.createStructField("published", DataTypes.DateType, true)));
        var docTopicSchema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("doc_id", DataTypes.StringType, false),
                DataTypes.createStructField("model", DataTypes.StringType, false),
                DataTypes.createStructField("topic_id", DataTypes.IntegerType, false),
                DataTypes.createStructField("weight", DataTypes.DoubleType, false),
                DataTypes.createStructField("is_dominant", DataTypes.BooleanType, false)));
        var clusterSchema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("doc_id", DataTypes.StringType, false),
                DataTypes.createStructField("cluster_id", DataTypes.IntegerType, false)));

        List<List<Row>> results = new java.util.ArrayList<>();
        for (int partitions : new int[] {1, 3, 7, 13}) {
            var shuffled = new java.util.ArrayList<>(docTopics);
            java.util.Collections.shuffle(shuffled, new java.util.Random(partitions));
            results.add(TopicTrends.trends(
                            spark.createDataFrame(docs, docSchema).repartition(partitions),
                            spark.createDataFrame(shuffled, docTopicSchema).repartition(partitions),
                            spark.createDataFrame(clusters, clusterSchema),
                            "nmf",
                            "clusters",
                            "month")
                    .orderBy("model", "topic_id")
                    .collectAsList());
        }
        assertThat(results.get(0)).hasSize(7);
        for (List<Row> other : results.subList(1, results.size())) {
            assertThat(other).isEqualTo(results.get(0));
        }
    }
}
