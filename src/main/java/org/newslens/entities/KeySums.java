package org.newslens.entities;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.newslens.io.GroupedRows;

/**
 * Adds up the partial (key, count, docs) sums of {@link CooccurrencePartition}, read sorted by key, into one row per
 * key, and keeps an entity's own count always and a pair's only when it was seen in at least {@code minCount}
 * windows. The tasks' sums are already partial sums, and most pairs occur in one task only, so Spark's own
 * map-side aggregation would add nothing but a large hash map to look every row up in.
 */
final class KeySums extends GroupedRows {
    private final int minCount;

    KeySums(Iterator<Row> sortedByKey, int minCount) {
        super(sortedByKey);
        this.minCount = minCount;
    }

    @Override
    protected void readGroup(List<Row> out) {
        long key = peek().getLong(0);
        long count = 0;
        long docs = 0;
        while (peek() != null && peek().getLong(0) == key) {
            Row partial = take();
            count += partial.getLong(1);
            docs += partial.getLong(2);
        }
        if ((key & CooccurrencePartition.ALONE) == CooccurrencePartition.ALONE || count >= minCount) {
            out.add(RowFactory.create(key, count, docs));
        }
    }
}
