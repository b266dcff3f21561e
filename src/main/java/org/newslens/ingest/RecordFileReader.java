package org.newslens.ingest;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.newslens.io.HadoopConf;

/**
 * Reads record files (JSON Lines, CSV, Parquet) on the executors, one file after the other and one record at a
 * time, into RAW rows. Every file yields at least one row (records, per-record rejects, or one reject for the
 * file or for the part of it that could not be read), so no file can fail the task or go uncounted.
 */
final class RecordFileReader implements MapPartitionsFunction<Row, Row> {
    // Positions in a RECORD_FILES row, resolved by name once.
    private static final int URI = IngestSchemas.RECORD_FILES.fieldIndex(IngestSchemas.URI);
    private static final int REL_PATH = IngestSchemas.RECORD_FILES.fieldIndex(IngestSchemas.REL_PATH);
    private static final int KIND = IngestSchemas.RECORD_FILES.fieldIndex(IngestSchemas.KIND);
    private static final int LENGTH = IngestSchemas.RECORD_FILES.fieldIndex(IngestSchemas.LENGTH);
    private final HadoopConf hadoopConf;
    private final int maxRecordBytes;
    private final int maxJsonDepth;

    RecordFileReader(HadoopConf hadoopConf, int maxRecordBytes, int maxJsonDepth) {
        this.hadoopConf = hadoopConf;
        this.maxRecordBytes = maxRecordBytes;
        this.maxJsonDepth = maxJsonDepth;
    }

    /** Input rows: uri, rel_path, kind (a {@link FileKind} name), length. */
    @Override
    public Iterator<Row> call(Iterator<Row> files) {
        Configuration conf = hadoopConf.get();
        CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && files.hasNext()) {
                    Row f = files.next();
                    InputFile file = new InputFile(
                            f.getString(URI),
                            f.getString(REL_PATH),
                            f.getLong(LENGTH),
                            FileKind.valueOf(f.getString(KIND)));
                    current = open(file, conf, codecs);
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private Iterator<Row> open(InputFile file, Configuration conf, CompressionCodecFactory codecs) {
        return switch (file.kind()) {
            case JSON -> new JsonLinesReader(file, conf, codecs, maxRecordBytes, maxJsonDepth);
            case CSV -> new CsvRecordReader(file, conf, codecs, maxRecordBytes);
            case PARQUET -> new ParquetRecordReader(file, conf, maxRecordBytes);
            default -> throw new IllegalArgumentException("not a record file: " + file);
        };
    }
}
