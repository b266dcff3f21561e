package org.newslens.ingest;

import java.util.List;
import org.newslens.config.Setting;

/** Settings of the ingest job. */
public final class IngestSettings {
    private IngestSettings() {}

    public static final Setting<Integer> MAX_CHARS = Setting.integer(
            "ingest.max-chars",
            1_000_000,
            1_000,
            100_000_000,
            "Longest text kept per document (characters); a longer one is kept cut at a paragraph or sentence "
                    + "boundary and also gets a 'truncated' row in rejects");
    public static final Setting<Integer> REPEAT_MIN_DOCS = Setting.integer(
            "ingest.repeat-min-docs",
            3,
            2,
            Integer.MAX_VALUE,
            "A line found in at least this many documents that are otherwise different (and in ingest.repeat-share of them) is corpus boilerplate "
                    + "and removed everywhere");
    public static final Setting<Double> REPEAT_SHARE = Setting.decimal(
            "ingest.repeat-share",
            0.001,
            0.0,
            1.0,
            "Share of all documents a line must also appear in to be corpus boilerplate");
    public static final Setting<Integer> FILES_PER_PARTITION = Setting.integer(
            "ingest.files-per-partition",
            1_000,
            1,
            1_000_000,
            "Files read per Spark partition when --partitions is 0 (text files and record files are partitioned apart)");

    public static final Setting<Integer> MAX_RECORD_BYTES = Setting.integer(
            "ingest.max-record-bytes",
            16 * 1024 * 1024,
            1024,
            512 * 1024 * 1024,
            "Longest JSON line, CSV field or Parquet string value read (bytes, before "
                    + "decoding); a longer one is a 'record_too_large' reject and is never held in memory whole");
    public static final Setting<Integer> MAX_JSON_DEPTH = Setting.integer(
            "ingest.max-json-depth",
            100,
            2,
            10_000,
            "Deepest nesting of objects and arrays in one JSON line; a deeper line is a 'too_deeply_nested' reject");

    public static List<Setting<?>> all() {
        return List.of(MAX_CHARS, REPEAT_MIN_DOCS, REPEAT_SHARE, FILES_PER_PARTITION, MAX_RECORD_BYTES, MAX_JSON_DEPTH);
    }
}
