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
     * Runs the pipeline. With {@code withModels} and {@code clustersByFile}, returns each file's KMeans cluster
     * (file, cluster; lazy, so only computed when read), else null. Only then is the file path carried through
     * the pipeline, so that the timed baseline is otherwise the plain one.
     */
    static Dataset<Row> run(
            SparkSession spark, String corpus, String output, boolean withModels, boolean clustersByFile) {
        Dataset<Row> read = spark.read()
                .option("wholetext", "true")
                .option("recursiveFileLookup", "true")
                .text(corpus);
        Dataset<Row> texts = clustersByFile ? read.withColumn(FILE, input_file_name()) : read;
        Pipeline features = new Pipeline().setStages(new PipelineStage[] {
            new RegexTokenizer().setInputCol("value").setOutputCol("tokens").setPattern("\\W+"),
            new StopWordsRemover().setInputCol("tokens").setOutputCol("words"),
            new CountVectorizer().setInputCol("words").setOutputCol("tf"),
            new IDF().setInputCol("tf").setOutputCol("tfidf")
        });
        PipelineModel model = features.fit(texts);
        Dataset<Row> vectors = clustersByFile
                ? model.transform(texts).select(FILE, Columns.TF, "tfidf")
                : model.transform(texts).select(Columns.TF, "tfidf");
        vectors.write().mode(SaveMode.Overwrite).parquet(output + "/tfidf");
        if (withModels) {
            Dataset<Row> saved = spark.read().parquet(output + "/tfidf");
            new LDA().setK(15).setSeed(1).setFeaturesCol("tf").fit(saved);
            KMeansModel kmeans =
                    new KMeans().setK(15).setSeed(1).setFeaturesCol("tfidf").fit(saved);
            if (clustersByFile) {
                return kmeans.transform(saved)
                        .select(col(FILE), col("prediction").as(CLUSTER));
            }
        }
        return null;
    }
}
