package org.newslens.terms;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.newslens.io.Columns;
import org.newslens.io.DocumentText;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.RunSummary;

/**
 * In an append run, the term and n-gram counts the run before stored ({@code state/term_counts}), brought up to
 * date instead of counting every sentence again: only documents the counts do not hold with their present text
 * are counted, and the stored documents that are gone or changed have their counts taken away (from their
 * earlier sentences). Every count is a sum over documents, so the result equals a count of the whole corpus.
 *
 * <p>Used only when {@code state/term_counts_documents} lists exactly the documents the run before holds; after
 * a run that changed the documents without the terms stage (a single job), the stage counts every document.
 */
final class StoredCounts {
    private static final String COUNTED = "counted";
    private static final String HELD = "held";

    private final Dataset<Row> storedCounts;
    private final Dataset<Row> freshIds;
    private final Dataset<Row> goneIds;
    private final long gone;
    private final Dataset<Row> previousSentences;
    private final Dataset<Row> previousTermFrequencies;

    private StoredCounts(
            Dataset<Row> storedCounts,
            Dataset<Row> freshIds,
            Dataset<Row> goneIds,
            long gone,
            Dataset<Row> previousSentences,
            Dataset<Row> previousTermFrequencies) {
        this.storedCounts = storedCounts;
        this.freshIds = freshIds;
        this.goneIds = goneIds;
        this.gone = gone;
        this.previousSentences = previousSentences;
        this.previousTermFrequencies = previousTermFrequencies;
    }

    /**
     * The stored counts this run can bring up to date, given its documents (doc_id, content_sha); empty when the
     * run before left none that match its documents. Puts the documents counted and taken away in the summary.
     */
    static Optional<StoredCounts> plan(TableStore tables, Dataset<Row> documentsNow, RunSummary summary) {
        Optional<Dataset<Row>> counts = tables.readPrevious(Table.STATE_TERM_COUNTS);
        Optional<Dataset<Row>> countedDocs = tables.readPrevious(Table.STATE_TERM_COUNTS_DOCUMENTS);
        Optional<Dataset<Row>> documentsBefore = tables.readPrevious(Table.DOCUMENTS);
        Optional<Dataset<Row>> sentencesBefore = tables.readPrevious(Table.SENTENCES);
        Optional<Dataset<Row>> docTermsBefore = tables.readPrevious(Table.DOC_TERMS);
        if (counts.isEmpty()
                || countedDocs.isEmpty()
                || documentsBefore.isEmpty()
                || sentencesBefore.isEmpty()
                || docTermsBefore.isEmpty()) {
            summary.note("terms: the output holds no stored term counts; every document is counted");
            return Optional.empty();
        }
        Dataset<Row> counted = countedDocs.get().select(Columns.DOC_ID, Columns.CONTENT_SHA);
        if (!sameDocuments(counted, documentsBefore.get().select(Columns.DOC_ID, Columns.CONTENT_SHA))) {
            summary.note("terms: the stored term counts are of other documents than the output holds (a single job "
                    + "changed them); every document is counted");
            return Optional.empty();
        }
        Dataset<Row> fresh = DocumentText.changedIds(documentsNow, counted).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> goneIds = DocumentText.changedIds(counted, documentsNow).persist(StorageLevel.MEMORY_AND_DISK());
        long freshCount = fresh.count();
        long goneCount = goneIds.count();
        summary.put("terms_documents_counted", "documents counted for terms", freshCount);
        summary.put("terms_documents_uncounted", "old documents' term counts taken away", goneCount);
        if (goneCount > 0) {
            summary.note("terms: the term counts of " + goneCount + " old documents were taken away: they are gone "
                    + "from the input or their text changed (changed ones are counted again with their new text)");
        }
        return Optional.of(new StoredCounts(
                counts.get(),
                fresh,
                goneIds,
                goneCount,
                sentencesBefore.get().select(Columns.DOC_ID, Columns.TERMS),
                docTermsBefore.get().select(Columns.DOC_ID, Columns.TERM, Columns.TF)));
    }

    /** Whether two (doc_id, content_sha) lists hold the same documents. */
    private static boolean sameDocuments(Dataset<Row> counted, Dataset<Row> held) {
        return counted.withColumn(COUNTED, lit(true))
                .join(held.withColumn(HELD, lit(true)), DocumentText.KEY, "full_outer")
                .where(col(COUNTED).isNull().or(col(HELD).isNull()))
                .isEmpty();
    }

    /**
     * The sentences (doc_id, terms) of the documents to count: new ones, and changed ones with their new text (read
     * from the files this run added to the table, when those hold them all).
     */
    Dataset<Row> toCount(TableStore tables, String neededBy) {
        return tables.readOf(Table.SENTENCES, broadcast(freshIds), neededBy).select(Columns.DOC_ID, Columns.TERMS);
    }

    /**
     * The corpus sums (ngram, n, candidate, count, df rows, not yet summed per gram) to add up: the stored
     * counts, this run's partial sums, and the counts of the gone documents taken away.
     */
    Dataset<Row> withStored(Dataset<Row> partialSums) {
        Dataset<Row> all = storedCounts.unionByName(partialSums);
        if (gone == 0) {
            return all;
        }
        Dataset<Row> goneSums = TermsJob.partialSums(
                TermsJob.countPerDocument(previousSentences.join(broadcast(goneIds), Columns.DOC_ID, "left_semi")));
        return all.unionByName(goneSums.select(
                col(Columns.NGRAM),
                col(Columns.N),
                col(Columns.CANDIDATE),
                col(Columns.COUNT).unary_$minus().as(Columns.COUNT),
                col(Columns.DF).unary_$minus().as(Columns.DF)));
    }

    /** Whether every stored document stays as it was (none gone or changed): the run before's doc_terms rows all stay. */
    boolean keepsEveryDocument() {
        return gone == 0;
    }

    /** (doc_id, term, tf) of the stored documents that stay as they were, from the run before's doc_terms. */
    Dataset<Row> keptTermFrequencies() {
        return gone == 0
                ? previousTermFrequencies
                : previousTermFrequencies.join(broadcast(goneIds), Columns.DOC_ID, "left_anti");
    }

    void release() {
        freshIds.unpersist();
        goneIds.unpersist();
    }
}
