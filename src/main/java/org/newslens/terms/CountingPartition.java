package org.newslens.terms;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.io.Columns;
import org.newslens.io.GroupedRows;
import org.newslens.terms.NgramExtractor.Ngram;
import org.newslens.text.StopWords;

/**
 * The Spark side of the counting pass: reads a partition's sentences, whose documents are each whole and
 * contiguous (the caller partitions and sorts them by document), counts each document once ({@link
 * DocumentCounts}) and gives two kinds of rows: the document's content terms with their tf ({@code doc_id}
 * set, for doc_terms), and the task's partial corpus sums of every term and n-gram ({@code doc_id} null, see
 * {@link CorpusCounts}), emptied whenever they hold {@code flushAt} grams, so a task's memory stays bounded.
 */
final class CountingPartition implements MapPartitionsFunction<Row, Row> {
    /** Column of the partial rows: documents the gram occurs in (1 on a document's own rows). */
    static final StructType SCHEMA = new StructType()
            .add(Columns.DOC_ID, DataTypes.StringType, true)
            .add(Columns.NGRAM, DataTypes.StringType, false)
            .add(Columns.N, DataTypes.IntegerType, false)
            .add(Columns.CANDIDATE, DataTypes.BooleanType, false)
            .add(Columns.COUNT, DataTypes.LongType, false)
            .add(Columns.DF, DataTypes.LongType, false);

    /** Distinct grams a task sums before handing them on: some tens of MB of heap. */
    static final int FLUSH_AT = 200_000;

    private final int docIdAt;
    private final int termsAt;
    private final int flushAt;

    CountingPartition(StructType sentences, int flushAt) {
        this.docIdAt = sentences.fieldIndex(Columns.DOC_ID);
        this.termsAt = sentences.fieldIndex(Columns.TERMS);
        this.flushAt = flushAt;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> sentences) {
        return new GroupedRows(sentences) {
            private final CorpusCounts corpus = new CorpusCounts();

            @Override
            protected void readGroup(List<Row> out) {
                String docId = peek().getString(docIdAt);
                DocumentCounts document = new DocumentCounts();
                while (peek() != null && docId.equals(peek().getString(docIdAt))) {
                    List<String> terms = take().getList(termsAt);
                    if (terms != null) {
                        document.addSentence(terms);
                    }
                }
                document.terms().forEach((term, tf) -> {
                    if (!StopWords.isStopTerm(term)) {
                        out.add(RowFactory.create(docId, term, 1, false, (long) tf, 1L));
                    }
                });
                corpus.add(document);
                if (corpus.size() >= flushAt) {
                    drain(out);
                }
            }

            @Override
            protected void finish(List<Row> out) {
                drain(out);
            }

            private void drain(List<Row> out) {
                corpus.drain((Ngram gram, CorpusCounts.Totals totals) -> out.add(RowFactory.create(
                        null, gram.text(), gram.n(), gram.candidate(), totals.count(), totals.documents())));
            }
        };
    }
}
