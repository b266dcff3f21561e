package org.newslens.trends;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.newslens.io.Broadcasts;
import org.newslens.io.Columns;
import org.newslens.io.DocumentText;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.RunSummary;

/**
 * In an append run, the term counts per keyness cell that the run before stored ({@code state/keyness_term_cells}),
 * brought up to date instead of summing every document's terms again. A document counts in a cell by its text
 * (doc_id and content_sha) and its groups (the outlet and period it counts for), so the documents listed in
 * {@code state/keyness_documents} with the same text and groups as now keep their counts; the others are counted
 * from this run's doc_terms (only the files this run added, when those hold them all), and the listed ones that are gone, changed
 * or in other groups now (a new copy of their story came first, another period unit) have their counts taken
 * away, from the run before's doc_terms.
 * Every cell is a sum over documents, so the result equals a count of the whole corpus.
 *
 * <p>Used only when every document listed has its terms in the run before's doc_terms (it is in {@code
 * state/term_counts_documents} with the same text), and while the documents to count and to take away are no more
 * than the documents there are (beyond that, reading every document's terms once costs less).
 */
final class StoredKeyness {
    /** About what one (doc_id, outlet, period_index) row takes in a broadcast hash table. */
    private static final long DOCUMENT_ROW_BYTES = 100;

    private static final String NOW = "now";
    private static final String BEFORE = "before";

    /** Documents (doc_id, content_sha, outlet, period_index), and how many there are. */
    private record Documents(Dataset<Row> rows, long count) {
        /** Few documents (the usual append) go to every task, so the rows joined with them are not shuffled. */
        Dataset<Row> joinable(String... columns) {
            return Broadcasts.ifSmall(rows.select(Columns.DOC_ID, columns), count, DOCUMENT_ROW_BYTES);
        }
    }

    private final Dataset<Row> storedCells;
    private final Dataset<Row> changes;
    private final Documents toCount;
    private final Documents toTakeAway;
    private final Dataset<Row> previousDocTerms;

    private StoredKeyness(
            Dataset<Row> storedCells,
            Dataset<Row> changes,
            Documents toCount,
            Documents toTakeAway,
            Dataset<Row> previousDocTerms) {
        this.storedCells = storedCells;
        this.changes = changes;
        this.toCount = toCount;
        this.toTakeAway = toTakeAway;
        this.previousDocTerms = previousDocTerms;
    }

