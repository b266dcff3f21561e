package org.newslens.ingest;

import java.util.Locale;

/** What the file's extension says it holds; a trailing .gz means gzip-compressed. */
public enum FileKind {
    TEXT,
    MARKDOWN,
    JSON,
    CSV,
    PARQUET,
    UNSUPPORTED;

    /** The kind of a file by name, e.g. {@code a.jsonl.gz} is JSON. */
    public static FileKind of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".gz");
        if (gzip) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "txt", "text" -> TEXT;
            case "md", "markdown" -> MARKDOWN;
            case "jsonl", "ndjson", "json" -> JSON;
            case "csv" -> CSV;
            // Parquet compresses its pages itself; a gzip-wrapped Parquet file cannot be read in place.
            case "parquet" -> gzip ? UNSUPPORTED : PARQUET;
            default -> UNSUPPORTED;
        };
    }

    public static boolean isGzip(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
