package org.newslens.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.newslens.io.Columns;

/**
 * The plain Spark MLlib pipeline NewsLens is measured against: regex tokenizer, stop-word remover,
 * CountVectorizer, IDF, Parquet; with {@code withModels}, also LDA k=15 and KMeans k=15 on the tf-idf.
 */
final class MllibBaseline {
    static final String FILE = "file";
    static final String CLUSTER = "cluster";

    private MllibBaseline() {}

    /**
     * Runs the pipeline; with {@code withModels} returns each file's KMeans cluster (file, cluster: lazy, so only
     * computed when read), else null.
     */
    static Dataset<Row> run(SparkSession spark, String corpus, String output, boolean withModels) {
        Dataset<Row> texts = spark.read()
                .option("wholetext", "true")
                .option("recursiveFileLookup", "true")
                .text(corpus)
                .withColumn(FILE, input_file_name());
        Pipeline features = new Pipeline().setStages(new PipelineStage[] {
            new RegexTokenizer().setInputCol("value").setOutputCol("tokens").setPattern("\\W+"),
            new StopWordsRemover().setInputCol("tokens").setOutputCol("words"),
            new CountVectorizer().setInputCol("words").setOutputCol("tf"),
            new IDF().setInputCol("tf").setOutputCol("tfidf")
        });
        PipelineModel model = features.fit(texts);
        Dataset<Row> vectors = model.transform(texts).select(FILE, Columns.TF, "tfidf");
        vectors.write().mode(SaveMode.Overwrite).parquet(output + "/tfidf");
        if (withModels) {
            Dataset<Row> saved = spark.read().parquet(output + "/tfidf");
            new LDA().setK(15).setSeed(1).setFeaturesCol("tf").fit(saved);
            KMeansModel kmeans =
                    new KMeans().setK(15).setSeed(1).setFeaturesCol("tfidf").fit(saved);
            return kmeans.transform(saved).select(col(FILE), col("prediction").as(CLUSTER));
        }
        return null;
    }
}
