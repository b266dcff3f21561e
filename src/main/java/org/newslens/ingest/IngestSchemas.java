package org.newslens.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import org.apache.spark.sql.types.StructType;
import org.newslens.io.Columns;
import org.newslens.io.Table;

/** The intermediate row shapes of the ingest job (the output tables are declared in Table). */
final class IngestSchemas {
    private IngestSchemas() {}

    // Columns of the intermediate rows only; the others are named in Columns.
    static final String REL_PATH = "rel_path";
    static final String FORMAT = Columns.FORMAT;
    static final String RECORD_KEY = "record_key";
    static final String PUBLISHED_RAW = "published_raw";
    static final String REJECT = Columns.REJECT;
    static final String WARNING = Columns.WARNING;
    static final String LINES = Columns.LINES;
    static final String LINE_KEYS = Columns.LINE_KEYS;
    static final String IS_DOCUMENT = "is_document";
    static final String IS_RECORD = "is_record";
    // Columns of the lists of files the readers are given.
    static final String URI = "uri";
    static final String KIND = "kind";
    static final String LENGTH = "length";

    /** The text files one reader task reads: uri, rel_path, format (text or markdown). */
    static final StructType TEXT_FILES =
            new StructType().add(URI, "string").add(REL_PATH, "string").add(FORMAT, "string");

    /** The record files one reader task reads: uri, rel_path, kind (a FileKind name), length. */
    static final StructType RECORD_FILES = new StructType()
            .add(URI, "string")
            .add(REL_PATH, "string")
            .add(KIND, "string")
            .add(LENGTH, "long");

    /** One input as read: a text file's decoded text or a record's columns, or a reject. */
    static final StructType RAW = createStructType(new org.apache.spark.sql.types.StructField[] {
        createStructField(Columns.SOURCE_URI, StringType, false),
        createStructField(REL_PATH, StringType, false),
        createStructField(FORMAT, StringType, false),
        createStructField(RECORD_KEY, StringType, true),
        createStructField(Columns.TITLE, StringType, true),
        createStructField(PUBLISHED_RAW, StringType, true),
        createStructField(Columns.OUTLET, StringType, true),
        createStructField(Columns.URL, StringType, true),
        createStructField(Columns.TEXT, StringType, true),
        createStructField(REJECT, StringType, true),
        createStructField(Columns.DETAIL, StringType, true),
        createStructField(WARNING, StringType, true)
    });

    /** One input after parsing: header fields and the body lines with their keys, or a reject (kept as state). */
    static final StructType PARSED = Table.STATE_INPUTS.schema();

    /** One output row: a document or a reject (a truncated document yields both). */
    static final StructType OUTPUT = createStructType(new org.apache.spark.sql.types.StructField[] {
        createStructField(IS_DOCUMENT, BooleanType, false),
        createStructField(IS_RECORD, BooleanType, false),
        createStructField(Columns.DOC_ID, StringType, true),
        createStructField(Columns.SOURCE_URI, StringType, false),
        createStructField(Columns.TITLE, StringType, true),
        createStructField(Columns.PUBLISHED, StringType, true),
        createStructField(Columns.OUTLET, StringType, true),
        createStructField(Columns.URL, StringType, true),
        createStructField(Columns.TEXT, StringType, true),
        createStructField(Columns.N_CHARS, IntegerType, true),
        createStructField(Columns.N_TOKENS, IntegerType, true),
        createStructField(Columns.CONTENT_SHA, StringType, true),
        createStructField(Columns.REASON, StringType, true),
        createStructField(Columns.DETAIL, StringType, true)
    });
}
