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
import org.newslens.io.DocumentText;
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
     * As {@link #score}, plus {@link DocumentText#REUSED}: with {@code stored} (state/topic_scores rows the same
     * model gave), documents whose text is unchanged keep their stored scores and only the others are scored.
     * {@code documents}: doc_id, content_sha of every document.
     */
    static Dataset<Row> scoreKeeping(
            Dataset<Row> documents,
            Dataset<Row> vectors,
            Optional<Dataset<Row>> stored,
            FittedModels models,
            int[] clusterIds) {
        if (stored.isEmpty()) {
            return score(vectors, models, clusterIds).withColumn(DocumentText.REUSED, lit(false));
        }
        Dataset<Row> reused = DocumentText.unchanged(
                        documents.select(Columns.DOC_ID, Columns.CONTENT_SHA), stored.get())
                .selectExpr(SCORES.fieldNames())
                .withColumn(DocumentText.REUSED, lit(true));
        // Broadcast: the vectors are not shuffled for this.
        Dataset<Row> unscored = broadcast(DocumentText.changedIds(documents, stored.get()));
        Dataset<Row> scored = score(vectors.join(unscored, Columns.DOC_ID, "left_semi"), models, clusterIds)
                .withColumn(DocumentText.REUSED, lit(false));
        return reused.unionByName(scored);
    }

    /** The state/topic_scores rows of {@code scores}: each with its document's content_sha. */
    static Dataset<Row> state(Dataset<Row> scores, Dataset<Row> documents) {
        return scores.join(documents.select(Columns.DOC_ID, Columns.CONTENT_SHA), Columns.DOC_ID);
    }

    /**
     * doc_topics rows: each topic with weight at least 1 %, and always the dominant one; ids by topic position. A
     * document has rows only when it has a dominant topic, and then exactly one is_dominant row ({@link TopicTrends}
     * counts a period's documents by it).
     */
    static Dataset<Row> docTopics(Dataset<Row> scores, String model, int[] topicIds) {
        String ids = Arrays.stream(topicIds).mapToObj(String::valueOf).collect(Collectors.joining(", "));
        return scores.select(
                        col(Columns.DOC_ID),
                        col(Columns.DOMINANT),
                        expr("posexplode(weights)").as(new String[] {"position", Columns.WEIGHT}))
                .filter(col("position")
                        .equalTo(col(Columns.DOMINANT))
                        .or(col(Columns.WEIGHT).geq(FittedModels.MIN_WEIGHT)))
                .filter(col(Columns.DOMINANT).geq(0))
                .select(
                        col(Columns.DOC_ID),
                        lit(model).as(Columns.MODEL),
                        expr("element_at(array(" + ids + "), position + 1)").as(Columns.TOPIC_ID),
                        col(Columns.WEIGHT),
                        col("position").equalTo(col(Columns.DOMINANT)).as(Columns.IS_DOMINANT));
    }
}
