package org.newslens.trends;

import static org.apache.spark.sql.functions.broadcast;
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
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.storage.StorageLevel;
import org.newslens.io.Columns;
import org.newslens.io.DocumentText;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.RunSummary;

/**
 * In an append run, the term counts per keyness cell that the run before stored ({@code state/keyness_term_cells}),
 * brought up to date instead of reading every document's terms again. A document counts in a cell by its text
 * (doc_id and content_sha) and its groups (the outlet and period it counts for), so the documents listed in
 * {@code state/keyness_documents} with the same text and groups as now keep their counts; the others are counted
 * from this run's doc_terms, and the listed ones that are gone, changed or in other groups now (a new copy of
 * their story came first, another period unit) have their counts taken away, from the run before's doc_terms.
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

    private final Dataset<Row> storedCells;
    private final Dataset<Row> changes;
    private final Dataset<Row> counted;
    private final long countedCount;
    private final Dataset<Row> takenAway;
    private final long takenAwayCount;
    private final Dataset<Row> previousDocTerms;

    private StoredKeyness(
            Dataset<Row> storedCells,
            Dataset<Row> changes,
            Dataset<Row> counted,
            long countedCount,
            Dataset<Row> takenAway,
            long takenAwayCount,
            Dataset<Row> previousDocTerms) {
        this.storedCells = storedCells;
        this.changes = changes;
        this.counted = counted;
        this.countedCount = countedCount;
        this.takenAway = takenAway;
        this.takenAwayCount = takenAwayCount;
        this.previousDocTerms = previousDocTerms;
    }

    /**
     * The stored counts this run can bring up to date, given the documents it counts (doc_id, content_sha, outlet,
     * period_index of {@link KeynessCells#documentGroups}) out of {@code documents}; empty when the run before left
     * none that hold, or when counting anew costs less. Puts the documents counted and taken away in the summary.
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
        Dataset<Row> changes = changes(
                        countedNow.select(Columns.DOC_ID, Columns.CONTENT_SHA, Columns.OUTLET, Columns.PERIOD_INDEX),
                        stored)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Row counts = changes.agg(count(col(NOW)), count(col(BEFORE))).first();
        long countedCount = counts.getLong(0);
        long takenAwayCount = counts.getLong(1);
        Dataset<Row> toCount = changes.where(col(NOW).isNotNull()).select(col(NOW + ".*"));
        Dataset<Row> toTakeAway = changes.where(col(BEFORE).isNotNull()).select(col(BEFORE + ".*"));
        StoredKeyness plan = new StoredKeyness(
                cells.get(), changes, toCount, countedCount, toTakeAway, takenAwayCount, docTermsBefore.get());
        if (countedCount + takenAwayCount > documents) {
            summary.note("trends: " + countedCount + " documents to count and " + takenAwayCount + " to take away"
                    + " of " + documents + "; every document's terms are counted instead");
            plan.release();
            return Optional.empty();
        }
        summary.put("keyness_documents_counted", "documents counted for keyness", countedCount);
        summary.put("keyness_documents_uncounted", "old documents' keyness counts taken away", takenAwayCount);
        return Optional.of(plan);
    }

    /**
     * The term counts to add up per cell: kind, feature, outlet, period_index, n. The stored cells, this run's
     * counts of the documents to count, and the run before's counts of those to take away (negative).
     */
    Dataset<Row> termCounts(Dataset<Row> docTermsNow) {
        Dataset<Row> all = storedCells
                .select(
                        lit(KeynessTable.TERM).as(Columns.KIND),
                        col(Columns.FEATURE),
                        col(Columns.OUTLET),
                        col(Columns.PERIOD_INDEX),
                        col(Columns.N))
                .unionByName(grouped(docTermsNow, counted, countedCount, 1));
        return takenAwayCount == 0 ? all : all.unionByName(grouped(previousDocTerms, takenAway, takenAwayCount, -1));
    }

    /**
     * The doc_terms rows of the documents (doc_id, outlet, period_index; {@code count} of them) in their groups,
     * times {@code sign}. Few documents (the usual append) go to every task, so the doc_terms rows are not
     * shuffled for the join.
     */
    private static Dataset<Row> grouped(Dataset<Row> docTerms, Dataset<Row> documents, long count, long sign) {
        Dataset<Row> groups = documents.select(Columns.DOC_ID, Columns.OUTLET, Columns.PERIOD_INDEX);
        boolean small = count * DOCUMENT_ROW_BYTES <= SQLConf.get().autoBroadcastJoinThreshold();
        return docTerms.select(Columns.DOC_ID, Columns.TERM, Columns.TF)
                .join(small ? broadcast(groups) : groups, Columns.DOC_ID)
                .select(
                        lit(KeynessTable.TERM).as(Columns.KIND),
                        col(Columns.TERM).as(Columns.FEATURE),
                        col(Columns.OUTLET),
                        col(Columns.PERIOD_INDEX),
                        col(Columns.TF).cast("long").multiply(sign).as(Columns.N));
    }

    /**
     * One row per document whose counts change: {@code now} (its doc_id, content_sha, outlet and period_index) when
     * it is to be counted, {@code before} (the same, as stored) when its stored counts are to be taken away; both
     * when it changed. A document with the same text and groups as stored has no row.
     */
    private static Dataset<Row> changes(Dataset<Row> now, Dataset<Row> stored) {
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

    /** The dataset this plan keeps cached, for the caller to release with its own. */
    Dataset<Row> kept() {
        return changes;
    }

    private void release() {
        changes.unpersist();
    }
}
