package org.newslens.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.DoubleAccumulator;
import org.junit.jupiter.api.Test;

/** A document CoreNLP throws on (here: a null text) is skipped with its doc_id, or fails the task naming it. */
class AnnotatePartitionTest {
    private static final AnnotatorConfig CONFIG =
            new AnnotatorConfig(false, false, AnnotateSettings.DEFAULT_NER_MODEL, false);

    private static List<Row> docs() {
        return List.of(
                RowFactory.create("good-1", "Rain fell on Lima."),
                RowFactory.create("broken-7", null),
                RowFactory.create("good-2", "Sun rose."));
    }

    @Test
    void skipModeKeepsGoingAndMarksTheFailedDocument() {
        List<Row> out = new ArrayList<>();
        new AnnotatePartition(CONFIG, false, new DoubleAccumulator())
                .call(docs().iterator())
                .forEachRemaining(out::add);
        assertThat(out).extracting(r -> r.getString(0)).containsExactly("good-1", "broken-7", "good-2");
        assertThat(out.get(0).isNullAt(4)).isTrue();
        assertThat(out.get(1).getString(4)).isNotBlank();
        assertThat(out.get(2).isNullAt(4)).isTrue();
    }

    @Test
    void failModeNamesTheDocument() {
        Iterator<Row> rows = new AnnotatePartition(CONFIG, true, new DoubleAccumulator()).call(docs().iterator());
        rows.next();
        assertThatThrownBy(rows::next).hasMessageContaining("broken-7");
    }
}
