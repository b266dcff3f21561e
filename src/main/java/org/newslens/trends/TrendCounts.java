package org.newslens.trends;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Per-period and per-document counts of entities, pairs and terms, from the per-document tables. */
final class TrendCounts {
    private TrendCounts() {}

    /**
     * @param mentions doc_id, entity_id (not null)
     * @param dated doc_id, period_index of the documents that count
     * @return entity_id, period_index, mentions, docs
     */
    static Dataset<Row> entities(Dataset<Row> mentions, Dataset<Row> dated) {
        return mentions.select("doc_id", "entity_id")
                .join(dated.select("doc_id", "period_index"), "doc_id")
                .groupBy("doc_id", "entity_id", "period_index")
                .agg(count(lit(1)).as("n"))
                .groupBy("entity_id", "period_index")
                .agg(sum("n").as("mentions"), count(lit(1)).as("docs"));
    }

    /**
     * Sentence-window pairs: each sentence counts a pair once; only the pairs of entity_pairs' sentence window
     * (so its entity types and least count apply here too).
     *
     * @param pairs entity_a, entity_b of entity_pairs (window sentence)
     * @return entity_a, entity_b, period_index, count (sentences), docs
     */
    static Dataset<Row> pairs(Dataset<Row> mentions, Dataset<Row> dated, Dataset<Row> pairs) {
        Dataset<Row> paired = pairs.select(col("entity_a").as("entity_id"))
                .union(pairs.select(col("entity_b").as("entity_id")))
                .distinct();
        Dataset<Row> windows = mentions.select("doc_id", "sent_id", "entity_id")
                .join(paired, "entity_id")
                .distinct()
                .join(dated.select("doc_id", "period_index"), "doc_id")
                .select("doc_id", "sent_id", "entity_id", "period_index");
        Dataset<Row> a = windows.toDF("a_doc", "a_sent", "entity_a", "period_index");
        Dataset<Row> b = windows.select("doc_id", "sent_id", "entity_id").toDF("b_doc", "b_sent", "entity_b");
        return a.join(
                        b,
                        col("a_doc")
                                .equalTo(col("b_doc"))
                                .and(col("a_sent").equalTo(col("b_sent")))
                                .and(col("entity_a").lt(col("entity_b"))))
                .join(pairs.select("entity_a", "entity_b"), new String[] {"entity_a", "entity_b"}, "left_semi")
                .groupBy("a_doc", "entity_a", "entity_b", "period_index")
                .agg(count(lit(1)).as("sentences"))
                .groupBy("entity_a", "entity_b", "period_index")
                .agg(sum("sentences").as("count"), count(lit(1)).as("docs"));
    }

    /**
     * Per-document counts of both kinds of keyness feature: doc_id, kind, feature (term or entity id), term
     * (the term or the entity's name), entity_id (null for terms), n.
     */
    static Dataset<Row> features(Dataset<Row> docTerms, Dataset<Row> mentions, Dataset<Row> entities) {
        Dataset<Row> terms = docTerms.select(
                col("doc_id"),
                lit(KeynessTable.TERM).as("kind"),
                col("term").as("feature"),
                col("term"),
                lit(null).cast("string").as("entity_id"),
                col("tf").cast("long").as("n"));
        Dataset<Row> named = mentions.groupBy("doc_id", "entity_id")
                .agg(count(lit(1)).as("n"))
                .join(entities, "entity_id")
                .select(
                        col("doc_id"),
                        lit(KeynessTable.ENTITY).as("kind"),
                        col("entity_id").as("feature"),
                        col("name").as("term"),
                        col("entity_id"),
                        col("n"));
        return terms.unionByName(named);
    }
}
