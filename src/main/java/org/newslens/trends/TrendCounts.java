package org.newslens.trends;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.newslens.io.Columns;

/** Per-period and per-document counts of entities, pairs and terms, from the per-document tables. */
final class TrendCounts {
    private TrendCounts() {}

    /**
     * @param mentions doc_id, entity_id (not null)
     * @param dated doc_id, period_index of the documents that count
     * @return entity_id, period_index, mentions, docs
     */
    static Dataset<Row> entities(Dataset<Row> mentions, Dataset<Row> dated) {
        return mentions.select(Columns.DOC_ID, Columns.ENTITY_ID)
                .join(dated.select(Columns.DOC_ID, "period_index"), Columns.DOC_ID)
                .groupBy(Columns.DOC_ID, Columns.ENTITY_ID, "period_index")
                .agg(count(lit(1)).as("n"))
                .groupBy(Columns.ENTITY_ID, "period_index")
                .agg(sum("n").as(Columns.MENTIONS), count(lit(1)).as(Columns.DOCS));
    }

    /**
     * Sentence-window pairs: each sentence counts a pair once; only the pairs of entity_pairs' sentence window
     * (so its entity types and least count apply here too).
     *
     * @param pairs entity_a, entity_b of entity_pairs (window sentence)
     * @return entity_a, entity_b, period_index, count (sentences), docs
     */
    static Dataset<Row> pairs(Dataset<Row> mentions, Dataset<Row> dated, Dataset<Row> pairs) {
        Dataset<Row> paired = pairs.select(col(Columns.ENTITY_A).as(Columns.ENTITY_ID))
                .union(pairs.select(col(Columns.ENTITY_B).as(Columns.ENTITY_ID)))
                .distinct();
        Dataset<Row> windows = mentions.select(Columns.DOC_ID, Columns.SENT_ID, Columns.ENTITY_ID)
                .join(paired, Columns.ENTITY_ID)
                .distinct()
                .join(dated.select(Columns.DOC_ID, "period_index"), Columns.DOC_ID)
                .select(Columns.DOC_ID, Columns.SENT_ID, Columns.ENTITY_ID, "period_index");
        Dataset<Row> a = windows.toDF("a_doc", "a_sent", "entity_a", "period_index");
        Dataset<Row> b = windows.select(Columns.DOC_ID, Columns.SENT_ID, Columns.ENTITY_ID)
                .toDF("b_doc", "b_sent", Columns.ENTITY_B);
        return a.join(
                        b,
                        col("a_doc")
                                .equalTo(col("b_doc"))
                                .and(col("a_sent").equalTo(col("b_sent")))
                                .and(col(Columns.ENTITY_A).lt(col(Columns.ENTITY_B))))
                .join(
                        pairs.select(Columns.ENTITY_A, Columns.ENTITY_B),
                        new String[] {Columns.ENTITY_A, Columns.ENTITY_B},
                        "left_semi")
                .groupBy("a_doc", Columns.ENTITY_A, Columns.ENTITY_B, "period_index")
                .agg(count(lit(1)).as("sentences"))
                .groupBy(Columns.ENTITY_A, Columns.ENTITY_B, "period_index")
                .agg(sum("sentences").as(Columns.COUNT), count(lit(1)).as(Columns.DOCS));
    }

    /**
     * The keyness features of every document, both kinds: doc_id, kind, feature (a term, or an entity id), n
     * (its occurrences in the document; one row per mention for entities, summed later).
     */
    static Dataset<Row> features(Dataset<Row> docTerms, Dataset<Row> mentions) {
        Dataset<Row> terms = docTerms.select(
                col(Columns.DOC_ID),
                lit(KeynessTable.TERM).as(Columns.KIND),
                col(Columns.TERM).as("feature"),
                col(Columns.TF).cast("long").as("n"));
        Dataset<Row> named = mentions.select(
                col(Columns.DOC_ID),
                lit(KeynessTable.ENTITY).as(Columns.KIND),
                col(Columns.ENTITY_ID).as("feature"),
                lit(1L).as("n"));
        return terms.unionByName(named);
    }
}
