package org.newslens.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import org.apache.spark.sql.types.StructType;

/** The intermediate row shapes of the ingest job (the output tables are declared in Table). */
final class IngestSchemas {
    private IngestSchemas() {}

    /** One input as read: a text file's decoded text or a record's columns, or a reject. */
    static final StructType RAW = createStructType(new org.apache.spark.sql.types.StructField[] {
        createStructField("source_uri", StringType, false),
        createStructField("rel_path", StringType, false),
        createStructField("format", StringType, false),
        createStructField("record_key", StringType, true),
        createStructField("title", StringType, true),
        createStructField("published_raw", StringType, true),
        createStructField("outlet", StringType, true),
        createStructField("url", StringType, true),
        createStructField("text", StringType, true),
        createStructField("reject", StringType, true),
        createStructField("detail", StringType, true),
        createStructField("warning", StringType, true)
    });

    /** One input after parsing: header fields and the body lines with their keys, or a reject. */
    static final StructType PARSED = createStructType(new org.apache.spark.sql.types.StructField[] {
        createStructField("source_uri", StringType, false),
        createStructField("format", StringType, false),
        createStructField("doc_id", StringType, true),
        createStructField("title", StringType, true),
        createStructField("published", StringType, true),
        createStructField("outlet", StringType, true),
        createStructField("url", StringType, true),
        createStructField("lines", createArrayType(StringType, false), true),
        createStructField("line_keys", createArrayType(LongType, false), true),
        createStructField("reject", StringType, true),
        createStructField("detail", StringType, true),
        createStructField("warning", StringType, true)
    });

    /** One output row: a document or a reject (a truncated document yields both). */
    static final StructType OUTPUT = createStructType(new org.apache.spark.sql.types.StructField[] {
        createStructField("is_document", BooleanType, false),
        createStructField("is_record", BooleanType, false),
        createStructField("doc_id", StringType, true),
        createStructField("source_uri", StringType, false),
        createStructField("title", StringType, true),
        createStructField("published", StringType, true),
        createStructField("outlet", StringType, true),
        createStructField("url", StringType, true),
        createStructField("text", StringType, true),
        createStructField("n_chars", IntegerType, true),
        createStructField("n_tokens", IntegerType, true),
        createStructField("content_sha", StringType, true),
        createStructField("reason", StringType, true),
        createStructField("detail", StringType, true)
    });
}