    /**
     * The stored counts this run can bring up to date, given the documents it counts (doc_id, content_sha, outlet,
     * period_index, as {@code state/keyness_documents} lists them) out of {@code documents}; empty when the run
     * before left none that hold, or when counting anew costs less. Puts the documents counted and taken away in
     * the summary.
     */
    static Optional<StoredKeyness> plan(
            TableStore tables, Dataset<Row> countedNow, long documents, RunSummary summary) {
        Optional<Dataset<Row>> cells = tables.readPrevious(Table.STATE_KEYNESS_TERM_CELLS);
        Optional<Dataset<Row>> listed = tables.readPrevious(Table.STATE_KEYNESS_DOCUMENTS);
        Optional<Dataset<Row>> termDocuments = tables.readPrevious(Table.STATE_TERM_COUNTS_DOCUMENTS);
        Optional<Dataset<Row>> docTermsBefore = tables.readPrevious(Table.DOC_TERMS);
        if (cells.isEmpty() || listed.isEmpty() || termDocuments.isEmpty() || docTermsBefore.isEmpty()) {
            summary.note("trends: the output holds no stored keyness counts; every document's terms are counted");
            return Optional.empty();
        }
        Dataset<Row> stored =
                listed.get().select(Columns.DOC_ID, Columns.CONTENT_SHA, Columns.OUTLET, Columns.PERIOD_INDEX);
        if (!DocumentText.changedIds(stored, termDocuments.get()).isEmpty()) {
            summary.note("trends: the stored keyness counts are of other documents than the run before's doc_terms "
                    + "(a single job changed them); every document's terms are counted");
            return Optional.empty();
        }
        Dataset<Row> changes = changes(countedNow, stored).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row counts = changes.agg(count(col(NOW)), count(col(BEFORE))).first();
            Documents toCount =
                    new Documents(changes.where(col(NOW).isNotNull()).select(NOW + ".*"), counts.getLong(0));
            Documents toTakeAway =
                    new Documents(changes.where(col(BEFORE).isNotNull()).select(BEFORE + ".*"), counts.getLong(1));
            if (toCount.count() + toTakeAway.count() > documents) {
                summary.note("trends: " + toCount.count() + " documents to count for keyness and "
                        + toTakeAway.count() + " to take away, of " + documents
                        + "; every document's terms are counted instead");
                changes.unpersist();
                return Optional.empty();
            }
            // Only when the stored counts are updated: the figures say that this run updated them.
            summary.put("keyness_documents_counted", "documents counted for keyness", toCount.count());
            summary.put("keyness_documents_uncounted", "old documents' keyness counts taken away", toTakeAway.count());
            return Optional.of(new StoredKeyness(cells.get(), changes, toCount, toTakeAway, docTermsBefore.get()));
        } catch (RuntimeException e) {
            changes.unpersist();
            throw e;
        }
    }

    /**
     * One row per document whose counts change: {@code now} (its doc_id, content_sha, outlet and period_index) when
     * it is to be counted, {@code before} (the same, as stored) when its stored counts are to be taken away; both
     * when it changed. A document with the same text and groups as stored has no row; a null outlet or period
     * (counted in neither) equals a null.
     */
    static Dataset<Row> changes(Dataset<Row> now, Dataset<Row> stored) {
        Column same = now.col(Columns.CONTENT_SHA)
                .equalTo(stored.col(Columns.CONTENT_SHA))
                .and(now.col(Columns.OUTLET).eqNullSafe(stored.col(Columns.OUTLET)))
                .and(now.col(Columns.PERIOD_INDEX).eqNullSafe(stored.col(Columns.PERIOD_INDEX)));
        return now.join(stored, now.col(Columns.DOC_ID).equalTo(stored.col(Columns.DOC_ID)), "full_outer")
                .where(not(coalesce(same, lit(false))))
                .select(
                        when(now.col(Columns.DOC_ID).isNotNull(), struct(now.col("*")))
                                .as(NOW),
                        when(stored.col(Columns.DOC_ID).isNotNull(), struct(stored.col("*")))
                                .as(BEFORE));
    }

    /**
     * This run's keyness term features (doc_id, kind, feature, n) of the documents to count, from their doc_terms
     * rows (only the files this run added, when those hold them all).
     */
    Dataset<Row> countedTermFeatures(TableStore tables, String neededBy) {
        return TrendCounts.termFeatures(tables.readOf(Table.DOC_TERMS, toCount.joinable(), neededBy));
    }

    /**
     * The term counts already in their group (kind, feature, outlet, period_index, n): the stored cells, and the
     * run before's counts of the documents to take away, negative.
     */
    Dataset<Row> groupedTermCounts() {
        Dataset<Row> cells = storedCells.select(
                lit(KeynessTable.TERM).as(Columns.KIND),
                col(Columns.FEATURE),
                col(Columns.OUTLET),
                col(Columns.PERIOD_INDEX),
                col(Columns.N));
        if (toTakeAway.count() == 0) {
            return cells;
        }
        Dataset<Row> takenAway = TrendCounts.termFeatures(previousDocTerms)
                .join(toTakeAway.joinable(Columns.OUTLET, Columns.PERIOD_INDEX), Columns.DOC_ID)
                .select(
                        col(Columns.KIND),
                        col(Columns.FEATURE),
                        col(Columns.OUTLET),
                        col(Columns.PERIOD_INDEX),
                        col(Columns.N).unary_$minus().as(Columns.N));
        return cells.unionByName(takenAway);
    }

    /** The dataset this plan keeps cached, for the caller to release with its own. */
    Dataset<Row> cached() {
        return changes;
    }
}
