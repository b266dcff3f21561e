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
        Dataset<Row> topicDocs = dated.join(docTopics, Columns.DOC_ID);
        Dataset<Row> topicPeriodDocs = topicDocs
                .groupBy(Columns.PERIOD)
                .agg(expr("count(distinct doc_id)").as(Columns.PERIOD_DOCS));
        Dataset<Row> topicTrends = topicDocs
                .groupBy(Columns.PERIOD, Columns.TOPIC_ID)
                .agg(
                        ExactSum.of(col(Columns.WEIGHT)).as(Columns.WEIGHT),
                        sum(when(col(Columns.IS_DOMINANT), 1L).otherwise(0L)).as(Columns.DOCS))
                .join(topicPeriodDocs, Columns.PERIOD)
                .select(
                        col(Columns.PERIOD),
                        lit(topicModel).as(Columns.MODEL),
                        col(Columns.TOPIC_ID),
                        col(Columns.WEIGHT).divide(col(Columns.PERIOD_DOCS)).as(Columns.SHARE),
                        col(Columns.DOCS));
        Dataset<Row> clustered =
                dated.join(clusters.filter(col(Columns.CLUSTER_ID).geq(0)), Columns.DOC_ID);
        Dataset<Row> clusterPeriodDocs =
                clustered.groupBy(Columns.PERIOD).agg(count("*").as(Columns.PERIOD_DOCS));
        Dataset<Row> clusterTrends = clustered
                .groupBy(Columns.PERIOD, Columns.CLUSTER_ID)
                .agg(count("*").as(Columns.DOCS))
                .join(clusterPeriodDocs, Columns.PERIOD)
                .select(
                        col(Columns.PERIOD),
                        lit(clusterModel).as(Columns.MODEL),
                        col(Columns.CLUSTER_ID).as(Columns.TOPIC_ID),
                        col(Columns.DOCS).divide(col(Columns.PERIOD_DOCS)).as(Columns.SHARE),
                        col(Columns.DOCS));
        return topicTrends.unionByName(clusterTrends);
    }
}
