package org.newslens.topics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.newslens.io.Columns;
import org.newslens.io.Table;
import org.newslens.io.TableStore;

/**
 * The documents (doc_id, content_sha, published) and, when asked, their sentences' term arrays: doc_id,
 * content_sha, published, sentences (in sentence order; empty for a document without sentences). Grouping every
 * sentence by document moves the whole corpus, so a full run does it once and keeps the result, while an append
 * that keeps the topic model groups only the sentences of the few documents it has to read.
 */
final class DocumentSentences {
    private final Dataset<Row> documents;
    private final TableStore tables;
    private final String neededBy;
    private Dataset<Row> all;
    private Dataset<Row> kept;
    private Dataset<Row> keptIds;

    /**
     * @param documents doc_id, content_sha, published of every document
     * @param tables where the sentences table (doc_id, sent_id, terms) is read: whole, or only the files an append
     *     added when the documents wanted are all among them ({@link TableStore#readOf})
     * @param neededBy the job reading it
     */
    DocumentSentences(Dataset<Row> documents, TableStore tables, String neededBy) {
        this.documents = documents;
        this.tables = tables;
        this.neededBy = neededBy;
    }

    /** Documents grouped with their sentences already (doc_id, content_sha, published, sentences). */
    static DocumentSentences grouped(Dataset<Row> withSentences) {
        DocumentSentences docs = new DocumentSentences(
                withSentences.select(Columns.DOC_ID, Columns.CONTENT_SHA, Columns.PUBLISHED), null, null);
        docs.all = withSentences;
        return docs;
    }

    /** Every document without its sentences: doc_id, content_sha, published. */
    Dataset<Row> documents() {
        return documents;
    }

    /** Every document with its sentences, grouped once and kept for the rest of the job. */
    Dataset<Row> all() {
        if (all == null) {
            all = withSentences(documents, tables.read(Table.SENTENCES, neededBy))
                    .persist(StorageLevel.MEMORY_AND_DISK());
        }
        return all;
    }

    /**
     * The documents of {@code ids} (doc_id; few, so broadcast) with their sentences: taken from the documents
     * grouped already when they hold them all, else grouped from their sentences alone.
     */
    Dataset<Row> of(Dataset<Row> ids) {
        Dataset<Row> wanted = broadcast(ids.select(Columns.DOC_ID));
        if (all != null) {
            return all.join(wanted, Columns.DOC_ID, "left_semi");
        }
        if (kept != null && wanted.join(keptIds, Columns.DOC_ID, "left_anti").isEmpty()) {
            return kept.join(wanted, Columns.DOC_ID, "left_semi");
        }
        return withSentences(
                documents.join(wanted, Columns.DOC_ID, "left_semi"), tables.readOf(Table.SENTENCES, wanted, neededBy));
    }

    /** As {@link #of}, and kept: later calls for these documents, or some of them, read them from here. */
    Dataset<Row> keep(Dataset<Row> ids) {
        release(kept);
        kept = null; // of() must not read the grouping just released
        kept = of(ids).persist(StorageLevel.MEMORY_AND_DISK());
        keptIds = broadcast(ids.select(Columns.DOC_ID));
        return kept;
    }

    void release() {
        release(all);
        release(kept);
    }

    private static void release(Dataset<Row> dataset) {
        if (dataset != null) {
            dataset.unpersist();
        }
    }

    /** doc_id, sentences: each document's term arrays in sentence order. */
    static Dataset<Row> perDocument(Dataset<Row> sentences) {
        return sentences
                .groupBy(Columns.DOC_ID)
                .agg(expr("transform(sort_array(collect_list(struct(sent_id, terms))), x -> x.terms)")
                        .as("sentences"));
    }

    /** The documents (doc_id, content_sha, published) left-joined with their {@link #perDocument} sentences. */
    static Dataset<Row> withSentences(Dataset<Row> documents, Dataset<Row> sentences) {
        Dataset<Row> grouped = perDocument(sentences);
        return documents
                .join(grouped, documents.col(Columns.DOC_ID).equalTo(grouped.col(Columns.DOC_ID)), "left")
                .select(
                        documents.col(Columns.DOC_ID),
                        col(Columns.CONTENT_SHA),
                        col(Columns.PUBLISHED),
                        expr("coalesce(sentences, array())").as("sentences"));
    }
}
