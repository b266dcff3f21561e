package org.newslens.terms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.newslens.io.Columns;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.Job;
import org.newslens.pipeline.JobContext;
import org.newslens.pipeline.NoDocuments;
import org.newslens.text.StopWords;

/**
 * Term statistics from the sentences' term arrays: term_stats, doc_terms, doc_keywords and collocations.
 * Stop words are left out of every table but count as tokens (and as middle words of trigrams).
 */
public final class TermsJob implements Job {
    private static final StructType NGRAM_ROW = new StructType()
            .add(Columns.DOC_ID, DataTypes.StringType)
            .add(Columns.NGRAM, DataTypes.StringType)
            .add(Columns.N, DataTypes.IntegerType)
            .add("candidate", DataTypes.BooleanType);

    @Override
    public String name() {
        return "terms";
    }

    @Override
    public List<Table> inputs() {
        return List.of(Table.DOCUMENTS, Table.SENTENCES);
    }

    @Override
    public List<Table> outputs() {
        return List.of(Table.TERM_STATS, Table.DOC_TERMS, Table.DOC_KEYWORDS, Table.COLLOCATIONS);
    }

    @Override
    public void run(JobContext context) {
        TableStore tables = context.tables();
        long documents = tables.read(Table.DOCUMENTS, name()).count();
        if (documents == 0) {
            NoDocuments.writeEmptyTables(this, context);
            return;
        }
        Dataset<Row> sentences = tables.read(Table.SENTENCES, name()).select(Columns.DOC_ID, Columns.TERMS);

        Dataset<Row> termCounts = termCountsPerDocument(sentences).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> termStats = termStats(termCounts, documents);
            long vocabulary = tables.write(Table.TERM_STATS, termStats);
            Dataset<Row> docTerms = docTerms(termCounts, tables.read(Table.TERM_STATS, name()));
            tables.write(Table.DOC_TERMS, docTerms);
            tables.write(
                    Table.DOC_KEYWORDS,
                    keywords(
                            tables.read(Table.DOC_TERMS, name()),
                            context.settings().get(TermsSettings.KEYWORDS)));
            Dataset<Row> ngrams = ngramCounts(sentences).persist(StorageLevel.MEMORY_AND_DISK());
            long collocations = tables.write(
                    Table.COLLOCATIONS,
                    collocations(ngrams, termCounts, context.settings().get(TermsSettings.COLLOCATION_MIN_COUNT)));
            ngrams.unpersist();
            context.summary().put("vocabulary", vocabulary);
            context.summary().put("collocations", collocations);
        } finally {
            termCounts.unpersist();
        }
    }

    /** (doc_id, term, tf) for every term of every document, stop words included. */
    static Dataset<Row> termCountsPerDocument(Dataset<Row> sentences) {
        return sentences
                .select(col(Columns.DOC_ID), explode(col(Columns.TERMS)).as(Columns.TERM))
                .where(col(Columns.TERM).isNotNull())
                .groupBy(Columns.DOC_ID, Columns.TERM)
                .agg(count(lit(1)).cast("int").as(Columns.TF));
    }

    private static Column isStopTerm(Column term) {
        return term.isin(StopWords.all().toArray());
    }

    /** cf, df and smoothed idf = ln((1 + N) / (1 + df)) + 1 of every non-stop term. */
    static Dataset<Row> termStats(Dataset<Row> termCounts, long documents) {
        return termCounts
                .where(not(isStopTerm(col(Columns.TERM))))
                .groupBy(Columns.TERM)
                .agg(sum(Columns.TF).cast("long").as(Columns.CF), count(lit(1)).as(Columns.DF))
                .withColumn(
                        Columns.IDF,
                        log(lit(1.0 + documents).divide(col(Columns.DF).plus(1)))
                                .plus(1.0));
    }

    static Dataset<Row> docTerms(Dataset<Row> termCounts, Dataset<Row> termStats) {
        return termCounts
                .join(termStats.select(Columns.TERM, Columns.IDF), Columns.TERM)
                .withColumn(Columns.TF_IDF, col(Columns.TF).multiply(col(Columns.IDF)));
    }

    /** The top-k terms of each document by tf-idf; ties go to the alphabetically first term. */
    static Dataset<Row> keywords(Dataset<Row> docTerms, int k) {
        return docTerms.withColumn(
                        Columns.RANK,
                        row_number()
                                .over(Window.partitionBy(Columns.DOC_ID)
                                        .orderBy(
                                                col(Columns.TF_IDF).desc(),
                                                col(Columns.TERM).asc())))
                .where(col(Columns.RANK).leq(k))
                .select(
                        col(Columns.DOC_ID),
                        col(Columns.RANK),
                        col(Columns.TERM),
                        col(Columns.TF_IDF).as(Columns.SCORE));
    }

    /** (ngram, n, candidate, count, df) of the n-grams {@link NgramExtractor} gives; df only for candidates. */
    static Dataset<Row> ngramCounts(Dataset<Row> sentences) {
        int docIdAt = sentences.schema().fieldIndex(Columns.DOC_ID);
        int termsAt = sentences.schema().fieldIndex(Columns.TERMS);
        return sentences
                .flatMap(
                        (FlatMapFunction<Row, Row>) sentence -> ngramRows(sentence, docIdAt, termsAt),
                        Encoders.row(NGRAM_ROW))
                .groupBy(Columns.DOC_ID, Columns.NGRAM, Columns.N, "candidate")
                .agg(count(lit(1)).as(Columns.COUNT))
                .groupBy(Columns.NGRAM, Columns.N, "candidate")
                .agg(
                        sum(Columns.COUNT).cast("long").as(Columns.COUNT),
                        count(lit(1)).as(Columns.DF));
    }

    /** Candidate n-grams seen at least minCount times, with count, df, PMI and log-likelihood. */
    static Dataset<Row> collocations(Dataset<Row> ngramCounts, Dataset<Row> termCounts, int minCount) {
        Dataset<Row> unigrams = termCounts
                .groupBy(Columns.TERM)
                .agg(sum(Columns.TF).cast("long").as(Columns.COUNT));
        Long total = unigrams.agg(sum(Columns.COUNT).as("tokens")).first().getAs("tokens");
        long tokens = total == null ? 0 : total; // null: no document has a term
        Dataset<Row> prefixes = ngramCounts
                .where(col(Columns.N).equalTo(2))
                .select(col(Columns.NGRAM).as("prefix"), col(Columns.COUNT).as("prefix_count"));
        Dataset<Row> candidates = ngramCounts
                .where(col("candidate").and(col(Columns.COUNT).geq(minCount)))
                .withColumn("words", split(col(Columns.NGRAM), " "))
                .withColumn("w1", col("words").getItem(0))
                .withColumn("w2", col("words").getItem(1))
                // A bigram has no third word: get() gives null where getItem() fails under ANSI mode.
                .withColumn("w3", get(col("words"), lit(2)))
                .withColumn("prefix", concat_ws(" ", col("w1"), col("w2")));
        Dataset<Row> withCounts = candidates
                .join(unigrams.toDF("w1", "c1"), "w1")
                .join(unigrams.toDF("w2", "c2"), "w2")
                .join(unigrams.toDF("w3_term", "c3"), col("w3").equalTo(col("w3_term")), "left")
                .join(prefixes, "prefix")
                .select(Columns.NGRAM, Columns.N, Columns.COUNT, Columns.DF, "c1", "c2", "c3", "prefix_count");
        return score(withCounts, tokens);
    }

    private static java.util.Iterator<Row> ngramRows(Row sentence, int docIdAt, int termsAt) {
        String docId = sentence.getString(docIdAt);
        List<String> terms = sentence.getList(termsAt);
        List<Row> rows = new ArrayList<>();
        for (NgramExtractor.Ngram gram : NgramExtractor.extract(terms)) {
            // Only candidates need a document frequency; the other bigrams are counted across documents
            // (doc_id null), which lets the partial aggregation fold them before the shuffle.
            rows.add(RowFactory.create(gram.candidate() ? docId : null, gram.text(), gram.n(), gram.candidate()));
        }
        return rows.iterator();
    }

    private static Dataset<Row> score(Dataset<Row> counted, long tokens) {
        StructType schema = Table.COLLOCATIONS.schema();
        StructType in = counted.schema();
        int ngramAt = in.fieldIndex(Columns.NGRAM);
        int nAt = in.fieldIndex(Columns.N);
        int countAt = in.fieldIndex(Columns.COUNT);
        int dfAt = in.fieldIndex(Columns.DF);
        int c1At = in.fieldIndex("c1");
        int c2At = in.fieldIndex("c2");
        int c3At = in.fieldIndex("c3");
        int prefixCountAt = in.fieldIndex("prefix_count");
        return counted.map(
                (MapFunction<Row, Row>) row -> {
                    int n = row.getInt(nAt);
                    long count = row.getLong(countAt);
                    long c1 = row.getLong(c1At);
                    long c2 = row.getLong(c2At);
                    CollocationScorer.Scores scores = n == 2
                            ? CollocationScorer.bigram(count, c1, c2, tokens)
                            : CollocationScorer.trigram(
                                    count, c1, c2, row.getLong(c3At), row.getLong(prefixCountAt), tokens);
                    return RowFactory.create(
                            row.getString(ngramAt), n, count, row.getLong(dfAt), scores.pmi(), scores.llr());
                },
                Encoders.row(schema));
    }
}
