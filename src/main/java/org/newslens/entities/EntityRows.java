package org.newslens.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.newslens.io.GroupedRows;
import org.newslens.io.SparkOrder;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One {@code entities} row per entity from its mentions (entity_id, name, type, text, doc_id), which come
 * together, sorted by entity_id and then doc_id: the most used name and type, every surface form with its count,
 * and the mention and document counts, in one pass. Ties go to the value Spark sorts first (strings by their
 * UTF-8 bytes, a null before any string), as the table's contract says.
 */
final class EntityRows extends GroupedRows {
    /** Spark's ascending order of strings, a null first. */
    private static final Comparator<String> SPARK_ORDER = Comparator.nullsFirst(SparkOrder.STRINGS);

    EntityRows(Iterator<Row> mentions) {
        super(mentions);
    }

    @Override
    protected void readGroup(List<Row> out) {
        String entityId = peek().getString(0);
        Map<String, Long> names = new HashMap<>();
        Map<String, Long> types = new HashMap<>();
        Map<String, Long> aliases = new HashMap<>();
        long mentions = 0;
        long docs = 0;
        String lastDoc = null;
        while (peek() != null && entityId.equals(peek().getString(0))) {
            Row mention = take();
            names.merge(mention.getString(1), 1L, Long::sum);
            types.merge(mention.getString(2), 1L, Long::sum);
            aliases.merge(mention.getString(3), 1L, Long::sum);
            mentions++;
            String doc = mention.getString(4);
            if (!Objects.equals(doc, lastDoc)) {
                docs++; // the rows come sorted by doc_id within the entity
                lastDoc = doc;
            }
        }
        out.add(RowFactory.create(entityId, mostUsed(names), mostUsed(types), byUse(aliases), mentions, docs));
    }

    /** Values by count, most used first, ties in Spark's order. */
    private static List<Map.Entry<String, Long>> ranked(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey(SPARK_ORDER)));
        return entries;
    }

    private static String mostUsed(Map<String, Long> counts) {
        return ranked(counts).get(0).getKey();
    }

    /** (alias, count) rows, most frequent first, as the Scala sequence a Spark row holds for an array. */
    private static scala.collection.Seq<Row> byUse(Map<String, Long> counts) {
        List<Row> rows = ranked(counts).stream()
                .map(e -> RowFactory.create(e.getKey(), e.getValue()))
                .toList();
        return CollectionConverters.asScala(rows);
    }
}
