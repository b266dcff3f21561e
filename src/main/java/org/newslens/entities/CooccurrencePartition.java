package org.newslens.entities;

import java.util.ArrayList;
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

/**
 * Counts one document at a time: reads a partition's mentions (doc_id, sent_id, entity_id), whose documents are
 * each whole and contiguous and sorted by sentence, and gives per document and window kind the entities of its
 * windows and their pairs, already summed over the document's windows:
 *
 * <ul>
 *   <li>(window, entity_a = the entity, entity_b = null, count = windows of the document holding it, docs = 1);
 *   <li>(window, entity_a, entity_b, count = windows of the document holding both, docs = 1), entity_a &lt;
 *       entity_b.
 * </ul>
 *
 * Summed over documents these are each entity's window count, and each pair's window count and documents. A
 * window keeps its {@code maxEntities} most mentioned entities (ties to the smaller entity_id).
 */
final class CooccurrencePartition implements MapPartitionsFunction<Row, Row> {
    static final StructType SCHEMA = new StructType()
            .add(Columns.WINDOW, DataTypes.StringType, false)
            .add(Columns.ENTITY_A, DataTypes.StringType, false)
            .add(Columns.ENTITY_B, DataTypes.StringType, true)
            .add(Columns.COUNT, DataTypes.LongType, false)
            .add(Columns.DOCS, DataTypes.LongType, false);

    private final int docIdAt;
    private final int sentIdAt;
    private final int entityIdAt;
    private final int maxEntities;

    CooccurrencePartition(StructType mentions, int maxEntities) {
        this.docIdAt = mentions.fieldIndex(Columns.DOC_ID);
        this.sentIdAt = mentions.fieldIndex(Columns.SENT_ID);
        this.entityIdAt = mentions.fieldIndex(Columns.ENTITY_ID);
        this.maxEntities = maxEntities;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> mentions) {
        return new GroupedRows(mentions) {
            @Override
            protected void readGroup(List<Row> out) {
                String docId = peek().getString(docIdAt);
                Map<String, Integer> inDocument = new HashMap<>();
                Map<String, Long> sentenceEntities = new HashMap<>();
                Map<Pair, Long> sentencePairs = new HashMap<>();
                while (peek() != null && docId.equals(peek().getString(docIdAt))) {
                    int sentId = peek().getInt(sentIdAt);
                    Map<String, Integer> inSentence = new HashMap<>();
                    while (peek() != null
                            && docId.equals(peek().getString(docIdAt))
                            && peek().getInt(sentIdAt) == sentId) {
                        String entity = take().getString(entityIdAt);
                        inSentence.merge(entity, 1, Integer::sum);
                        inDocument.merge(entity, 1, Integer::sum);
                    }
                    addWindow(mostMentioned(inSentence), sentenceEntities, sentencePairs);
                }
                Map<String, Long> documentEntities = new HashMap<>();
                Map<Pair, Long> documentPairs = new HashMap<>();
                addWindow(mostMentioned(inDocument), documentEntities, documentPairs);
                emit(CooccurrencePairs.SENTENCE, sentenceEntities, sentencePairs, out);
                emit(CooccurrencePairs.DOCUMENT, documentEntities, documentPairs, out);
            }
        };
    }

    /** The window's entities, sorted by id: at most maxEntities, the most mentioned (ties: smaller id). */
    private List<String> mostMentioned(Map<String, Integer> mentionCounts) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(mentionCounts.entrySet());
        if (entries.size() > maxEntities) {
            entries.sort(
                    Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            entries = entries.subList(0, maxEntities);
        }
        List<String> kept = new ArrayList<>(entries.size());
        entries.forEach(e -> kept.add(e.getKey()));
        kept.sort(null);
        return kept;
    }

    private static void addWindow(List<String> entities, Map<String, Long> entityWindows, Map<Pair, Long> pairWindows) {
        for (int i = 0; i < entities.size(); i++) {
            entityWindows.merge(entities.get(i), 1L, Long::sum);
            for (int j = i + 1; j < entities.size(); j++) {
                pairWindows.merge(new Pair(entities.get(i), entities.get(j)), 1L, Long::sum);
            }
        }
    }

    private static void emit(String window, Map<String, Long> entities, Map<Pair, Long> pairs, List<Row> out) {
        entities.forEach((entity, windows) -> out.add(RowFactory.create(window, entity, null, windows, 1L)));
        pairs.forEach((pair, windows) -> out.add(RowFactory.create(window, pair.a(), pair.b(), windows, 1L)));
    }

    /** Two entities of one window, a &lt; b. */
    private record Pair(String a, String b) {}
}
