package org.newslens.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.expressions.Window;

/**
 * Near-duplicates with MLlib's MinHashLSH over word 3-shingles (all words, stop words included, as copies are
 * judged on the running text). Pairs at or above the Jaccard threshold are exact Jaccard similarities of the
 * shingle sets (MinHash only proposes the candidates). Each document whose near-copy came first (earlier
 * {@code published}, then smaller doc_id) is listed with that earliest copy as {@code duplicate_of}.
 */
public final class NearDuplicates {
    static final int SHINGLE = 3;
    private static final int FEATURES = 1 << 20;
    private static final int HASH_TABLES = 5;

    private static final StructType SHINGLED = DataTypes.createStructType(List.of(
            DataTypes.createStructField("doc_id", DataTypes.StringType, false),
            DataTypes.createStructField("published", DataTypes.DateType, true),
            DataTypes.createStructField("shingles", DataTypes.createArrayType(DataTypes.StringType, false), false)));

    private NearDuplicates() {
    }

    /**
     * @param docs doc_id, published, sentences (array of term arrays)
     * @return doc_id, duplicate_of, similarity
     */
    public static Dataset<Row> find(Dataset<Row> docs, double minSimilarity, long seed) {
        // Shingling in Java: a SQL transform over a filtered array re-evaluates the filter per shingle.
        MapPartitionsFunction<Row, Row> shingle = rows -> {
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> shingles = Shingles.of(Rows.nestedStrings(row, 2), SHINGLE);
                if (!shingles.isEmpty()) {
                    out.add(RowFactory.create(row.getString(0), row.get(1),
                            scala.jdk.javaapi.CollectionConverters.asScala(shingles).toSeq()));
                }
            }
            Iterator<Row> it = out.iterator();
            return it;
        };
        Dataset<Row> shingled = docs.select("doc_id", "published", "sentences")
                .mapPartitions(shingle, Encoders.row(SHINGLED));
        HashingTF hashing = new HashingTF().setInputCol("shingles").setOutputCol("features")
                .setNumFeatures(FEATURES).setBinary(true);
        Dataset<Row> features = hashing.transform(shingled).select("doc_id", "published", "features");
        MinHashLSHModel lsh = new MinHashLSH().setInputCol("features").setOutputCol("hashes")
                .setNumHashTables(HASH_TABLES).setSeed(seed).fit(features);
        Dataset<Row> pairs = lsh.approxSimilarityJoin(features, features, 1.0 - minSimilarity + 1e-12, "distance")
                .select(col("datasetA.doc_id").as("doc_id"), col("datasetA.published").as("published"),
                        col("datasetB.doc_id").as("other_id"), col("datasetB.published").as("other_published"),
                        lit(1.0).minus(col("distance")).as("similarity"))
                .filter(col("doc_id").notEqual(col("other_id")))
                .filter(col("similarity").geq(minSimilarity));
        // The other document came first: earlier date (unknown dates last), then smaller id.
        Column otherFirst = comesFirst(col("other_published"), col("other_id"), col("published"), col("doc_id"));
        return pairs.filter(otherFirst)
                .withColumn("rank", row_number().over(Window.partitionBy("doc_id")
                        .orderBy(col("other_published").asc_nulls_last(), col("other_id").asc())))
                .filter(col("rank").equalTo(1))
                .select(col("doc_id"), col("other_id").as("duplicate_of"), col("similarity"));
    }

    static Column comesFirst(Column aDate, Column aId, Column bDate, Column bId) {
        Column sameDate = aDate.isNull().and(bDate.isNull()).or(aDate.equalTo(bDate));
        Column earlier = aDate.isNotNull().and(bDate.isNull().or(aDate.lt(bDate)));
        return earlier.or(sameDate.and(aId.lt(bId)));
    }
}
