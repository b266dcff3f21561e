package org.newslens.topics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.io.Columns;
import org.newslens.topics.model.FittedModels;
import org.newslens.topics.model.SparseDoc;

/** Scores every document with the fitted models on the executors (the model travels in the closure). */
final class Scoring {
    static final StructType SCORES = DataTypes.createStructType(List.of(
            DataTypes.createStructField(Columns.DOC_ID, StringType, false),
            DataTypes.createStructField(Columns.CLUSTER_ID, IntegerType, false),
            DataTypes.createStructField(Columns.DISTANCE, DoubleType, false),
            DataTypes.createStructField(Columns.WEIGHTS, DataTypes.createArrayType(DoubleType, false), false),
            DataTypes.createStructField(Columns.DOMINANT, IntegerType, false)));
    /** A document's text: same id and same content_sha means the same vector, so the same scores. */
    private static final String[] DOCUMENT_TEXT = {Columns.DOC_ID, Columns.CONTENT_SHA};
    /** Column of {@link #scoreKeeping}: whether the row is a stored score. */
    static final String REUSED = "reused";

    private Scoring() {}

    /**
     * doc_id, cluster_id (the id users see, from {@code clusterIds} by the model's cluster position), distance,
     * weights (per topic position), dominant (its position; -1 when no topic has weight).
     */
    static Dataset<Row> score(Dataset<Row> vectors, FittedModels models, int[] clusterIds) {
        MapPartitionsFunction<Row, Row> scoreAll = rows -> {
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                SparseDoc doc = TermVectors.toDoc(rows.next());
                FittedModels.Scores s = models.score(doc);
                List<Double> weights = new ArrayList<>(s.weights().length);
                for (double w : s.weights()) {
                    weights.add(w);
                }
                out.add(RowFactory.create(
                        doc.docId(),
                        s.cluster() < 0 ? -1 : clusterIds[s.cluster()],
                        s.distance(),
                        scala.jdk.javaapi.CollectionConverters.asScala(weights).toSeq(),
                        s.dominant()));
            }
            Iterator<Row> it = out.iterator();
            return it;
        };
        return vectors.mapPartitions(scoreAll, Encoders.row(SCORES));
    }

    /**
     * As {@link #score}, plus {@link #REUSED}: with {@code stored} (state/topic_scores rows the same model gave),
     * documents whose doc_id and content_sha are stored keep their stored scores (REUSED true) and only the
     * others are scored. {@code documents}: doc_id, content_sha of every document.
     */
    static Dataset<Row> scoreKeeping(
            Dataset<Row> documents,
            Dataset<Row> vectors,
            Optional<Dataset<Row>> stored,
            FittedModels models,
            int[] clusterIds) {
        if (stored.isEmpty()) {
            return score(vectors, models, clusterIds).withColumn(REUSED, lit(false));
        }
        Dataset<Row> keys = documents.select(Columns.DOC_ID, Columns.CONTENT_SHA);
        Dataset<Row> reused = keys.join(stored.get(), DOCUMENT_TEXT)
                .select(SCORES.fieldNames()[0], Arrays.copyOfRange(SCORES.fieldNames(), 1, SCORES.size()))
                .withColumn(REUSED, lit(true));
        // Few in an append, so broadcast: the vectors are not shuffled for this.
        Dataset<Row> unscored = keys.join(
                        stored.get().select(Columns.DOC_ID, Columns.CONTENT_SHA), DOCUMENT_TEXT, "left_anti")
                .select(Columns.DOC_ID);
        Dataset<Row> scored = score(vectors.join(broadcast(unscored), Columns.DOC_ID, "left_semi"), models, clusterIds)
                .withColumn(REUSED, lit(false));
        return reused.unionByName(scored);
    }

    /** The state/topic_scores rows of {@code scores}: each with its document's content_sha. */
    static Dataset<Row> state(Dataset<Row> scores, Dataset<Row> documents) {
        return scores.join(documents.select(Columns.DOC_ID, Columns.CONTENT_SHA), Columns.DOC_ID);
    }

    /** doc_topics rows: each topic with weight at least 1 %, and always the dominant one; ids by topic position. */
    static Dataset<Row> docTopics(Dataset<Row> scores, String model, int[] topicIds) {
        String ids = Arrays.stream(topicIds).mapToObj(String::valueOf).collect(Collectors.joining(", "));
        return scores.select(
                        col(Columns.DOC_ID),
                        col(Columns.DOMINANT),
                        expr("posexplode(weights)").as(new String[] {"position", Columns.WEIGHT}))
                .filter(col("position")
                        .equalTo(col("dominant"))
                        .or(col(Columns.WEIGHT).geq(FittedModels.MIN_WEIGHT)))
                .filter(col("dominant").geq(0))
                .select(
                        col(Columns.DOC_ID),
                        lit(model).as(Columns.MODEL),
                        expr("element_at(array(" + ids + "), position + 1)").as(Columns.TOPIC_ID),
                        col(Columns.WEIGHT),
                        col("position").equalTo(col("dominant")).as(Columns.IS_DOMINANT));
    }
}
