package org.newslens.annotate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.newslens.io.Columns;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.RunSummary;

/**
 * In an append run, the annotations of the run before that still hold: a document keeps its sentences, tokens
 * and (unlinked) mentions when the output had it with the same cleaned text; only the others go through the
 * NLP pass. A document whose text changed because a line became corpus boilerplate is annotated again.
 */
final class AnnotationReuse {
    private static final String PREVIOUS = "previous_";

    private final Dataset<Row> keptIds;
    private final Dataset<Row> previousSentences;
    private final Dataset<Row> previousTokens;
    private final Dataset<Row> previousMentions;
    private final Dataset<Row> previousLinked;
    /** Every earlier document is kept unchanged: the earlier rows need no filtering, and can be shared. */
    private final boolean keepsAll;

    private AnnotationReuse(
            Dataset<Row> keptIds,
            Dataset<Row> previousSentences,
            Dataset<Row> previousTokens,
            Dataset<Row> previousMentions,
            Dataset<Row> previousLinked,
            boolean keepsAll) {
        this.keepsAll = keepsAll;
        this.keptIds = keptIds;
        this.previousSentences = previousSentences;
        this.previousTokens = previousTokens;
        this.previousMentions = previousMentions;
        this.previousLinked = previousLinked;
    }

    /**
     * What the run before left that this run can keep, given this run's documents (doc_id, source_uri,
     * content_sha); empty when it left no complete annotations. Puts the document figures in the summary.
     */
    static Optional<AnnotationReuse> plan(TableStore tables, Dataset<Row> documents, RunSummary summary) {
        Optional<Dataset<Row>> documentsBefore = tables.readPrevious(Table.DOCUMENTS);
        Optional<Dataset<Row>> sentences = tables.readPrevious(Table.SENTENCES);
        Optional<Dataset<Row>> tokens = tables.readPrevious(Table.TOKENS);
        Optional<Dataset<Row>> mentions = tables.readPrevious(Table.STATE_UNLINKED_MENTIONS);
        Optional<Dataset<Row>> linked = tables.readPrevious(Table.MENTIONS);
        if (documentsBefore.isEmpty()
                || sentences.isEmpty()
                || tokens.isEmpty()
                || mentions.isEmpty()
                || linked.isEmpty()) {
            return Optional.empty();
        }
        Dataset<Row> before = documentsBefore
                .get()
                .select(
                        col(Columns.DOC_ID),
                        col(Columns.SOURCE_URI).as(PREVIOUS + Columns.SOURCE_URI),
                        col(Columns.CONTENT_SHA).as(PREVIOUS + Columns.CONTENT_SHA));
        Dataset<Row> now = documents.select(Columns.DOC_ID, Columns.SOURCE_URI, Columns.CONTENT_SHA);
        // One row per document of either run, kept (small: ids and a few flags): both the figures and the ids of
        // the documents to keep come from it, instead of from two comparisons that each read both runs' documents.
        Dataset<Row> compared = compare(now, before).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            boolean keepsAll = countChanges(compared, summary);
            Dataset<Row> kept =
                    compared.filter(col(KEPT)).select(Columns.DOC_ID).persist(StorageLevel.MEMORY_AND_DISK());
            kept.count();
            return Optional.of(
                    new AnnotationReuse(kept, sentences.get(), tokens.get(), mentions.get(), linked.get(), keepsAll));
        } finally {
            compared.unpersist();
        }
    }

    private static final String ADDED = "added";
    private static final String REPLACED = "replaced";
    private static final String DROPPED = "dropped";
    private static final String REANNOTATED = "reannotated";
    private static final String KEPT = "kept";

    /**
     * Every document of this run and the run before, with what happened to it: added (a doc_id the output did not
     * have), replaced (an old document whose input now gives another one: the file changed), dropped (an old
     * document whose input gives none now), reannotated (same doc_id, but its cleaned text changed: a line of it
     * became or stopped being corpus boilerplate) or kept.
     */
    private static Dataset<Row> compare(Dataset<Row> now, Dataset<Row> before) {
        Dataset<Row> sourcesNow =
                now.select(col(Columns.SOURCE_URI).as("source_now")).distinct();
        Column goneNow = now.col(Columns.DOC_ID).isNull();
        return now.join(before, now.col(Columns.DOC_ID).equalTo(before.col(Columns.DOC_ID)), "full_outer")
                .join(sourcesNow, col(PREVIOUS + Columns.SOURCE_URI).equalTo(col("source_now")), "left")
                .select(
                        coalesce(now.col(Columns.DOC_ID), before.col(Columns.DOC_ID))
                                .as(Columns.DOC_ID),
                        before.col(Columns.DOC_ID).isNull().as(ADDED),
                        goneNow.and(col("source_now").isNotNull()).as(REPLACED),
                        goneNow.and(col("source_now").isNull()).as(DROPPED),
                        coalesce(col(Columns.CONTENT_SHA).notEqual(col(PREVIOUS + Columns.CONTENT_SHA)), lit(false))
                                .as(REANNOTATED),
                        coalesce(col(Columns.CONTENT_SHA).equalTo(col(PREVIOUS + Columns.CONTENT_SHA)), lit(false))
                                .as(KEPT));
    }

    /**
     * Puts the documents added, replaced, dropped, re-annotated and kept in the summary (see {@link #compare}).
     * True when every earlier document is kept as it was.
     */
    private static boolean countChanges(Dataset<Row> compared, RunSummary summary) {
        Row counts = compared.agg(
                        count(when(col(ADDED), 1)).as(ADDED),
                        count(when(col(REPLACED), 1)).as(REPLACED),
                        count(when(col(DROPPED), 1)).as(DROPPED),
                        count(when(col(REANNOTATED), 1)).as(REANNOTATED),
                        count(when(col(KEPT), 1)).as(KEPT))
                .first();
        summary.put("documents_added", "documents added", counts.getLong(counts.fieldIndex(ADDED)));
        summary.put("documents_replaced", "documents replaced", counts.getLong(counts.fieldIndex(REPLACED)));
        summary.put("documents_dropped", "documents dropped", counts.getLong(counts.fieldIndex(DROPPED)));
        long reannotated = counts.getLong(counts.fieldIndex(REANNOTATED));
        summary.put("documents_reannotated", "old docs re-annotated", reannotated);
        summary.put("documents_kept", "documents kept", counts.getLong(counts.fieldIndex(KEPT)));
        if (reannotated > 0) {
            summary.note(reannotated + " old documents annotated again: their cleaned text changed because lines "
                    + "became (or stopped being) boilerplate repeated across the grown corpus");
        }
        return counts.getLong(counts.fieldIndex(REPLACED)) + counts.getLong(counts.fieldIndex(DROPPED)) + reannotated
                == 0;
    }

    /** The documents that need the NLP pass: those whose annotations cannot be kept. */
    Dataset<Row> toAnnotate(Dataset<Row> documents) {
        // Joined by column name: keptIds comes from these documents, so their doc_id columns are one column.
        return documents.join(keptIds, Columns.DOC_ID, "left_anti");
    }

    /**
     * Writes {@code sentences}, {@code tokens} or {@code state/unlinked_mentions}: the kept documents' earlier rows
     * and the new ones. When every earlier document is kept, the earlier files are shared with the run before and
     * only the new rows written.
     */
    long write(TableStore tables, Table table, Dataset<Row> annotatedNow) {
        if (keepsAll) {
            return tables.writeAdding(table, annotatedNow);
        }
        Dataset<Row> previous = switch (table) {
            case SENTENCES -> previousSentences;
            case TOKENS -> previousTokens;
            case STATE_UNLINKED_MENTIONS -> previousMentions;
            default -> throw new IllegalArgumentException("not a table annotate keeps rows of: " + table);
        };
        return tables.write(table, kept(previous).unionByName(annotatedNow));
    }

    /**
     * Kept documents whose mentions now resolve to another name than before: a short form that a new article
     * links to a full name (or that became ambiguous). Counted into documents_relinked.
     */
    void countRelinked(Dataset<Row> mentions, RunSummary summary) {
        long relinked = fingerprints(kept(previousLinked), BEFORE)
                // left: when every earlier document is kept, kept() does not filter, and the new ones only come now
                .join(fingerprints(kept(mentions), NOW), Columns.DOC_ID, "left")
                .where(not(col(BEFORE).eqNullSafe(col(NOW))))
                .count();
        summary.put("documents_relinked", "old docs relinked", relinked);
        if (relinked > 0) {
            summary.note(relinked + " old documents had a mention linked to another name: a short name or acronym "
                    + "now resolves to a full name found in the grown corpus (or no longer does)");
        }
    }

    private static final String BEFORE = "before";
    private static final String NOW = "now";

    /**
     * One row per document: doc_id and a fingerprint of its mentions' (begin, end, name), a 64-bit hash of each
     * summed in its two 32-bit halves (so the sums cannot overflow and the rows' order does not matter), with
     * their number. Comparing one row a document, instead of every mention of both runs, spares shuffling the
     * mentions; two different sets of mentions agree by chance about once in 2^64.
     */
    private static Dataset<Row> fingerprints(Dataset<Row> mentions, String as) {
        Column hash = xxhash64(col(Columns.BEGIN), col(Columns.END), col(Columns.NAME));
        return mentions.groupBy(Columns.DOC_ID)
                .agg(struct(sum(hash.bitwiseAND(lit(0xFFFFFFFFL))), sum(shiftrightunsigned(hash, 32)), count(lit(1)))
                        .as(as));
    }

    void release() {
        keptIds.unpersist();
    }

    private Dataset<Row> kept(Dataset<Row> rows) {
        return keepsAll ? rows : rows.join(keptIds, Columns.DOC_ID, "left_semi");
    }
}
