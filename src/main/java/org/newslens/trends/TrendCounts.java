package org.newslens.trends;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.io.Columns;
import org.newslens.io.GroupedRows;

/** Per-period and per-document counts of entities, pairs and terms, from the per-document tables. */
final class TrendCounts {
    private TrendCounts() {}

    /**
     * Each document's entities, and each dated document's sentence pairs, counted in one pass over its mentions
     * (sorted by sentence), so that no count shuffles the mentions a second time or joins them with themselves: one
     * row per (document, entity), with its mentions in the document, and one per (dated document, pair of entities
     * met in a sentence of it), with the number of its sentences holding both. Read three times ({@link #entities},
     * {@link #pairs}, {@link #entityFeatures}), so the caller keeps it.
     *
     * @param mentions doc_id, sent_id, entity_id (not null)
     * @param dated doc_id, period_index of the documents that count over time
     * @return doc_id, entity_a, entity_b (null on an entity's own row, entity_a &lt; entity_b on a pair's),
     *     period_index (null for a document that does not count over time), n
     */
    static Dataset<Row> perDocument(Dataset<Row> mentions, Dataset<Row> dated) {
        return mentions.select(Columns.DOC_ID, Columns.SENT_ID, Columns.ENTITY_ID)
                .join(dated.select(Columns.DOC_ID, "period_index"), new String[] {Columns.DOC_ID}, "left")
                .repartition(col(Columns.DOC_ID))
                .sortWithinPartitions(Columns.DOC_ID, Columns.SENT_ID, Columns.ENTITY_ID)
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>) DocumentCounts::new, Encoders.row(DocumentCounts.SCHEMA));
    }

    /**
     * @param perDocument the rows of {@link #perDocument}
     * @return entity_id, period_index, mentions, docs
     */
    static Dataset<Row> entities(Dataset<Row> perDocument) {
        return perDocument
                .filter(col(Columns.ENTITY_B).isNull().and(col("period_index").isNotNull()))
                .groupBy(col(Columns.ENTITY_A).as(Columns.ENTITY_ID), col("period_index"))
                .agg(sum(Columns.N).as(Columns.MENTIONS), count(lit(1)).as(Columns.DOCS));
    }

    /**
     * Sentence-window pairs: each sentence counts a pair once; only the pairs of entity_pairs' sentence window
     * (so its entity types and least count apply here too).
     *
     * @param perDocument the rows of {@link #perDocument}
     * @param pairs entity_a, entity_b of entity_pairs (window sentence)
     * @return entity_a, entity_b, period_index, count (sentences), docs
     */
    static Dataset<Row> pairs(Dataset<Row> perDocument, Dataset<Row> pairs) {
        return perDocument
                .filter(col(Columns.ENTITY_B).isNotNull())
                .join(
                        pairs.select(Columns.ENTITY_A, Columns.ENTITY_B),
                        new String[] {Columns.ENTITY_A, Columns.ENTITY_B},
                        "left_semi")
                .groupBy(Columns.ENTITY_A, Columns.ENTITY_B, "period_index")
                .agg(sum(Columns.N).as(Columns.COUNT), count(lit(1)).as(Columns.DOCS));
    }

    /**
     * Reads mentions sorted by (doc_id, sent_id, entity_id) and gives a document's rows of {@link #perDocument}:
     * its entities with their mentions, and the pairs of entities met in a sentence of it with the number of such
     * sentences.
     */
    private static final class DocumentCounts extends GroupedRows {
        static final StructType SCHEMA = new StructType()
                .add(Columns.DOC_ID, DataTypes.StringType, false)
                .add(Columns.ENTITY_A, DataTypes.StringType, false)
                .add(Columns.ENTITY_B, DataTypes.StringType, true)
                .add("period_index", DataTypes.LongType, true)
                .add(Columns.N, DataTypes.LongType, false);

        DocumentCounts(Iterator<Row> mentions) {
            super(mentions);
        }

        @Override
        protected void readGroup(List<Row> out) {
            String docId = peek().getAs(Columns.DOC_ID);
            Long period = peek().getAs("period_index"); // null: the document does not count over time
            Map<String, Long> mentions = new HashMap<>(); // entity -> mentions in the document
            Map<List<String>, Long> sentences = new HashMap<>(); // (entity_a, entity_b) -> sentences
            while (peek() != null && docId.equals(peek().getAs(Columns.DOC_ID))) {
                int sentence = peek().getAs(Columns.SENT_ID);
                // the sentence's distinct entities, in order (the rows are sorted by entity within a sentence)
                List<String> entities = new ArrayList<>();
                while (peek() != null
                        && docId.equals(peek().getAs(Columns.DOC_ID))
                        && sentence == peek().<Integer>getAs(Columns.SENT_ID)) {
                    String entity = take().getAs(Columns.ENTITY_ID);
                    mentions.merge(entity, 1L, Long::sum);
                    if (entities.isEmpty() || !entities.get(entities.size() - 1).equals(entity)) {
                        entities.add(entity);
                    }
                }
                if (period != null) { // only a document that counts over time has pair rows
                    addPairs(entities, sentences);
                }
            }
            mentions.forEach((entity, n) -> out.add(RowFactory.create(docId, entity, null, period, n)));
            sentences.forEach((pair, n) -> out.add(RowFactory.create(docId, pair.get(0), pair.get(1), period, n)));
        }

        /** Counts one sentence for each pair of its distinct entities (given in order, so entity_a &lt; entity_b). */
        private static void addPairs(List<String> entities, Map<List<String>, Long> sentences) {
            for (int a = 0; a < entities.size(); a++) {
                for (int b = a + 1; b < entities.size(); b++) {
                    sentences.merge(List.of(entities.get(a), entities.get(b)), 1L, Long::sum);
                }
            }
        }
    }

    /** The term features of the documents of doc_terms: doc_id, kind, feature (the term), n (its tf). */
    static Dataset<Row> termFeatures(Dataset<Row> docTerms) {
        return docTerms.select(
                col(Columns.DOC_ID),
                lit(KeynessTable.TERM).as(Columns.KIND),
                col(Columns.TERM).as(Columns.FEATURE),
                col(Columns.TF).cast("long").as(Columns.N));
    }

    /** The entity features of every document: doc_id, kind, feature (the entity id), n (its mentions there). */
    static Dataset<Row> entityFeatures(Dataset<Row> perDocument) {
        return perDocument
                .filter(col(Columns.ENTITY_B).isNull())
                .select(
                        col(Columns.DOC_ID),
                        lit(KeynessTable.ENTITY).as(Columns.KIND),
                        col(Columns.ENTITY_A).as(Columns.FEATURE),
                        col(Columns.N));
    }

    /** Every keyness feature there can be: kind, feature (the terms of term_stats, the ids of entities). */
    static Dataset<Row> vocabulary(Dataset<Row> termStats, Dataset<Row> entities) {
        return termStats
                .select(
                        lit(KeynessTable.TERM).as(Columns.KIND),
                        col(Columns.TERM).as(Columns.FEATURE))
                .unionByName(entities.select(
                        lit(KeynessTable.ENTITY).as(Columns.KIND),
                        col(Columns.ENTITY_ID).as(Columns.FEATURE)));
    }
}
