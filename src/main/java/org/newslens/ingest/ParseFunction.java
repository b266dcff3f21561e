package org.newslens.ingest;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.newslens.ingest.article.DateFinder;
import org.newslens.ingest.article.Hashes;
import org.newslens.ingest.article.Lines;
import org.newslens.ingest.article.ParsedArticle;
import org.newslens.ingest.article.PlainTextParser;
import org.newslens.ingest.article.Truncator;
import org.newslens.io.Columns;

/**
 * RAW row to PARSED row: the document id from the raw input, truncation to the length limit, header
 * detection for plain text (columns for records), and within-document cleaning. Calls only pure-Java logic.
 */
final class ParseFunction implements MapPartitionsFunction<Row, Row> {
    // Positions in the RAW row, resolved by name once.
    private static final int URI = IngestSchemas.RAW.fieldIndex(Columns.SOURCE_URI);
    private static final int REL_PATH = IngestSchemas.RAW.fieldIndex(IngestSchemas.REL_PATH);
    private static final int FORMAT = IngestSchemas.RAW.fieldIndex(IngestSchemas.FORMAT);
    private static final int RECORD_KEY = IngestSchemas.RAW.fieldIndex(IngestSchemas.RECORD_KEY);
    private static final int TITLE = IngestSchemas.RAW.fieldIndex(Columns.TITLE);
    private static final int PUBLISHED_RAW = IngestSchemas.RAW.fieldIndex(IngestSchemas.PUBLISHED_RAW);
    private static final int OUTLET = IngestSchemas.RAW.fieldIndex(Columns.OUTLET);
    private static final int URL = IngestSchemas.RAW.fieldIndex(Columns.URL);
    private static final int TEXT = IngestSchemas.RAW.fieldIndex(Columns.TEXT);
    private static final int REJECT = IngestSchemas.RAW.fieldIndex(IngestSchemas.REJECT);
    private static final int DETAIL = IngestSchemas.RAW.fieldIndex(Columns.DETAIL);
    private static final int WARNING = IngestSchemas.RAW.fieldIndex(IngestSchemas.WARNING);
    private final int maxChars;
    private final String rootUri;

    ParseFunction(int maxChars, String rootUri) {
        this.maxChars = maxChars;
        this.rootUri = rootUri;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return parse(rows.next());
            }
        };
    }

    Row parse(Row raw) {
        String uri = raw.getString(URI);
        String relPath = raw.getString(REL_PATH) != null
                ? raw.getString(REL_PATH)
                : InputListing.relative(new Path(rootUri), new Path(uri));
        String format = raw.getString(FORMAT);
        String reject = raw.getString(REJECT);
        if (reject != null) {
            return RowFactory.create(
                    uri, format, null, null, null, null, null, null, null, reject, raw.getString(DETAIL), null);
        }
        String key = raw.getString(RECORD_KEY);
        String recordTitle = blankToNull(raw.getString(TITLE));
        String text = raw.getString(TEXT) == null ? "" : raw.getString(TEXT);
        String docId = Hashes.docId(relPath, key, (recordTitle == null ? "" : recordTitle) + "\u0000" + text);
        String warning = raw.getString(WARNING);
        if (text.length() > maxChars) {
            int original = text.length();
            text = Truncator.truncate(text, maxChars);
            warning = "kept truncated: the text has " + original + (warning == null ? "" : "+")
                    + " characters, more than ingest.max-chars " + maxChars + "; the document keeps the first "
                    + text.length() + ", cut at a paragraph or sentence boundary";
        }
        String title;
        LocalDate published;
        String outlet;
        List<String> lines;
        boolean plainText = format.equals("text") || format.equals("markdown");
        if (plainText) {
            ParsedArticle article = PlainTextParser.parse(text, format.equals("markdown"));
            title = article.title();
            published = article.published();
            outlet = article.outlet();
            lines = article.lines();
        } else {
            title = recordTitle;
            published = DateFinder.parseValue(raw.getString(PUBLISHED_RAW));
            outlet = blankToNull(raw.getString(OUTLET));
            lines = Lines.removeFurnitureAndRepeats(Lines.split(text));
        }
        long[] keys = new long[lines.size()];
        for (int i = 0; i < keys.length; i++) {
            String line = lines.get(i);
            keys[i] = Lines.hasContent(line) ? Lines.key(line) : 0L;
        }
        return RowFactory.create(
                uri,
                format,
                docId,
                title,
                published == null ? null : published.toString(),
                outlet,
                blankToNull(raw.getString(URL)),
                lines.toArray(new String[0]),
                keys,
                null,
                null,
                warning);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
