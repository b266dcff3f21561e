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
import org.newslens.io.Columns;
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
        List<String> keys =
                SENTENCE.equals(window) ? List.of(Columns.DOC_ID, Columns.SENT_ID) : List.of(Columns.DOC_ID);
        Dataset<Row> typed =
                entities.filter(col(Columns.TYPE).isin(pairTypes.toArray())).select(Columns.ENTITY_ID);
        List<String> cols = new ArrayList<>(keys);
        cols.add(Columns.ENTITY_ID);
        Column[] windowKeys = keys.stream().map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> windows = mentions.join(typed, Columns.ENTITY_ID)
                .groupBy(cols.stream().map(c -> col(c)).toArray(Column[]::new))
                .agg(count(lit(1)).as(Columns.MENTIONS))
                .withColumn(
                        Columns.RANK,
                        row_number()
                                .over(Window.partitionBy(windowKeys)
                                        .orderBy(col(Columns.MENTIONS).desc(), col(Columns.ENTITY_ID))))
                .filter(col(Columns.RANK).leq(maxEntities))
                .select(cols.stream().map(c -> col(c)).toArray(Column[]::new));
        Dataset<Row> frequency =
                windows.groupBy(Columns.ENTITY_ID).agg(count(lit(1)).as(Columns.N));

        Dataset<Row> a = windows.toDF(rename(cols, "a_"));
        Dataset<Row> b = windows.toDF(rename(cols, "b_"));
        Column sameWindow = col("a_" + Columns.ENTITY_ID).lt(col("b_" + Columns.ENTITY_ID));
        for (String key : keys) {
            sameWindow = sameWindow.and(col("a_" + key).equalTo(col("b_" + key)));
        }
        Dataset<Row> pairs = a.join(b, sameWindow)
                .groupBy(
                        col("a_" + Columns.ENTITY_ID).as(Columns.ENTITY_A),
                        col("b_" + Columns.ENTITY_ID).as(Columns.ENTITY_B))
                .agg(
                        count(lit(1)).as(Columns.COUNT),
                        countDistinct("a_" + Columns.DOC_ID).as(Columns.DOCS))
                .filter(col(Columns.COUNT).geq(minCount));
        Dataset<Row> withFrequencies = pairs.join(frequency.toDF(Columns.ENTITY_A, "n_a"), Columns.ENTITY_A)
                .join(frequency.toDF(Columns.ENTITY_B, "n_b"), Columns.ENTITY_B)
                .join(
                        entities.select(
                                col(Columns.ENTITY_ID).as(Columns.ENTITY_A),
                                col(Columns.NAME).as(Columns.NAME_A)),
                        Columns.ENTITY_A)
                .join(
                        entities.select(
                                col(Columns.ENTITY_ID).as(Columns.ENTITY_B),
                                col(Columns.NAME).as(Columns.NAME_B)),
                        Columns.ENTITY_B)
                .select(
                        Columns.ENTITY_A,
                        Columns.ENTITY_B,
                        Columns.COUNT,
                        Columns.DOCS,
                        "n_a",
                        "n_b",
                        Columns.NAME_A,
                        Columns.NAME_B);
        return withFrequencies.map(score(window, windowCount, withFrequencies.schema()), Encoders.row(SCHEMA));
    }

    static final StructType SCHEMA = new StructType()
            .add(Columns.ENTITY_A, DataTypes.StringType, false)
            .add(Columns.ENTITY_B, DataTypes.StringType, false)
            .add(Columns.WINDOW, DataTypes.StringType, false)
            .add(Columns.COUNT, DataTypes.LongType, false)
            .add(Columns.DOCS, DataTypes.LongType, false)
            .add(Columns.PMI, DataTypes.DoubleType, false)
            .add(Columns.NPMI, DataTypes.DoubleType, false)
            .add(Columns.LLR, DataTypes.DoubleType, false)
            .add(Columns.JACCARD, DataTypes.DoubleType, false)
            .add(Columns.NAME_A, DataTypes.StringType, false)
            .add(Columns.NAME_B, DataTypes.StringType, false);

    private static MapFunction<Row, Row> score(String window, long n, StructType in) {
        int entityAAt = in.fieldIndex(Columns.ENTITY_A);
        int entityBAt = in.fieldIndex(Columns.ENTITY_B);
        int countAt = in.fieldIndex(Columns.COUNT);
        int docsAt = in.fieldIndex(Columns.DOCS);
        int nAAt = in.fieldIndex("n_a");
        int nBAt = in.fieldIndex("n_b");
        int nameAAt = in.fieldIndex(Columns.NAME_A);
        int nameBAt = in.fieldIndex(Columns.NAME_B);
        return row -> {
            long nab = row.getLong(countAt);
            long na = row.getLong(nAAt);
            long nb = row.getLong(nBAt);
            return RowFactory.create(
                    row.getString(entityAAt),
                    row.getString(entityBAt),
                    window,
                    nab,
                    row.getLong(docsAt),
                    Association.pmi(nab, na, nb, n),
                    Association.npmi(nab, na, nb, n),
                    Association.llr(nab, na, nb, n),
                    Association.jaccard(nab, na, nb),
                    row.getString(nameAAt),
                    row.getString(nameBAt));
        };
    }

    private static String[] rename(List<String> cols, String prefix) {
        return cols.stream().map(c -> prefix + c).toArray(String[]::new);
    }
}
