package org.newslens.entities;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.stats.Association;

/**
 * Co-occurrence of canonical entities in two kinds of window, {@code sentence} (doc_id, sent_id) and
 * {@code document} (doc_id). Each window instance counts a pair once, however often the two are mentioned
 * in it. N (for the scores) is the number of window instances in the corpus: sentences, or annotated
 * documents. Pairs are unordered: entity_a &lt; entity_b.
 *
 * <p>A window holds at most {@code maxEntities} entities: its most mentioned ones (ties to the smaller
 * entity_id), the same set for the pair counts and for each entity's window count. A window of E entities
 * has E(E-1)/2 pairs, so without the cap one very long document (a book kept whole, hundreds of distinct
 * names) would cost more than the rest of the corpus; with it a window costs at most a fixed amount, and
 * ordinary articles, which name fewer entities than the cap, are counted in full.
 */
public final class CooccurrencePairs {
    public static final String SENTENCE = "sentence";
    public static final String DOCUMENT = "document";

    private CooccurrencePairs() {}

    /**
     * @param mentions doc_id, sent_id, entity_id of every mention
     * @param entities entity_id, name, type (the entity's majority type)
     * @param windowCount N for this window kind
     * @param maxEntities the most entities a window pairs (its most mentioned)
     */
    public static Dataset<Row> compute(
            Dataset<Row> mentions,
            Dataset<Row> entities,
            String window,
            long windowCount,
            List<String> pairTypes,
            int minCount,
            int maxEntities) {
        List<String> keys = SENTENCE.equals(window) ? List.of("doc_id", "sent_id") : List.of("doc_id");
        Dataset<Row> typed =
                entities.filter(col("type").isin(pairTypes.toArray())).select("entity_id");
        List<String> cols = new ArrayList<>(keys);
        cols.add("entity_id");
        Column[] windowKeys = keys.stream().map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> windows = mentions.join(typed, "entity_id")
                .groupBy(cols.stream().map(c -> col(c)).toArray(Column[]::new))
                .agg(count(lit(1)).as("mentions"))
                .withColumn(
                        "rank",
                        row_number()
                                .over(Window.partitionBy(windowKeys)
                                        .orderBy(col("mentions").desc(), col("entity_id"))))
                .filter(col("rank").leq(maxEntities))
                .select(cols.stream().map(c -> col(c)).toArray(Column[]::new));
        Dataset<Row> frequency = windows.groupBy("entity_id").agg(count(lit(1)).as("n"));

        Dataset<Row> a = windows.toDF(rename(cols, "a_"));
        Dataset<Row> b = windows.toDF(rename(cols, "b_"));
        Column sameWindow = col("a_entity_id").lt(col("b_entity_id"));
        for (String key : keys) {
            sameWindow = sameWindow.and(col("a_" + key).equalTo(col("b_" + key)));
        }
        Dataset<Row> pairs = a.join(b, sameWindow)
                .groupBy(col("a_entity_id").as("entity_a"), col("b_entity_id").as("entity_b"))
                .agg(count(lit(1)).as("count"), countDistinct("a_doc_id").as("docs"))
                .filter(col("count").geq(minCount));
        Dataset<Row> withFrequencies = pairs.join(frequency.toDF("entity_a", "n_a"), "entity_a")
                .join(frequency.toDF("entity_b", "n_b"), "entity_b")
                .join(
                        entities.select(
                                col("entity_id").as("entity_a"), col("name").as("name_a")),
                        "entity_a")
                .join(
                        entities.select(
                                col("entity_id").as("entity_b"), col("name").as("name_b")),
                        "entity_b")
                .select("entity_a", "entity_b", "count", "docs", "n_a", "n_b", "name_a", "name_b");
        return withFrequencies.map(score(window, windowCount), Encoders.row(SCHEMA));
    }

    static final StructType SCHEMA = new StructType()
            .add("entity_a", DataTypes.StringType, false)
            .add("entity_b", DataTypes.StringType, false)
            .add("window", DataTypes.StringType, false)
            .add("count", DataTypes.LongType, false)
            .add("docs", DataTypes.LongType, false)
            .add("pmi", DataTypes.DoubleType, false)
            .add("npmi", DataTypes.DoubleType, false)
            .add("llr", DataTypes.DoubleType, false)
            .add("jaccard", DataTypes.DoubleType, false)
            .add("name_a", DataTypes.StringType, false)
            .add("name_b", DataTypes.StringType, false);

    private static MapFunction<Row, Row> score(String window, long n) {
        return row -> {
            long nab = row.getLong(2);
            long na = row.getLong(4);
            long nb = row.getLong(5);
            return RowFactory.create(
                    row.getString(0),
                    row.getString(1),
                    window,
                    nab,
                    row.getLong(3),
                    Association.pmi(nab, na, nb, n),
                    Association.npmi(nab, na, nb, n),
                    Association.llr(nab, na, nb, n),
                    Association.jaccard(nab, na, nb),
                    row.getString(6),
                    row.getString(7));
        };
    }

    private static String[] rename(List<String> cols, String prefix) {
        return cols.stream().map(c -> prefix + c).toArray(String[]::new);
    }
}
