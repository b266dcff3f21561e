package org.newslens.entities;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.newslens.io.Columns;
import org.newslens.io.RowNumbers;
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
     * The window counts by entity number: (window, entity, other, count, docs), other null for the entity's own
     * count, of every entity and of the pairs seen in at least minCount windows; and the numbered entities
     * (entity_id, name, entity) to turn the numbers back into ids and names. Both are kept (persisted) until
     * {@link #release}: the pairs read them several times.
     */
    public record WindowCounts(Dataset<Row> counts, Dataset<Row> numbered) {
        public void release() {
            counts.unpersist();
            numbered.unpersist();
        }
    }

    /**
     * Counts every window of every document once, in one task per document ({@link CooccurrencePartition}), so
     * pairs are never found by joining the windows with themselves.
     *
     * @param mentions doc_id, sent_id, entity_id of every mention
     * @param entities entity_id, name, type (the entity's majority type): only entities of {@code pairTypes} count
     * @param minCount the fewest windows a pair is kept for (most pairs are seen once, so they are dropped before
     *     the counts are kept)
     * @param maxEntities the most entities a window pairs (its most mentioned)
     */
    public static WindowCounts countWindows(
            Dataset<Row> mentions, Dataset<Row> entities, List<String> pairTypes, int minCount, int maxEntities) {
        return countWindows(mentions, entities, pairTypes, minCount, maxEntities, CooccurrencePartition.FLUSH_AT);
    }

    /** {@link #countWindows(Dataset, Dataset, List, int, int)}, each task handing its sums on every flushAt keys. */
    static WindowCounts countWindows(
            Dataset<Row> mentions,
            Dataset<Row> entities,
            List<String> pairTypes,
            int minCount,
            int maxEntities,
            int flushAt) {
        // Entities are numbered in entity_id order, so that a task counts pairs of numbers; ties and pair order
        // (entity_a < entity_b) are the same in numbers as in ids.
        Dataset<Row> numbered = RowNumbers.number(
                        entities.filter(col(Columns.TYPE).isin(pairTypes.toArray()))
                                .select(Columns.ENTITY_ID, Columns.NAME),
                        CooccurrencePartition.ENTITY)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> typedMentions = mentions.join(
                        broadcast(numbered.select(Columns.ENTITY_ID, CooccurrencePartition.ENTITY)), Columns.ENTITY_ID)
                .select(Columns.DOC_ID, Columns.SENT_ID, CooccurrencePartition.ENTITY);
        Column other = otherOf(col(CooccurrencePartition.KEY));
        Dataset<Row> summed = typedMentions
                .repartition(col(Columns.DOC_ID))
                .sortWithinPartitions(Columns.DOC_ID, Columns.SENT_ID)
                .mapPartitions(
                        new CooccurrencePartition(typedMentions.schema(), maxEntities, flushAt),
                        Encoders.row(CooccurrencePartition.SCHEMA))
                .groupBy(CooccurrencePartition.KEY)
                .agg(sum(Columns.COUNT).as(Columns.COUNT), sum(Columns.DOCS).as(Columns.DOCS))
                .where(other.equalTo(CooccurrencePartition.ALONE)
                        .or(col(Columns.COUNT).geq(minCount)));
        Dataset<Row> counts = unpacked(summed).persist(StorageLevel.MEMORY_AND_DISK());
        return new WindowCounts(counts, numbered);
    }

    /** Rows of (key, count, docs) as (window, entity, other, count, docs): other null for the entity's own count. */
    static Dataset<Row> unpacked(Dataset<Row> keyed) {
        Column key = col(CooccurrencePartition.KEY);
        Column other = otherOf(key);
        return keyed.select(
                when(shiftrightunsigned(key, CooccurrencePartition.WINDOW_SHIFT).equalTo(0), SENTENCE)
                        .otherwise(DOCUMENT)
                        .as(Columns.WINDOW),
                shiftrightunsigned(key, 32)
                        .bitwiseAND(CooccurrencePartition.ENTITY_MASK)
                        .cast("int")
                        .as(CooccurrencePartition.ENTITY),
                // cast only where it fits: ALONE is beyond an int, and ANSI mode fails such a cast
                when(other.notEqual(CooccurrencePartition.ALONE), other.cast("int"))
                        .as(CooccurrencePartition.OTHER),
                col(Columns.COUNT),
                col(Columns.DOCS));
    }

    /** The key's other-entity bits: a number, or {@link CooccurrencePartition#ALONE} for an entity's own count. */
    private static Column otherOf(Column key) {
        return key.bitwiseAND(CooccurrencePartition.ALONE);
    }

    /**
     * The entity_pairs rows of both window kinds: the pairs of the window counts (those seen in at least minCount
     * windows, see {@link #countWindows}), with their association scores. The pairs stay numbers until they are
     * kept, so only the kept ones are joined with ids and names (most pairs are seen once).
     *
     * @param sentenceWindows N of the sentence window
     * @param documentWindows N of the document window
     */
    public static Dataset<Row> pairs(WindowCounts windowCounts, long sentenceWindows, long documentWindows) {
        // One plan per window, unioned: a union keeps their partitions apart, so each written file holds one window
        // and a reader of one window (pair_trends, the graph) skips the other's files by their column statistics.
        return pairsOf(windowCounts, SENTENCE, sentenceWindows).union(pairsOf(windowCounts, DOCUMENT, documentWindows));
    }

    private static Dataset<Row> pairsOf(WindowCounts windowCounts, String window, long windowCount) {
        Dataset<Row> counts = windowCounts.counts().where(col(Columns.WINDOW).equalTo(window));
        Dataset<Row> frequency = counts.where(col(CooccurrencePartition.OTHER).isNull())
                .select(CooccurrencePartition.ENTITY, Columns.COUNT);
        Dataset<Row> names = windowCounts.numbered();
        String other = CooccurrencePartition.OTHER;
        Dataset<Row> withFrequencies = counts.where(col(other).isNotNull())
                .join(broadcast(frequency.toDF(CooccurrencePartition.ENTITY, "n_a")), CooccurrencePartition.ENTITY)
                .join(broadcast(frequency.toDF(other, "n_b")), other)
                .join(
                        broadcast(names.toDF(Columns.ENTITY_A, Columns.NAME_A, CooccurrencePartition.ENTITY)),
                        CooccurrencePartition.ENTITY)
                .join(broadcast(names.toDF(Columns.ENTITY_B, Columns.NAME_B, other)), other)
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
}
