package org.newslens.trends;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.newslens.io.Columns;

/**
 * Which documents count, so that one story reprinted many times is not a trend. A near-duplicate (a row of
 * the {@code duplicates} table) points to the earliest copy of its story. Over time, a story counts once: the
 * copies are left out and the earliest copy stays. Across outlets, a story counts once per outlet that carried
 * it: each outlet keeps its own earliest copy, since carrying a wire story is part of an outlet's coverage.
 */
final class Stories {
    private Stories() {}

    /**
     * @param documents doc_id, published, outlet
     * @param duplicates doc_id, duplicate_of; null to count every copy
     */
    static Dataset<Row> overTime(Dataset<Row> documents, Dataset<Row> duplicates) {
        if (duplicates == null) {
            return documents;
        }
        // Small (one row per copy), so broadcast: the documents are not shuffled to leave the copies out.
        Dataset<Row> copies = broadcast(duplicates.select(Columns.DOC_ID));
        return documents.join(copies, documents.col(Columns.DOC_ID).equalTo(copies.col(Columns.DOC_ID)), "left_anti");
    }

    /** The documents with a known outlet, each story once per outlet (its earliest copy there). */
    static Dataset<Row> perOutlet(Dataset<Row> documents, Dataset<Row> duplicates) {
        Dataset<Row> withOutlet = documents.filter(col(Columns.OUTLET).isNotNull());
        if (duplicates == null) {
            return withOutlet;
        }
        Dataset<Row> story = broadcast(duplicates.select(col(Columns.DOC_ID).as("copy_id"), col(Columns.DUPLICATE_OF)));
        return withOutlet
                .join(story, withOutlet.col(Columns.DOC_ID).equalTo(story.col("copy_id")), "left")
                .withColumn("story", coalesce(col(Columns.DUPLICATE_OF), col(Columns.DOC_ID)))
                .withColumn(
                        "copy_rank",
                        row_number()
                                .over(Window.partitionBy("story", Columns.OUTLET)
                                        .orderBy(col(Columns.PUBLISHED).asc_nulls_last(), col(Columns.DOC_ID))))
                .filter(col("copy_rank").equalTo(1))
                .drop("copy_id", "duplicate_of", "story", "copy_rank");
    }
}
