package org.newslens.terms;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.newslens.io.Columns;
import org.newslens.io.GroupedRows;
import org.newslens.io.SparkOrder;

/**
 * The best k rows of each run of consecutive rows of one document in a partition of (doc_id, term, tf_idf),
 * ranked as doc_keywords ranks them: tf_idf descending, then term. A document whose rows come together gives
 * its final top k; one whose rows are split over several runs or tasks gives one list per run, and its overall
 * top k is among them. doc_terms is made document by document, so nearly every document comes as one run, and
 * the ranking then sorts about k rows per document instead of every term of it.
 */
final class KeywordCandidates extends GroupedRows {
    private final int k;
    private final int docAt;
    private final Comparator<Row> worstFirst;

    KeywordCandidates(Iterator<Row> rows, int k, int docAt, int termAt, int scoreAt) {
        super(rows);
        this.k = k;
        this.docAt = docAt;
        // Terms compare as Spark sorts strings (by their UTF-8 bytes), not as String.compareTo (UTF-16 units).
        this.worstFirst = Comparator.<Row>comparingDouble(r -> r.getDouble(scoreAt))
                .thenComparing(r -> r.getString(termAt), SparkOrder.STRINGS.reversed());
    }

    /** Over rows of (at least) doc_id, term and tf_idf. */
    static KeywordCandidates of(Iterator<Row> rows, int k, StructType schema) {
        return new KeywordCandidates(
                rows,
                k,
                schema.fieldIndex(Columns.DOC_ID),
                schema.fieldIndex(Columns.TERM),
                schema.fieldIndex(Columns.TF_IDF));
    }

    @Override
    protected void readGroup(List<Row> out) {
        String docId = peek().getString(docAt);
        // The queue's head is the worst row kept, dropped whenever more than k are held.
        PriorityQueue<Row> best = new PriorityQueue<>(worstFirst);
        while (peek() != null && docId.equals(peek().getString(docAt))) {
            best.add(take());
            if (best.size() > k) {
                best.poll();
            }
        }
        out.addAll(best);
    }
}
