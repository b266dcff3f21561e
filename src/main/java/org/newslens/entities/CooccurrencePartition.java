package org.newslens.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.io.Columns;
import org.newslens.io.GroupedRows;
import org.newslens.stats.SumTable;

/**
 * Counts one document at a time: reads a partition's mentions (doc_id, sent_id, entity: the entity's number),
 * whose documents are each whole and contiguous and sorted by sentence, and sums per window kind, over the
 * task's documents:
 *
 * <ul>
 *   <li>(window, entity, other = none, count = windows holding the entity, docs = documents with such a window);
 *   <li>(window, entity, other, count = windows holding both, docs = documents with such a window), entity &lt;
 *       other.
 * </ul>
 *
 * Window, entity and other come packed in one long {@link #KEY} ({@link #key}): the tasks' rows are sorted by key
 * and summed ({@link KeySums}), and one long sorts much faster than a window name and two numbers.
 *
 * The sums are handed on whenever a table holds {@code flushAt} keys, so they are partial: summed over the
 * tasks they are each entity's window count, and each pair's window count and documents. A window keeps its
 * {@code maxEntities} most mentioned entities (ties to the smaller number, which is the smaller entity_id).
 */
final class CooccurrencePartition implements MapPartitionsFunction<Row, Row> {
    static final String ENTITY = "entity";
    static final String OTHER = "other";
    static final String KEY = "key";
    static final StructType SCHEMA = new StructType()
            .add(KEY, DataTypes.LongType, false)
            .add(Columns.COUNT, DataTypes.LongType, false)
            .add(Columns.DOCS, DataTypes.LongType, false);
    /** Keys a table sums before handing them on: about 6 MB each, two tables a task. */
    static final int FLUSH_AT = 100_000;
    /** The other entity of an entity's own count. */
    static final long ALONE = 0xffffffffL;
    /** The key's top bits: 0 for the sentence window, 1 for the document window. */
    static final int WINDOW_SHIFT = 62;
    /** Entity numbers fit in the 30 bits between the window and the other entity. */
    static final long ENTITY_MASK = (1L << 30) - 1;

    static final long SENTENCE_WINDOW = 0;
    static final long DOCUMENT_WINDOW = 1L << WINDOW_SHIFT;

    private final int docIdAt;
    private final int sentIdAt;
    private final int entityAt;
    private final int maxEntities;
    private final int flushAt;

    CooccurrencePartition(StructType mentions, int maxEntities, int flushAt) {
        this.docIdAt = mentions.fieldIndex(Columns.DOC_ID);
        this.sentIdAt = mentions.fieldIndex(Columns.SENT_ID);
        this.entityAt = mentions.fieldIndex(ENTITY);
        this.maxEntities = maxEntities;
        this.flushAt = flushAt;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> mentions) {
        return new GroupedRows(mentions) {
            private final SumTable sentences = new SumTable(flushAt, 2);
            private final SumTable documents = new SumTable(flushAt, 2);

            @Override
            protected void readGroup(List<Row> out) {
                String docId = peek().getString(docIdAt);
                Map<Integer, Integer> inDocument = new HashMap<>();
                Map<Long, Long> sentenceWindows = new HashMap<>(); // entity or pair key -> windows
                while (peek() != null && docId.equals(peek().getString(docIdAt))) {
                    int sentId = peek().getInt(sentIdAt);
                    Map<Integer, Integer> inSentence = new HashMap<>();
                    while (peek() != null
                            && docId.equals(peek().getString(docIdAt))
                            && peek().getInt(sentIdAt) == sentId) {
                        int entity = take().getInt(entityAt);
                        inSentence.merge(entity, 1, Integer::sum);
                        inDocument.merge(entity, 1, Integer::sum);
                    }
                    addWindow(mostMentioned(inSentence), sentenceWindows);
                }
                Map<Long, Long> documentWindows = new HashMap<>();
                addWindow(mostMentioned(inDocument), documentWindows);
                add(sentenceWindows, sentences, SENTENCE_WINDOW, out);
                add(documentWindows, documents, DOCUMENT_WINDOW, out);
            }

            @Override
            protected void finish(List<Row> out) {
                handOn(sentences, SENTENCE_WINDOW, out);
                handOn(documents, DOCUMENT_WINDOW, out);
            }
        };
    }

    /** The window's entities, ascending: at most maxEntities, the most mentioned (ties: smaller number). */
    private int[] mostMentioned(Map<Integer, Integer> mentionCounts) {
        List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(mentionCounts.entrySet());
        if (entries.size() > maxEntities) {
            entries.sort(Map.Entry.<Integer, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()));
            entries = entries.subList(0, maxEntities);
        }
        int[] kept = entries.stream().mapToInt(Map.Entry::getKey).toArray();
        Arrays.sort(kept);
        return kept;
    }

    /** One window's entities and pairs, each counted once. */
    private static void addWindow(int[] entities, Map<Long, Long> windows) {
        for (int i = 0; i < entities.length; i++) {
            windows.merge(key(entities[i], ALONE), 1L, Long::sum);
            for (int j = i + 1; j < entities.length; j++) {
                windows.merge(key(entities[i], entities[j]), 1L, Long::sum);
            }
        }
    }

    /** Adds a document's windows to the task's sums (the document counts once per key). */
    private static void add(Map<Long, Long> document, SumTable sums, long window, List<Row> out) {
        for (Map.Entry<Long, Long> counted : document.entrySet()) {
            sums.add(counted.getKey(), 0, counted.getValue());
            sums.add(counted.getKey(), 1, 1);
            if (sums.isFull()) {
                handOn(sums, window, out);
            }
        }
    }

    private static void handOn(SumTable sums, long window, List<Row> out) {
        for (long key : sums.sortedKeys()) {
            out.add(RowFactory.create(window | key, sums.get(key, 0), sums.get(key, 1)));
        }
        sums.clear();
    }

    /** The key of an entity and another (or {@link #ALONE}), without the window bits. */
    static long key(int entity, long other) {
        if (entity > ENTITY_MASK) {
            throw new IllegalStateException("more than " + (ENTITY_MASK + 1) + " entities of the pair types to pair");
        }
        return (long) entity << 32 | other;
    }
}
