package org.newslens.entities;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.newslens.io.Columns;

/**
 * What scoring a pair needs of its two entities, by entity number: id, name, and the windows of each kind that
 * hold the entity. One entry per entity of the pair types, so it is as large as the entity list a pair join
 * would broadcast anyway, and a pair costs two array reads instead of four hash lookups.
 */
record EntityFigures(String[] ids, String[] names, long[] sentenceWindows, long[] documentWindows)
        implements Serializable {

    /** The windows holding each entity, of the sentence or the document kind. */
    long[] windows(boolean sentence) {
        return sentence ? sentenceWindows : documentWindows;
    }

    /** Gathered from the numbered entities and their own window counts. */
    static EntityFigures of(CooccurrencePairs.WindowCounts windowCounts) {
        // Entity numbers run from 0 without a gap (RowNumbers), so they index the arrays.
        List<Row> numbered = windowCounts
                .numbered()
                .select(CooccurrencePartition.ENTITY, Columns.ENTITY_ID, Columns.NAME)
                .collectAsList();
        int entities = numbered.size();
        String[] ids = new String[entities];
        String[] names = new String[entities];
        for (Row row : numbered) {
            ids[row.getInt(0)] = row.getString(1);
            names[row.getInt(0)] = row.getString(2);
        }
        long[] sentenceWindows = new long[entities];
        long[] documentWindows = new long[entities];
        for (Row row : windowCounts
                .counts()
                .where(col(CooccurrencePartition.OTHER).isNull())
                .select(Columns.WINDOW, CooccurrencePartition.ENTITY, Columns.COUNT)
                .collectAsList()) {
            long[] windows = row.getString(0).equals(CooccurrencePairs.SENTENCE) ? sentenceWindows : documentWindows;
            windows[row.getInt(1)] = row.getLong(2);
        }
        return new EntityFigures(ids, names, sentenceWindows, documentWindows);
    }
}
