package org.newslens.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class KeySumsTest {
    private static long pair(long window, int entity, int other) {
        return window | CooccurrencePartition.key(entity, other);
    }

    private static long own(long window, int entity) {
        return window | CooccurrencePartition.key(entity, CooccurrencePartition.ALONE);
    }

    private static List<String> summed(List<Row> sortedPartials, int minCount) {
        List<String> out = new ArrayList<>();
        new KeySums(sortedPartials.iterator(), minCount)
                .forEachRemaining(
                        r -> out.add(Long.toHexString(r.getLong(0)) + " " + r.getLong(1) + " " + r.getLong(2)));
        return out;
    }

    /** Each key's partial rows are added up; pairs below minCount go, every entity's own count stays. */
    @Test
    void sumsEachKeysPartialsAndKeepsOwnCountsAndPairsOfAtLeastMinCount() {
        long sentence = CooccurrencePartition.SENTENCE_WINDOW;
        long document = CooccurrencePartition.DOCUMENT_WINDOW;
        List<Row> partials = List.of(
                RowFactory.create(pair(sentence, 1, 2), 1L, 1L),
                RowFactory.create(pair(sentence, 1, 2), 2L, 1L),
                RowFactory.create(pair(sentence, 1, 3), 1L, 1L),
                RowFactory.create(own(sentence, 1), 3L, 2L),
                RowFactory.create(pair(document, 1, 2), 1L, 1L),
                RowFactory.create(own(document, 2), 1L, 1L),
                // the partition's last key, in two rows
                RowFactory.create(own(document, 7), 1L, 1L),
                RowFactory.create(own(document, 7), 1L, 1L));
        assertThat(summed(partials, 2))
                .containsExactly(
                        Long.toHexString(pair(sentence, 1, 2)) + " 3 2",
                        Long.toHexString(own(sentence, 1)) + " 3 2",
                        Long.toHexString(own(document, 2)) + " 1 1",
                        Long.toHexString(own(document, 7)) + " 2 2");
        assertThat(summed(partials, 1)).hasSize(6);
        assertThat(summed(List.of(), 1)).isEmpty();
    }
}
