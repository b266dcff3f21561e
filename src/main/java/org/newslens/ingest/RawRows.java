package org.newslens.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Builds rows of {@link IngestSchemas#RAW}: a record's fields, or a reject. */
final class RawRows {
    private RawRows() {}

    static Row record(InputFile file, String format, RecordColumns.Values values) {
        return RowFactory.create(
                file.uri(),
                file.relativePath(),
                format,
                values.id(),
                values.title(),
                values.published(),
                values.outlet(),
                values.url(),
                values.text() == null ? "" : values.text(),
                null,
                null,
                null);
    }

    static Row reject(InputFile file, String format, RejectReason reason, String detail) {
        return RowFactory.create(
                file.uri(),
                file.relativePath(),
                format,
                null,
                null,
                null,
                null,
                null,
                null,
                reason.code(),
                detail,
                null);
    }
}
