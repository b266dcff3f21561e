package org.newslens.entities;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
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
        Dataset<Row> summed = typedMentions
                .repartition(col(Columns.DOC_ID))
                .sortWithinPartitions(Columns.DOC_ID, Columns.SENT_ID)
                .mapPartitions(
                        new CooccurrencePartition(typedMentions.schema(), maxEntities, flushAt),
                        Encoders.row(CooccurrencePartition.SCHEMA))
                .repartition(col(CooccurrencePartition.KEY))
                .sortWithinPartitions(CooccurrencePartition.KEY)
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>) sorted -> new KeySums(sorted, minCount),
                        Encoders.row(CooccurrencePartition.SCHEMA));
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

    /** The entity_pairs rows, and the entity figures every task got for them (released after the write). */
    public record ScoredPairs(Dataset<Row> rows, Broadcast<EntityFigures> figures) {
        public void release() {
            figures.destroy();
        }
    }

    /**
     * The entity_pairs rows of both window kinds: the pairs of the window counts (those seen in at least minCount
     * windows, see {@link #countWindows}), with their association scores. The pairs stay numbers until they are
     * kept; each kept pair then looks up its two entities' ids, names and window counts in arrays every task gets
     * ({@link EntityFigures}), so the pairs are neither shuffled nor joined. Gathering those arrays runs the window
     * counts here, before the rows are written.
     *
     * @param sentenceWindows N of the sentence window
     * @param documentWindows N of the document window
     */
    public static ScoredPairs pairs(WindowCounts windowCounts, long sentenceWindows, long documentWindows) {
        Broadcast<EntityFigures> figures = JavaSparkContext.fromSparkContext(
                        windowCounts.counts().sparkSession().sparkContext())
                .broadcast(EntityFigures.of(windowCounts));
        // One plan per window, unioned: a union keeps their partitions apart, so each written file holds one window
        // and a reader of one window (pair_trends, the graph) skips the other's files by their column statistics.
        return new ScoredPairs(
                pairsOf(windowCounts, SENTENCE, sentenceWindows, figures)
                        .union(pairsOf(windowCounts, DOCUMENT, documentWindows, figures)),
                figures);
    }

    private static Dataset<Row> pairsOf(
            WindowCounts windowCounts, String window, long windowCount, Broadcast<EntityFigures> figures) {
        return windowCounts
                .counts()
                .where(col(Columns.WINDOW)
                        .equalTo(window)
                        .and(col(CooccurrencePartition.OTHER).isNotNull()))
                // the columns score reads, in its order
                .select(CooccurrencePartition.ENTITY, CooccurrencePartition.OTHER, Columns.COUNT, Columns.DOCS)
                .map(score(window, windowCount, figures), Encoders.row(SCHEMA));
    }

    /** An entity_pairs row from (entity, other, count, docs) of one window kind, N of which is {@code n}. */
    private static MapFunction<Row, Row> score(String window, long n, Broadcast<EntityFigures> figures) {
        boolean sentence = window.equals(SENTENCE);
        return row -> {
            EntityFigures entities = figures.value();
            int a = row.getInt(0);
            int b = row.getInt(1);
            long nab = row.getLong(2);
            long na = entities.windows(sentence, a);
            long nb = entities.windows(sentence, b);
            return RowFactory.create(
                    entities.id(a),
                    entities.id(b),
                    window,
                    nab,
                    row.getLong(3),
                    Association.pmi(nab, na, nb, n),
                    Association.npmi(nab, na, nb, n),
                    Association.llr(nab, na, nb, n),
                    Association.jaccard(nab, na, nb),
                    entities.name(a),
                    entities.name(b));
        };
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
}
