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
        Dataset<Row> dated = docs.filter(col("published").isNotNull())
                .select(col("doc_id"), period(period).as("period"));
        Dataset<Row> topicDocs = dated.join(docTopics, "doc_id");
        Dataset<Row> topicPeriodDocs =
                topicDocs.groupBy("period").agg(expr("count(distinct doc_id)").as("period_docs"));
        Dataset<Row> topicTrends = topicDocs
                .groupBy("period", "topic_id")
                .agg(
                        ExactSum.of(col("weight")).as("weight"),
                        sum(when(col("is_dominant"), 1L).otherwise(0L)).as("docs"))
                .join(topicPeriodDocs, "period")
                .select(
                        col("period"),
                        lit(topicModel).as("model"),
                        col("topic_id"),
                        col("weight").divide(col("period_docs")).as("share"),
                        col("docs"));
        Dataset<Row> clustered = dated.join(clusters.filter(col("cluster_id").geq(0)), "doc_id");
        Dataset<Row> clusterPeriodDocs =
                clustered.groupBy("period").agg(count("*").as("period_docs"));
        Dataset<Row> clusterTrends = clustered
                .groupBy("period", "cluster_id")
                .agg(count("*").as("docs"))
                .join(clusterPeriodDocs, "period")
                .select(
                        col("period"),
                        lit(clusterModel).as("model"),
                        col("cluster_id").as("topic_id"),
                        col("docs").divide(col("period_docs")).as("share"),
                        col("docs"));
        return topicTrends.unionByName(clusterTrends);
    }
}
