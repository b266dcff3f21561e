package org.newslens.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.newslens.ingest.article.Hashes;
import org.newslens.ingest.article.Lines;
import org.newslens.ingest.article.TokenCounter;
import org.newslens.io.Columns;

/**
 * PARSED row to OUTPUT rows: drops corpus-boilerplate lines (keys in the broadcast sorted array), joins the
 * text and measures it. Emits a document, a reject, or for a truncated text a document and a 'truncated' row.
 */
final class FinishFunction implements FlatMapFunction<Row, Row> {
    // Positions in the PARSED row, resolved by name once.
    private static final int URI = IngestSchemas.PARSED.fieldIndex(Columns.SOURCE_URI);
    private static final int FORMAT = IngestSchemas.PARSED.fieldIndex(IngestSchemas.FORMAT);
    private static final int DOC_ID = IngestSchemas.PARSED.fieldIndex(Columns.DOC_ID);
    private static final int TITLE = IngestSchemas.PARSED.fieldIndex(Columns.TITLE);
    private static final int PUBLISHED = IngestSchemas.PARSED.fieldIndex(Columns.PUBLISHED);
    private static final int OUTLET = IngestSchemas.PARSED.fieldIndex(Columns.OUTLET);
    private static final int URL = IngestSchemas.PARSED.fieldIndex(Columns.URL);
    private static final int LINES = IngestSchemas.PARSED.fieldIndex(IngestSchemas.LINES);
    private static final int LINE_KEYS = IngestSchemas.PARSED.fieldIndex(IngestSchemas.LINE_KEYS);
    private static final int REJECT = IngestSchemas.PARSED.fieldIndex(IngestSchemas.REJECT);
    private static final int DETAIL = IngestSchemas.PARSED.fieldIndex(Columns.DETAIL);
    private static final int WARNING = IngestSchemas.PARSED.fieldIndex(IngestSchemas.WARNING);
    private final Broadcast<long[]> boilerplate;
    private final boolean withText;

    /**
     * @param withText false to leave the documents' text, sizes and hash out of their rows (null): the same
     *     rows otherwise, for the rejects, without the cost of joining, measuring and hashing every text again
     */
    FinishFunction(Broadcast<long[]> boilerplate, boolean withText) {
        this.boilerplate = boilerplate;
        this.withText = withText;
    }

    @Override
    public Iterator<Row> call(Row parsed) {
        String uri = parsed.getString(URI);
        boolean isRecord = !parsed.getString(FORMAT).equals("text")
                && !parsed.getString(FORMAT).equals("markdown");
        if (parsed.getString(REJECT) != null) {
            return List.of(reject(isRecord, uri, parsed.getString(REJECT), parsed.getString(DETAIL)))
                    .iterator();
        }
        long[] common = boilerplate.value();
        List<String> lines = parsed.getList(LINES);
        List<Long> keys = parsed.getList(LINE_KEYS);
        List<String> kept = new ArrayList<>(lines.size());
        int removed = 0;
        for (int i = 0; i < lines.size(); i++) {
            long key = keys.get(i);
            if (key != 0L && Arrays.binarySearch(common, key) >= 0) {
                removed++;
                continue;
            }
            kept.add(lines.get(i));
        }
        // Lines.join keeps every line that is not blank as it is, so the text is blank when every kept line is.
        if (kept.stream().allMatch(String::isBlank)) {
            String detail = removed > 0
                    ? "no text left after removing " + removed + " boilerplate line(s)"
                    : lines.stream().anyMatch(l -> !l.isBlank())
                            ? "no text left after removing web furniture and header lines"
                            : "the text is empty or whitespace only";
            return List.of(reject(isRecord, uri, RejectReason.BLANK_TEXT.code(), detail))
                    .iterator();
        }
        String text = withText ? Lines.join(kept) : null;
        Row document = RowFactory.create(
                true,
                isRecord,
                parsed.getString(DOC_ID),
                uri,
                parsed.getString(TITLE),
                parsed.getString(PUBLISHED),
                parsed.getString(OUTLET),
                parsed.getString(URL),
                text,
                withText ? text.codePointCount(0, text.length()) : null,
                withText ? TokenCounter.count(text) : null,
                withText ? Hashes.sha256Hex(text) : null,
                null,
                null);
        String warning = parsed.getString(WARNING);
        if (warning == null) {
            return List.of(document).iterator();
        }
        return List.of(
                        document,
                        reject(
                                isRecord,
                                uri,
                                RejectReason.TRUNCATED.code(),
                                warning + " (doc_id " + parsed.getString(DOC_ID) + ")"))
                .iterator();
    }

    private static Row reject(boolean isRecord, String uri, String reason, String detail) {
        return RowFactory.create(
                false, isRecord, null, uri, null, null, null, null, null, null, null, null, reason, detail);
    }
}
