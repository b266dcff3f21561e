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

/**
 * PARSED row to OUTPUT rows: drops corpus-boilerplate lines (keys in the broadcast sorted array), joins the
 * text and measures it. Emits a document, a reject, or for a truncated text a document and a 'truncated' row.
 */
final class FinishFunction implements FlatMapFunction<Row, Row> {
    private final Broadcast<long[]> boilerplate;

    FinishFunction(Broadcast<long[]> boilerplate) {
        this.boilerplate = boilerplate;
    }

    @Override
    public Iterator<Row> call(Row parsed) {
        String uri = parsed.getString(0);
        boolean isRecord =
                !parsed.getString(1).equals("text") && !parsed.getString(1).equals("markdown");
        if (parsed.getString(9) != null) {
            return List.of(reject(isRecord, uri, parsed.getString(9), parsed.getString(10)))
                    .iterator();
        }
        long[] common = boilerplate.value();
        List<String> lines = parsed.getList(7);
        List<Long> keys = parsed.getList(8);
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
        String text = Lines.join(kept);
        if (text.isBlank()) {
            String detail = removed > 0
                    ? "no text left after removing " + removed + " boilerplate line(s)"
                    : lines.stream().anyMatch(l -> !l.isBlank())
                            ? "no text left after removing web furniture and header lines"
                            : "the text is empty or whitespace only";
            return List.of(reject(isRecord, uri, RejectReason.BLANK_TEXT.code(), detail))
                    .iterator();
        }
        Row document = RowFactory.create(
                true,
                isRecord,
                parsed.getString(2),
                uri,
                parsed.getString(3),
                parsed.getString(4),
                parsed.getString(5),
                parsed.getString(6),
                text,
                text.codePointCount(0, text.length()),
                TokenCounter.count(text),
                Hashes.sha256Hex(text),
                null,
                null);
        String warning = parsed.getString(11);
        if (warning == null) {
            return List.of(document).iterator();
        }
        return List.of(
                        document,
                        reject(
                                isRecord,
                                uri,
                                RejectReason.TRUNCATED.code(),
                                warning + " (doc_id " + parsed.getString(2) + ")"))
                .iterator();
    }

    private static Row reject(boolean isRecord, String uri, String reason, String detail) {
        return RowFactory.create(
                false, isRecord, null, uri, null, null, null, null, null, null, null, null, reason, detail);
    }
}
