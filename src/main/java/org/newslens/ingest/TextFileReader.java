package org.newslens.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.newslens.io.HadoopConf;

/**
 * Reads plain-text files on the executors: opens each through Hadoop's FileSystem (decompressing by suffix
 * with Hadoop's codecs), reads at most a bounded number of bytes, decodes strictly and emits one RAW row per
 * file; an I/O error becomes an {@code unreadable} reject rather than a failed task.
 */
final class TextFileReader implements MapPartitionsFunction<Row, Row> {
    // Positions in a TEXT_FILES row, resolved by name once.
    private static final int URI = IngestSchemas.TEXT_FILES.fieldIndex(IngestSchemas.URI);
    private static final int REL_PATH = IngestSchemas.TEXT_FILES.fieldIndex(IngestSchemas.REL_PATH);
    private static final int FORMAT = IngestSchemas.TEXT_FILES.fieldIndex(IngestSchemas.FORMAT);
    private final HadoopConf hadoopConf;
    private final long maxBytes;

    /** Reads at most 4 bytes per allowed character (the UTF-8 maximum) plus a little, so no text is lost below the limit. */
    TextFileReader(HadoopConf hadoopConf, int maxChars) {
        this.hadoopConf = hadoopConf;
        this.maxBytes = 4L * maxChars + 8;
    }

    /** Input rows: uri, rel_path, format. */
    @Override
    public Iterator<Row> call(Iterator<Row> files) {
        Configuration conf = hadoopConf.get();
        CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
        // Lazy: one file's text in memory at a time, whatever the partition size.
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return files.hasNext();
            }

            @Override
            public Row next() {
                Row file = files.next();
                return read(file.getString(URI), file.getString(REL_PATH), file.getString(FORMAT), conf, codecs);
            }
        };
    }

    private Row read(String uri, String relPath, String format, Configuration conf, CompressionCodecFactory codecs) {
        byte[] bytes;
        boolean cutShort;
        try {
            try (InputStream in = InputStreams.open(uri, conf, codecs)) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                byte[] chunk = new byte[64 * 1024];
                long total = 0;
                int n;
                while (total < maxBytes
                        && (n = in.read(chunk, 0, (int) Math.min(chunk.length, maxBytes - total))) > 0) {
                    buffer.write(chunk, 0, n);
                    total += n;
                }
                cutShort = total >= maxBytes && in.read() >= 0;
                bytes = buffer.toByteArray();
            }
        } catch (IOException | RuntimeException e) {
            return row(uri, relPath, format, null, RejectReason.UNREADABLE, "cannot read: " + e, null);
        }
        DecodedText decoded = TextDecoder.decode(bytes, bytes.length, cutShort);
        if (decoded.isRejected()) {
            return row(uri, relPath, format, null, decoded.reject(), decoded.detail(), null);
        }
        String warning = cutShort
                ? "the file holds more than " + maxBytes + " bytes of text; only the first " + maxBytes + " were read"
                : null;
        return row(uri, relPath, format, decoded.text(), null, null, warning);
    }

    private static Row row(
            String uri,
            String relPath,
            String format,
            String text,
            RejectReason reject,
            String detail,
            String warning) {
        return RowFactory.create(
                uri,
                relPath,
                format,
                null,
                null,
                null,
                null,
                null,
                text,
                reject == null ? null : reject.code(),
                detail,
                warning);
    }
}
