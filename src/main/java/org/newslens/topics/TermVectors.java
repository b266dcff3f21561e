package org.newslens.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.io.Columns;
import org.newslens.topics.model.DocTerms;
import org.newslens.topics.model.SparseDoc;
import org.newslens.topics.model.Vocabulary;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark layer from sentence term arrays to each document's bag of terms, the vocabulary and L2-normalised
 * tf-idf vectors. A bag is one row per document (not one per document and term), so the corpus is turned
 * into terms once and the vectors are a map over the bags with the broadcast vocabulary, with no shuffle.
 */
final class TermVectors {
    static final StructType BAGS = DataTypes.createStructType(List.of(
            DataTypes.createStructField(Columns.DOC_ID, StringType, false),
            DataTypes.createStructField("terms", DataTypes.createArrayType(StringType, false), false),
            DataTypes.createStructField("tfs", DataTypes.createArrayType(IntegerType, false), false)));
    static final StructType VECTORS = DataTypes.createStructType(List.of(
            DataTypes.createStructField(Columns.DOC_ID, StringType, false),
            DataTypes.createStructField("idx", DataTypes.createArrayType(IntegerType, false), false),
            DataTypes.createStructField("val", DataTypes.createArrayType(DoubleType, false), false)));

    private TermVectors() {}

    /** doc_id, terms, tfs (content terms and chosen collocations, in term order) for docs with any such term. */
    static Dataset<Row> bags(SparkSession spark, Dataset<Row> docs, Set<String> collocations) {
        Broadcast<Set<String>> chosen = new JavaSparkContext(spark.sparkContext()).broadcast(collocations);
        FlatMapFunction<Row, Row> toBag = row -> {
            List<List<String>> sentences = Rows.nestedStrings(row, row.fieldIndex("sentences"));
            Map<String, Integer> counts = DocTerms.counts(sentences, chosen.value());
            if (counts.isEmpty()) {
                return Collections.emptyIterator();
            }
            List<String> terms = new ArrayList<>(counts.keySet());
            List<Integer> tfs = new ArrayList<>(counts.values());
            return List.of(RowFactory.create(
                            row.<String>getAs(Columns.DOC_ID),
                            CollectionConverters.asScala(terms).toSeq(),
                            CollectionConverters.asScala(tfs).toSeq()))
                    .iterator();
        };
        return docs.select(Columns.DOC_ID, "sentences").flatMap(toBag, Encoders.row(BAGS));
    }

    /** The vocabulary from the bags of the fitting documents. */
    static Vocabulary vocabulary(Dataset<Row> fitBags, long documents, int minDf, double maxDfShare, int maxTerms) {
        long low = Vocabulary.effectiveMinDf(minDf, documents);
        long high = Vocabulary.effectiveMaxDf(maxDfShare, documents);
        List<Row> rows = fitBags.select(expr("inline(arrays_zip(terms, tfs))"))
                .groupBy(col(Columns.TERMS).as(Columns.TERM))
                .agg(count("*").as(Columns.DF), sum("tfs").as(Columns.CF))
                .filter(col(Columns.DF).geq(low).and(col(Columns.DF).leq(high)))
                // Terms need two letters: single letters are initials and list markers, not topics.
                .filter(functions
                        .length(functions.regexp_replace(col(Columns.TERM), "[^\\p{L}]", ""))
                        .geq(2))
                .orderBy(desc(Columns.CF), col(Columns.TERM))
                .limit(maxTerms)
                .orderBy(Columns.TERM)
                .collectAsList();
        List<String> terms = new ArrayList<>();
        List<Long> dfs = new ArrayList<>();
        for (Row row : rows) {
            terms.add(row.getAs(Columns.TERM));
            dfs.add(row.getAs(Columns.DF));
        }
        return Vocabulary.of(terms, dfs, documents);
    }

    /** doc_id, idx (ascending term indices), val (sublinear tf x idf, L2-normalised) for docs with a vocabulary term. */
    static Dataset<Row> vectors(SparkSession spark, Dataset<Row> bags, Vocabulary vocabulary) {
        Broadcast<Vocabulary> shared = new JavaSparkContext(spark.sparkContext()).broadcast(vocabulary);
        MapPartitionsFunction<Row, Row> toVectors = rows -> {
            Vocabulary vocab = shared.value();
            Map<String, Integer> index = new HashMap<>(vocab.size() * 2);
            for (int i = 0; i < vocab.size(); i++) {
                index.put(vocab.terms().get(i), i);
            }
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row row = rows.next();
                SparseDoc doc = weigh(
                        row.getAs(Columns.DOC_ID),
                        row.getList(row.fieldIndex(Columns.TERMS)),
                        row.getList(row.fieldIndex("tfs")),
                        index,
                        vocab.idf());
                if (!doc.isEmpty()) {
                    out.add(RowFactory.create(
                            doc.docId(),
                            CollectionConverters.asScala(boxed(doc.indices())).toSeq(),
                            CollectionConverters.asScala(boxed(doc.values())).toSeq()));
                }
            }
            return out.iterator();
        };
        return bags.mapPartitions(toVectors, Encoders.row(VECTORS));
    }

    /** Sublinear tf-idf of a bag over the vocabulary, L2-normalised (summed in index order, so always the same). */
    static SparseDoc weigh(
            String docId, List<String> terms, List<Integer> tfs, Map<String, Integer> index, double[] idf) {
        int[] indices = new int[terms.size()];
        int n = 0;
        int[] tfByEntry = new int[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            Integer j = index.get(terms.get(i));
            if (j != null) {
                indices[n] = j;
                tfByEntry[n] = tfs.get(i);
                n++;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] idx = indices;
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(idx[a], idx[b]));
        int[] sortedIndices = new int[n];
        double[] values = new double[n];
        double squares = 0;
        for (int i = 0; i < n; i++) {
            sortedIndices[i] = indices[order[i]];
            values[i] = (1 + Math.log(tfByEntry[order[i]])) * idf[sortedIndices[i]];
            squares += values[i] * values[i];
        }
        double norm = Math.sqrt(squares);
        for (int i = 0; i < n; i++) {
            values[i] /= norm;
        }
        return new SparseDoc(docId, sortedIndices, values);
    }

    private static List<Integer> boxed(int[] values) {
        List<Integer> list = new ArrayList<>(values.length);
        for (int v : values) {
            list.add(v);
        }
        return list;
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
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
        return new SparseDoc(row.getString(row.fieldIndex(Columns.DOC_ID)), indices, values);
    }
}
