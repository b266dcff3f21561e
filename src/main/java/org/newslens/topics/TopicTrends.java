package org.newslens.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.newslens.io.Columns;
import org.newslens.stats.ExactSum;

/**
 * Topics over time, for documents whose {@code published} date is known. For the topic model a topic's
 * share of a period is the mean of its weight over the period's documents that have topics, and docs the
 * number of them it dominates; for clusters (model "clusters") share is the cluster's share of the period's
 * clustered documents and docs its document count. The weights are summed exactly ({@link ExactSum}), so a
 * share is the same to the last digit whatever the partitioning.
 */
final class TopicTrends {
    private TopicTrends() {}

    /** The period label of a date: 2024-03-05 (day), 2024-W10 (ISO week), 2024-03 (month), 2024 (year). */
    static Column period(String period) {
        return switch (period) {
            case "day" -> expr("date_format(published, 'yyyy-MM-dd')");
            // ISO week: its year is the year of the week's Thursday (ISO weekday = (dayofweek + 5) % 7 + 1).
            case "week" ->
                expr(
                        "format_string('%d-W%02d', "
                                + "year(date_add(published, 4 - ((dayofweek(published) + 5) % 7 + 1))), weekofyear(published))");
            case "month" -> expr("date_format(published, 'yyyy-MM')");
            case "year" -> expr("date_format(published, 'yyyy')");
            default -> throw new IllegalArgumentException("Unknown period " + period);
        };
    }

    static Dataset<Row> trends(
            Dataset<Row> docs,
            Dataset<Row> docTopics,
            Dataset<Row> clusters,
            String topicModel,
            String clusterModel,
            String period) {
        Dataset<Row> dated = docs.filter(col(Columns.PUBLISHED).isNotNull())
                .select(col(Columns.DOC_ID), period(period).as(Columns.PERIOD));
        // A period's documents with topics are counted from the per-topic sums: each such document has exactly one
        // dominant row in doc_topics, and each clustered document one cluster, so no distinct count over every
        // row is needed.
        WindowSpec wholePeriod = Window.partitionBy(Columns.PERIOD);
        Dataset<Row> topicTrends = dated.join(docTopics, Columns.DOC_ID)
                .groupBy(Columns.PERIOD, Columns.TOPIC_ID)
                .agg(
                        ExactSum.of(col(Columns.WEIGHT)).as(Columns.WEIGHT),
                        sum(when(col(Columns.IS_DOMINANT), 1L).otherwise(0L)).as(Columns.DOCS))
                .select(
                        col(Columns.PERIOD),
                        lit(topicModel).as(Columns.MODEL),
                        col(Columns.TOPIC_ID),
                        col(Columns.WEIGHT)
                                .divide(sum(Columns.DOCS).over(wholePeriod))
                                .as(Columns.SHARE),
                        col(Columns.DOCS));
        Dataset<Row> clusterTrends = dated.join(
                        clusters.filter(col(Columns.CLUSTER_ID).geq(0)), Columns.DOC_ID)
                .groupBy(Columns.PERIOD, Columns.CLUSTER_ID)
                .agg(count("*").as(Columns.DOCS))
                .select(
                        col(Columns.PERIOD),
                        lit(clusterModel).as(Columns.MODEL),
                        col(Columns.CLUSTER_ID).as(Columns.TOPIC_ID),
                        col(Columns.DOCS)
                                .divide(sum(Columns.DOCS).over(wholePeriod))
                                .as(Columns.SHARE),
                        col(Columns.DOCS));
        return topicTrends.unionByName(clusterTrends);
    }
}
