package org.newslens.ingest;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.Row;

/**
 * The rows of a CSV file with a header line (univocity, the parser Spark's CSV reader uses; quoted fields may
 * span lines, a doubled quote is a quote). The bytes are parsed as ISO-8859-1, which maps each byte to one
 * character, and every cell is then decoded strictly as UTF-8: the CSV syntax is ASCII, which never occurs
 * inside a UTF-8 multi-byte sequence, so this parses exactly the UTF-8 text, yet an invalid byte costs only
 * its own row ({@code undecodable}) instead of being replaced. A field longer than ingest.max-record-bytes
 * (a quote that never closes) stops the file with a {@code record_too_large} reject, before memory runs out.
 */
final class CsvRecordReader extends RecordIterator {
    private static final int MAX_COLUMNS = 4096;
    private final Configuration conf;
    private final CompressionCodecFactory codecs;
    private final int maxRecordBytes;
    private InputStream in;
    private CsvParser parser;
    private String[] header;
    private int[] slots;
    private long lastLine;

    CsvRecordReader(InputFile file, Configuration conf, CompressionCodecFactory codecs, int maxRecordBytes) {
        super(file, "csv");
        this.conf = conf;
        this.codecs = codecs;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    protected Row readNext() throws IOException {
        if (parser == null) {
            Row rejected = open();
            if (rejected != null || header == null) {
                return rejected;
            }
        }
        String[] cells;
        while ((cells = parser.parseNext()) != null && cells.length == 1 && isBlank(cells)) {
            // a blank line is not a record
        }
        if (cells == null) {
            return null;
        }
        long line = parser.getContext().currentLine();
        lastLine = line;
        if (cells.length != header.length) {
            return RawRows.reject(
                    file,
                    format,
                    RejectReason.MALFORMED_CSV,
                    "the row ending at line " + line + " has " + cells.length + " fields, the header has "
                            + header.length);
        }
        RecordColumns.Values values = new RecordColumns.Values();
        for (int i = 0; i < cells.length; i++) {
            if (slots[i] >= 0 && cells[i] != null) {
                try {
                    values.set(slots[i], utf8(cells[i]));
                } catch (CharacterCodingException e) {
                    return RawRows.reject(
                            file,
                            format,
                            RejectReason.UNDECODABLE,
                            "column '" + header[i] + "' of the row ending at line " + line
                                    + " is not valid UTF-8 (strict decoder, nothing replaced)");
                }
            }
        }
        return RawRows.record(file, format, values);
    }

    /** Opens the file and reads its header; a reject for the whole file when the header does not do. */
    private Row open() throws IOException {
        in = new BufferedInputStream(InputStreams.open(file.uri(), conf, codecs));
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        boolean utf8Bom = bom.length == 3 && bom[0] == (byte) 0xEF && bom[1] == (byte) 0xBB && bom[2] == (byte) 0xBF;
        if (bom.length >= 2
                && ((bom[0] == (byte) 0xFE && bom[1] == (byte) 0xFF)
                        || (bom[0] == (byte) 0xFF && bom[1] == (byte) 0xFE))) {
            return rejectRest(RejectReason.UNDECODABLE, "UTF-16 byte-order mark: CSV files are read as UTF-8");
        }
        if (!utf8Bom) {
            in.reset();
        }
        CsvParserSettings settings = new CsvParserSettings();
        // The parser allocates this many characters up front: no more than the file can hold.
        boolean compressed = FileKind.isGzip(file.uri());
        settings.setMaxCharsPerColumn(
                (int) (compressed ? maxRecordBytes : Math.min(maxRecordBytes, file.length() + 1)));
        settings.setMaxColumns(MAX_COLUMNS);
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        parser = new CsvParser(settings);
        parser.beginParsing(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        String[] first = parser.parseNext();
        if (first == null || isBlank(first)) {
            return rejectRest(RejectReason.EMPTY_FILE, file.length() == 0 ? "0 bytes" : "CSV file has no header line");
        }
        List<String> names = new ArrayList<>();
        for (String cell : first) {
            try {
                names.add(cell == null ? "" : utf8(cell).strip());
            } catch (CharacterCodingException e) {
                return rejectRest(
                        RejectReason.UNDECODABLE,
                        "the header line is not valid UTF-8 (strict decoder, nothing replaced)");
            }
        }
        String ambiguity = RecordColumns.ambiguity(names);
        if (ambiguity != null) {
            return rejectRest(
                    RejectReason.AMBIGUOUS_COLUMN,
                    "CSV header names " + ambiguity + ", which differ only in case; header: "
                            + String.join(", ", names));
        }
        slots = names.stream().mapToInt(RecordColumns::slot).toArray();
        if (names.stream().noneMatch(n -> RecordColumns.isText(RecordColumns.slot(n)))) {
            return rejectRest(
                    RejectReason.NO_TEXT_COLUMN,
                    "CSV header has no text, body or content column; it has: " + String.join(", ", names));
        }
        header = names.toArray(new String[0]);
        lastLine = parser.getContext().currentLine();
        return null;
    }

    @Override
    protected RejectReason reasonFor(Exception e) {
        // univocity reports both limits as a TextParsingException caused by an index out of its buffer's bounds.
        if (e instanceof TextParsingException
                && String.valueOf(e.getMessage()).contains("exceeds the maximum number of characters")) {
            return RejectReason.RECORD_TOO_LARGE;
        }
        if (e instanceof TextParsingException && e.getCause() instanceof ArrayIndexOutOfBoundsException) {
            return RejectReason.MALFORMED_CSV;
        }
        return RejectReason.UNREADABLE;
    }

    @Override
    protected String explain(Exception e) {
        return switch (reasonFor(e)) {
            case RECORD_TOO_LARGE ->
                "a field longer than ingest.max-record-bytes " + maxRecordBytes + " bytes (a quote that never closes?)";
            case MALFORMED_CSV -> "a row with more than " + MAX_COLUMNS + " fields";
            // univocity's own message lists all its settings: the cause says what went wrong.
            default -> describe(e instanceof TextParsingException && e.getCause() != null ? e.getCause() : e);
        };
    }

    @Override
    protected String position() {
        return parser == null ? "" : "the record starting at line " + (lastLine + 1);
    }

    @Override
    protected void close() {
        try {
            if (parser != null) {
                parser.stopParsing();
            }
            if (in != null) {
                in.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // reading is over either way
        }
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The cell's characters are the file's bytes (ISO-8859-1); decode them as UTF-8, strictly. */
    private static String utf8(String latin1) throws CharacterCodingException {
        return TextDecoder.strictUtf8(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }
}
