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
import org.newslens.io.Columns;
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

    /**
     * Each cluster's vocabulary term counts, its documents' bags summed: (cluster_id, term, tf), at most k x
     * vocabulary rows. Documents outside every cluster (cluster_id -1) count nowhere.
     *
     * @param assignment doc_id, cluster_id
     */
    static Dataset<Row> termSums(
            Dataset<Row> bags, Dataset<Row> assignment, Vocabulary vocabulary, SparkSession spark) {
        List<Row> vocabRows = new ArrayList<>();
        vocabulary.terms().forEach(t -> vocabRows.add(RowFactory.create(t)));
        Dataset<Row> vocab = spark.createDataFrame(
                vocabRows,
                DataTypes.createStructType(List.of(DataTypes.createStructField("term", DataTypes.StringType, false))));
        // The assignment (two small columns per document) is broadcast, so the bags are not shuffled.
        return bags.join(
                        broadcast(assignment
                                .filter(col(Columns.CLUSTER_ID).geq(0))
                                .select(Columns.DOC_ID, Columns.CLUSTER_ID)),
                        Columns.DOC_ID)
                .select(col(Columns.CLUSTER_ID), expr("inline(arrays_zip(terms, tfs))"))
                .select(
                        col(Columns.CLUSTER_ID),
                        col(Columns.TERMS).as(Columns.TERM),
                        col("tfs").as(Columns.TF))
                .join(broadcast(vocab), Columns.TERM)
                .groupBy(Columns.CLUSTER_ID, Columns.TERM)
                .agg(sum(Columns.TF).as(Columns.TF))
                .select(Columns.CLUSTER_ID, Columns.TERM, Columns.TF);
    }

    /**
     * Stored {@link #termSums} brought up to date with a kept model, whose clusters keep their documents: the
     * sums of the documents gone since (removed, or changed and scored again) taken away, those of the documents
     * scored in this run added. Counts are whole numbers, so this equals summing every document again.
     */
    static Dataset<Row> updatedTermSums(Dataset<Row> stored, Dataset<Row> added, Dataset<Row> takenAway) {
        return stored.select(Columns.CLUSTER_ID, Columns.TERM, Columns.TF)
                .unionByName(added)
                .unionByName(takenAway.withColumn(Columns.TF, col(Columns.TF).unary_$minus()))
                .groupBy(Columns.CLUSTER_ID, Columns.TERM)
                .agg(sum(Columns.TF).as(Columns.TF))
                .filter(col(Columns.TF).gt(0));
    }

    /**
     * Each cluster's top terms by c-TF-IDF (ties by term), in the order of {@code clusterIds}; clusters with no
     * documents get none.
     *
     * @param perCluster the clusters' {@link #termSums}, read twice (kept by the caller)
     */
    static List<List<String>> topTerms(Dataset<Row> perCluster, List<Integer> clusterIds, int top) {
        int k = clusterIds.size();
        Long words = perCluster.agg(sum(Columns.TF).as("words")).first().getAs("words");
        double meanWords = words == null ? 1 : words / (double) k;
        List<Row> rows = perCluster
                .withColumn("cluster_words", sum(Columns.TF).over(Window.partitionBy(Columns.CLUSTER_ID)))
                .withColumn("term_total", sum(Columns.TF).over(Window.partitionBy(Columns.TERM)))
                .withColumn(Columns.SCORE, expr("tf / cluster_words * ln(1 + " + meanWords + " / term_total)"))
                .withColumn(
                        "rank",
                        row_number()
                                .over(Window.partitionBy(Columns.CLUSTER_ID)
                                        .orderBy(col(Columns.SCORE).desc(), col(Columns.TERM))))
                .filter(col("rank").leq(top))
                .orderBy(Columns.CLUSTER_ID, "rank")
                .select(Columns.CLUSTER_ID, Columns.TERM)
                .collectAsList();
        List<List<String>> terms = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            terms.add(new ArrayList<>());
        }
        rows.forEach(r -> terms.get(clusterIds.indexOf(r.<Integer>getAs(Columns.CLUSTER_ID)))
                .add(r.getAs(Columns.TERM)));
        return terms;
    }

    /**
     * clusters rows for every document: documents without a vocabulary term get cluster -1; {@code clusterTerms}
     * are in the order of {@code clusterIds}.
     */
    static Dataset<Row> clustersTable(
            SparkSession spark,
            Dataset<Row> docs,
            Dataset<Row> assignment,
            List<Integer> clusterIds,
            List<List<String>> clusterTerms,
            int labelTerms) {
        List<Row> labelRows = new ArrayList<>();
        for (int c = 0; c < clusterTerms.size(); c++) {
            List<String> terms = clusterTerms.get(c);
            labelRows.add(RowFactory.create(
                    clusterIds.get(c), String.join(", ", terms.subList(0, Math.min(labelTerms, terms.size())))));
        }
        Dataset<Row> labels = spark.createDataFrame(
                labelRows,
                DataTypes.createStructType(List.of(
                        DataTypes.createStructField("cluster_id", DataTypes.IntegerType, false),
                        DataTypes.createStructField("label", DataTypes.StringType, false))));
        Dataset<Row> assigned = assignment
                .join(
                        broadcast(labels),
                        assignment.col(Columns.CLUSTER_ID).equalTo(labels.col(Columns.CLUSTER_ID)),
                        "left")
                .select(
                        assignment.col(Columns.DOC_ID), assignment.col(Columns.CLUSTER_ID),
                        expr("coalesce(label, '" + NO_WEIGHT + "')").as(Columns.LABEL),
                                assignment.col(Columns.DISTANCE));
        Dataset<Row> unassigned = docs.select(Columns.DOC_ID)
                .join(assignment.select(Columns.DOC_ID), Columns.DOC_ID, "left_anti")
                .select(
                        col(Columns.DOC_ID),
                        lit(-1).as(Columns.CLUSTER_ID),
                        lit(NO_TERMS).as(Columns.LABEL),
                        lit(1.0).as(Columns.DISTANCE));
        return assigned.unionByName(unassigned);
    }
}
