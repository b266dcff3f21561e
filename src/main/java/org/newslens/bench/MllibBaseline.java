package org.newslens.bench;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.KMeans;
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
    private MllibBaseline() {}

    static void run(SparkSession spark, String corpus, String output, boolean withModels) {
        Dataset<Row> texts = spark.read()
                .option("wholetext", "true")
                .option("recursiveFileLookup", "true")
                .text(corpus);
        Pipeline features = new Pipeline().setStages(new PipelineStage[] {
            new RegexTokenizer().setInputCol("value").setOutputCol("tokens").setPattern("\\W+"),
            new StopWordsRemover().setInputCol("tokens").setOutputCol("words"),
            new CountVectorizer().setInputCol("words").setOutputCol("tf"),
            new IDF().setInputCol("tf").setOutputCol("tfidf")
        });
        PipelineModel model = features.fit(texts);
        Dataset<Row> vectors = model.transform(texts).select(Columns.TF, "tfidf");
        vectors.write().mode(SaveMode.Overwrite).parquet(output + "/tfidf");
        if (withModels) {
            Dataset<Row> saved = spark.read().parquet(output + "/tfidf");
            new LDA().setK(15).setSeed(1).setFeaturesCol("tf").fit(saved);
            new KMeans().setK(15).setSeed(1).setFeaturesCol("tfidf").fit(saved);
        }
    }
}
