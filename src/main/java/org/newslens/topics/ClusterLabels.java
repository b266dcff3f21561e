package org.newslens.topics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.newslens.topics.model.Vocabulary;

/**
 * Cluster labels from class-based tf-idf (c-TF-IDF, as BERTopic): all documents of a cluster joined into
 * one, score(t, c) = tf(t, c) / words(c) * ln(1 + A / tf(t)), with A the mean words per cluster and tf(t)
 * the term's count over all clusters; so a label is made of terms frequent in the cluster and rare elsewhere.
 */
final class ClusterLabels {
    static final String NO_TERMS = "(no vocabulary terms)";
    static final String NO_WEIGHT = "(no topic weight)";

    private ClusterLabels() {}

    /** Each cluster's top terms by c-TF-IDF (ties by term); clusters with no documents get none. */
    static List<List<String>> topTerms(
            Dataset<Row> bags, Vocabulary vocabulary, Dataset<Row> assignment, int k, int top, SparkSession spark) {
        List<Row> vocabRows = new ArrayList<>();
        vocabulary.terms().forEach(t -> vocabRows.add(RowFactory.create(t)));
        Dataset<Row> vocab = spark.createDataFrame(
                vocabRows,
                DataTypes.createStructType(List.of(DataTypes.createStructField("term", DataTypes.StringType, false))));
        // The assignment (two small columns per document) is broadcast, so the bags are not shuffled.
        Dataset<Row> perCluster = bags.join(
                        broadcast(assignment.filter(col("cluster_id").geq(0)).select("doc_id", "cluster_id")), "doc_id")
                .select(col("cluster_id"), expr("inline(arrays_zip(terms, tfs))"))
                .select(col("cluster_id"), col("terms").as("term"), col("tfs").as("tf"))
                .join(broadcast(vocab), "term")
                .groupBy("cluster_id", "term")
                .agg(sum("tf").as("tf"))
                .persist(StorageLevel.MEMORY_AND_DISK()); // at most k x vocabulary rows, read twice below
        List<Row> totals = perCluster.agg(sum("tf")).collectAsList();
        double meanWords = totals.isEmpty() || totals.get(0).isNullAt(0)
                ? 1
                : totals.get(0).getLong(0) / (double) k;
        List<Row> rows = perCluster
                .withColumn("cluster_words", sum("tf").over(Window.partitionBy("cluster_id")))
                .withColumn("term_total", sum("tf").over(Window.partitionBy("term")))
                .withColumn("score", expr("tf / cluster_words * ln(1 + " + meanWords + " / term_total)"))
                .withColumn(
                        "rank",
                        row_number()
                                .over(Window.partitionBy("cluster_id")
                                        .orderBy(col("score").desc(), col("term"))))
                .filter(col("rank").leq(top))
                .orderBy("cluster_id", "rank")
                .select("cluster_id", "term")
                .collectAsList();
        perCluster.unpersist();
        List<List<String>> terms = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            terms.add(new ArrayList<>());
        }
        rows.forEach(r -> terms.get(r.getInt(0)).add(r.getString(1)));
        return terms;
    }

    /** clusters rows for every document: documents without a vocabulary term get cluster -1. */
    static Dataset<Row> clustersTable(
            SparkSession spark,
            Dataset<Row> docs,
            Dataset<Row> assignment,
            List<List<String>> clusterTerms,
            int labelTerms) {
        List<Row> labelRows = new ArrayList<>();
        for (int c = 0; c < clusterTerms.size(); c++) {
            List<String> terms = clusterTerms.get(c);
            labelRows.add(RowFactory.create(
                    c, String.join(", ", terms.subList(0, Math.min(labelTerms, terms.size())))));
        }
        Dataset<Row> labels = spark.createDataFrame(
                labelRows,
                DataTypes.createStructType(List.of(
                        DataTypes.createStructField("cluster_id", DataTypes.IntegerType, false),
                        DataTypes.createStructField("label", DataTypes.StringType, false))));
        Dataset<Row> assigned = assignment
                .join(broadcast(labels), assignment.col("cluster_id").equalTo(labels.col("cluster_id")), "left")
                .select(
                        assignment.col("doc_id"), assignment.col("cluster_id"),
                        expr("coalesce(label, '" + NO_WEIGHT + "')").as("label"), assignment.col("distance"));
        Dataset<Row> unassigned = docs.select("doc_id")
                .join(assignment, docs.col("doc_id").equalTo(assignment.col("doc_id")), "left_anti")
                .select(col("doc_id"), lit(-1).as("cluster_id"), lit(NO_TERMS).as("label"), lit(1.0).as("distance"));
        return assigned.unionByName(unassigned);
    }
}
