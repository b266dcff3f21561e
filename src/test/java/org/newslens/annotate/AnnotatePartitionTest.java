package org.newslens.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.DoubleAccumulator;
import org.junit.jupiter.api.Test;
import org.newslens.io.Columns;

/** A document CoreNLP throws on (here: a null text) is skipped with its doc_id, or fails the task naming it. */
class AnnotatePartitionTest {
    private static final AnnotatorConfig CONFIG =
            new AnnotatorConfig(false, false, AnnotateSettings.DEFAULT_NER_MODEL, false);

    /** The (doc_id, text) rows the job hands each partition, with their schema as Spark gives them. */
    private static List<Row> docs() {
        StructType schema = new StructType().add(Columns.DOC_ID, "string").add(Columns.TEXT, "string");
        return List.of(
                new GenericRowWithSchema(new Object[] {"good-1", "Rain fell on Lima."}, schema),
                new GenericRowWithSchema(new Object[] {"broken-7", null}, schema),
                new GenericRowWithSchema(new Object[] {"good-2", "Sun rose."}, schema));
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
