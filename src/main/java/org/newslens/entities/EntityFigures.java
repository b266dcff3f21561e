package org.newslens.entities;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.newslens.io.Columns;

/**
 * What scoring a pair needs of its two entities, by entity number: id, name, and the windows of each kind that
 * hold the entity. One entry per entity of the pair types: about what the broadcast joins it replaces held on the
 * driver (the entities' ids and names, and their window counts), and a pair costs two array reads instead of four
 * hash lookups. Arrays, so compared by identity: it is only looked up in.
 */
final class EntityFigures implements Serializable {
    private static final long NOT_COUNTED = -1;

    private final String[] ids;
    private final String[] names;
    private final long[] sentenceWindows;
    private final long[] documentWindows;

    private EntityFigures(String[] ids, String[] names, long[] sentenceWindows, long[] documentWindows) {
        this.ids = ids;
        this.names = names;
        this.sentenceWindows = sentenceWindows;
        this.documentWindows = documentWindows;
    }

    String id(int entity) {
        return ids[entity];
    }

    String name(int entity) {
        return names[entity];
    }

    /** The windows of one kind holding the entity; fails if the window counts have none for it. */
    long windows(boolean sentence, int entity) {
        long windows = (sentence ? sentenceWindows : documentWindows)[entity];
        if (windows == NOT_COUNTED) {
            throw new IllegalStateException("entity pairs: " + ids[entity] + " is paired in a "
                    + (sentence ? CooccurrencePairs.SENTENCE : CooccurrencePairs.DOCUMENT)
                    + " window but has no window count of its own");
        }
        return windows;
    }

    /**
     * Gathered from the numbered entities and their own window counts. Collected in one job each (a partition at a
     * time would be a job per partition, which a small corpus pays for); on the driver that is about what the
     * broadcast joins held.
     */
    static EntityFigures of(CooccurrencePairs.WindowCounts windowCounts) {
        List<Row> numbered = windowCounts
                .numbered()
                .select(CooccurrencePartition.ENTITY, Columns.ENTITY_ID, Columns.NAME)
                .collectAsList();
        // Entity numbers run from 0 without a gap (RowNumbers), so they index the arrays.
        int entities = numbered.size();
        String[] ids = new String[entities];
        String[] names = new String[entities];
        for (Row row : numbered) {
            ids[row.getInt(0)] = row.getString(1);
            names[row.getInt(0)] = row.getString(2);
        }
        long[] sentenceWindows = new long[entities];
        long[] documentWindows = new long[entities];
        Arrays.fill(sentenceWindows, NOT_COUNTED);
        Arrays.fill(documentWindows, NOT_COUNTED);
        for (Row row : windowCounts
                .counts()
                .where(col(CooccurrencePartition.OTHER).isNull())
                .select(
                        col(Columns.WINDOW).equalTo(CooccurrencePairs.SENTENCE),
                        col(CooccurrencePartition.ENTITY),
                        col(Columns.COUNT))
                .collectAsList()) {
            (row.getBoolean(0) ? sentenceWindows : documentWindows)[row.getInt(1)] = row.getLong(2);
        }
        return new EntityFigures(ids, names, sentenceWindows, documentWindows);
    }
}
