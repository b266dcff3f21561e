package org.newslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.newslens.io.Columns;
import org.newslens.testing.SharedSpark;

/** The rows written as rejects come from the finish step without text: they must be the rows with text, less it. */
class FinishFunctionTest {
    private static final long BOILERPLATE_KEY = 42L;

    @Test
    void withoutTextTheRowsAreTheSameLessTheTextSizesAndHash() throws Exception {
        Broadcast<long[]> boilerplate = JavaSparkContext.fromSparkContext(
                        SharedSpark.session().sparkContext())
                .broadcast(new long[] {BOILERPLATE_KEY});
        List<Row> inputs = List.of(
                parsed(
                        "file:/a.txt",
                        "text",
                        "a",
                        List.of("Title line", "", "Body text.", "Share this"),
                        List.of(1L, 0L, 2L, BOILERPLATE_KEY),
                        null,
                        null),
                parsed("file:/b.jsonl", "jsonl", "b", List.of("A record's text."), List.of(3L), null, null),
                parsed("file:/c.txt", "text", null, List.of(), List.of(), "unreadable", "not UTF-8"),
                parsed(
                        "file:/d.txt",
                        "text",
                        "d",
                        List.of("Share this", " "),
                        List.of(BOILERPLATE_KEY, 0L),
                        null,
                        null),
                parsed("file:/e.txt", "text", "e", List.of(" ", "\t"), List.of(0L, 0L), null, null),
                parsed(
                        "file:/f.txt",
                        "text",
                        "f",
                        List.of("Long text cut here."),
                        List.of(4L),
                        null,
                        "truncated at 18 characters"));
        FinishFunction withText = new FinishFunction(boilerplate, true);
        FinishFunction withoutText = new FinishFunction(boilerplate, false);
        List<String> outcomes = new ArrayList<>();
        for (Row input : inputs) {
            List<Row> full = rows(withText.call(input));
            List<Row> light = rows(withoutText.call(input));
            assertThat(light).as(input.getString(0)).hasSameSizeAs(full);
            for (int i = 0; i < full.size(); i++) {
                assertThat(light.get(i)).as(input.getString(0)).isEqualTo(lessText(full.get(i)));
                outcomes.add(
                        full.get(i).getBoolean(0) ? "document" : full.get(i).getString(12));
            }
        }
        assertThat(outcomes)
                .containsExactly(
                        "document", "document", "unreadable", "blank_text", "blank_text", "document", "truncated");
        Row kept = rows(withText.call(inputs.get(0))).get(0);
        assertThat(kept.getString(8)).isEqualTo("Title line\n\nBody text.");
    }

    private static Row lessText(Row row) {
        Object[] values = new Object[row.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        for (String column : List.of(Columns.TEXT, Columns.N_CHARS, Columns.N_TOKENS, Columns.CONTENT_SHA)) {
            values[IngestSchemas.OUTPUT.fieldIndex(column)] = null;
        }
        return RowFactory.create(values);
    }

    private static List<Row> rows(Iterator<Row> rows) {
        List<Row> out = new ArrayList<>();
        rows.forEachRemaining(out::add);
        return out;
    }

    private static Row parsed(
            String uri,
            String format,
            String docId,
            List<String> lines,
            List<Long> keys,
            String reject,
            String warning) {
        Map<String, Object> values = new HashMap<>();
        values.put(Columns.SOURCE_URI, uri);
        values.put(IngestSchemas.FORMAT, format);
        values.put(Columns.DOC_ID, docId);
        values.put(Columns.TITLE, docId == null ? null : "Title " + docId);
        values.put(
                IngestSchemas.LINES,
                scala.jdk.javaapi.CollectionConverters.asScala(lines).toSeq());
        values.put(
                IngestSchemas.LINE_KEYS,
                scala.jdk.javaapi.CollectionConverters.asScala(keys).toSeq());
        values.put(IngestSchemas.REJECT, reject);
        values.put(Columns.DETAIL, reject == null ? null : "detail of " + uri);
        values.put(IngestSchemas.WARNING, warning);
        Object[] row = new Object[IngestSchemas.PARSED.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = values.get(IngestSchemas.PARSED.fields()[i].name());
        }
        return RowFactory.create(row);
    }
}
