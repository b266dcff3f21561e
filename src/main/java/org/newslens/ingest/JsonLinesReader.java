package org.newslens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.util.LineReader;
import org.apache.spark.sql.Row;

/**
 * The records of a JSON Lines file, one per non-blank line. A line is held in memory only up to
 * ingest.max-record-bytes (Hadoop's {@link LineReader} skips the rest of a longer line, which becomes a
 * {@code record_too_large} reject); each line is decoded strictly as UTF-8 on its own, so one bad byte
 * costs one record.
 */
final class JsonLinesReader extends RecordIterator {
    private final Configuration conf;
    private final CompressionCodecFactory codecs;
    private final int maxRecordBytes;
    private final JsonRecordParser parser;
    private final Text line = new Text();
    private InputStream in;
    private LineReader lines;
    private long lineNumber;

    JsonLinesReader(
            InputFile file, Configuration conf, CompressionCodecFactory codecs, int maxRecordBytes, int maxDepth) {
        super(file, "json");
        this.conf = conf;
        this.codecs = codecs;
        this.maxRecordBytes = maxRecordBytes;
        this.parser = new JsonRecordParser(maxDepth, maxRecordBytes);
    }

    @Override
    protected Row readNext() throws IOException {
        if (lines == null) {
            in = InputStreams.open(file.uri(), conf, codecs);
            lines = new LineReader(in);
        }
        while (true) {
            // Keeps at most maxRecordBytes + 1 bytes of the line, consumes all of it (up to 2 GB per line).
            int consumed = lines.readLine(line, maxRecordBytes + 1, Integer.MAX_VALUE);
            if (consumed == 0) {
                return null;
            }
            lineNumber++;
            byte[] bytes = Arrays.copyOf(line.getBytes(), line.getLength());
            int start = 0;
            if (lineNumber == 1
                    && bytes.length >= 2
                    && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
                return rejectRest(
                        RejectReason.UNDECODABLE, "UTF-16 byte-order mark: JSON Lines files are read as UTF-8");
            }
            if (lineNumber == 1
                    && bytes.length >= 3
                    && bytes[0] == (byte) 0xEF
                    && bytes[1] == (byte) 0xBB
                    && bytes[2] == (byte) 0xBF) {
                start = 3;
            }
            if (bytes.length > maxRecordBytes) {
                return RawRows.reject(
                        file,
                        format,
                        RejectReason.RECORD_TOO_LARGE,
                        "line " + lineNumber + " holds " + consumed + " bytes, more than ingest.max-record-bytes "
                                + maxRecordBytes + "; it was not parsed");
            }
            String text;
            try {
                text = TextDecoder.strictUtf8(start == 0 ? bytes : Arrays.copyOfRange(bytes, start, bytes.length));
            } catch (CharacterCodingException e) {
                return RawRows.reject(
                        file,
                        format,
                        RejectReason.UNDECODABLE,
                        "line " + lineNumber + " is not valid UTF-8 (strict decoder, nothing replaced)");
            }
            if (text.isBlank()) {
                continue; // a blank line is not a record
            }
            JsonRecordParser.Result result = parser.parse(text);
            if (result.reject() != null) {
                return RawRows.reject(file, format, result.reject(), "line " + lineNumber + ": " + result.detail());
            }
            return RawRows.record(file, format, result.values());
        }
    }

    @Override
    protected String position() {
        return "line " + (lineNumber + 1);
    }

    @Override
    protected void close() {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // reading is over either way
        }
    }
}
