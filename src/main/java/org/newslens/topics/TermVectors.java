package org.newslens.topics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Spark layer from sentence term arrays to term counts, the vocabulary and L2-normalised tf-idf vectors. */
final class TermVectors {
    static final StructType COUNTS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("doc_id", StringType, false),
            DataTypes.createStructField("term", StringType, false),
            DataTypes.createStructField("tf", IntegerType, false)));

    private TermVectors() {
    }

    /** doc_id, term, tf for content terms and chosen collocations; docs has doc_id and sentences. */
    static Dataset<Row> counts(SparkSession spark, Dataset<Row> docs, Set<String> collocations) {
        Broadcast<Set<String>> chosen = new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext())
                .broadcast(collocations);
        FlatMapFunction<Row, Row> toCounts = row -> {
            List<List<String>> sentences = Rows.nestedStrings(row, row.fieldIndex("sentences"));
            Map<String, Integer> counts = DocTerms.counts(sentences, chosen.value());
            String docId = row.getString(row.fieldIndex("doc_id"));
            List<Row> rows = new ArrayList<>(counts.size());
            counts.forEach((term, tf) -> rows.add(RowFactory.create(docId, term, tf)));
            Iterator<Row> it = rows.iterator();
            return it;
        };
        return docs.select("doc_id", "sentences").flatMap(toCounts, Encoders.row(COUNTS));
    }

    /** The vocabulary from the counts of the fitting documents. */
    static Vocabulary vocabulary(Dataset<Row> fitCounts, long documents, int minDf, double maxDfShare, int maxTerms) {
        long low = Vocabulary.effectiveMinDf(minDf, documents);
        long high = Vocabulary.effectiveMaxDf(maxDfShare, documents);
        List<Row> rows = fitCounts.groupBy("term").agg(count("*").as("df"), sum("tf").as("cf"))
                .filter(col("df").geq(low).and(col("df").leq(high)))
                // Terms need two letters: single letters are initials and list markers, not topics.
                .filter(functions.length(functions.regexp_replace(col("term"), "[^\\p{L}]", "")).geq(2))
                .orderBy(desc("cf"), col("term"))
                .limit(maxTerms)
                .orderBy("term")
                .collectAsList();
        List<String> terms = new ArrayList<>();
        List<Long> dfs = new ArrayList<>();
        for (Row row : rows) {
            terms.add(row.getString(0));
            dfs.add(row.getLong(1));
        }
        return Vocabulary.of(terms, dfs, documents);
    }

    /** doc_id, idx (ascending term indices), val (sublinear tf x idf, L2-normalised) for docs with a vocabulary term. */
    static Dataset<Row> vectors(SparkSession spark, Dataset<Row> counts, Vocabulary vocabulary) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            rows.add(RowFactory.create(vocabulary.terms().get(i), i, vocabulary.idf()[i]));
        }
        Dataset<Row> vocab = spark.createDataFrame(rows, DataTypes.createStructType(List.of(
                DataTypes.createStructField("term", StringType, false),
                DataTypes.createStructField("index", IntegerType, false),
                DataTypes.createStructField("idf", DoubleType, false))));
        // Sorting each document's entries by index makes the norm's summation order fixed.
        return counts.join(broadcast(vocab), "term")
                .withColumn("w", expr("(1 + ln(tf)) * idf"))
                .groupBy("doc_id")
                .agg(expr("array_sort(collect_list(struct(index, w)))").as("e"))
                .withColumn("norm", expr("sqrt(aggregate(e, 0D, (acc, x) -> acc + x.w * x.w))"))
                .select(col("doc_id"), expr("transform(e, x -> x.index)").as("idx"),
                        expr("transform(e, x -> x.w / norm)").as("val"));
    }

    static SparseDoc toDoc(Row row) {
        List<Integer> idx = row.getList(row.fieldIndex("idx"));
        List<Double> val = row.getList(row.fieldIndex("val"));
        int[] indices = new int[idx.size()];
        double[] values = new double[val.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = idx.get(i);
            values[i] = val.get(i);
        }
        return new SparseDoc(row.getString(row.fieldIndex("doc_id")), indices, values);
    }
}
