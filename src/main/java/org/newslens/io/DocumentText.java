package org.newslens.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A document's text as every stage after annotate sees it: the same doc_id with the same content_sha has the same
 * sentences, so whatever a run stored for it (counts, signatures, scores) still holds. Append runs reuse stored
 * per-document rows by this key and compute only the documents without one.
 */
public final class DocumentText {
    /** The key: doc_id and content_sha. */
    public static final String[] KEY = {Columns.DOC_ID, Columns.CONTENT_SHA};
    /** A column saying whether a row was stored by an earlier run (true) or made by this one (see {@link #reuseOf}). */
    public static final String REUSED = "reused";

    /** How many rows were reused and how many made. */
    public record Reuse(long reused, long made) {}

    private DocumentText() {}

    /** The stored rows of documents whose text has not changed, joined with the documents' other columns. */
    public static Dataset<Row> unchanged(Dataset<Row> documents, Dataset<Row> stored) {
        return documents.join(stored, KEY);
    }

    /**
     * The doc_id of each document that has no stored row for its present text: a new or changed document (or,
     * with the arguments swapped, a stored one that is gone or changed). Few in an append, so callers broadcast it.
     */
    public static Dataset<Row> changedIds(Dataset<Row> documents, Dataset<Row> stored) {
        return documents
                .select(Columns.DOC_ID, Columns.CONTENT_SHA)
                .join(stored.select(Columns.DOC_ID, Columns.CONTENT_SHA), KEY, "left_anti")
                .select(Columns.DOC_ID);
    }

    /** The rows reused and made of a dataset with a {@link #REUSED} column, in one Spark job. */
    public static Reuse reuseOf(Dataset<Row> rows) {
        Row counted = rows.agg(count(lit(1)), sum(when(col(REUSED), 1L).otherwise(0L)))
                .first();
        long reused = counted.isNullAt(1) ? 0 : counted.getLong(1);
        return new Reuse(reused, counted.getLong(0) - reused);
    }
}
