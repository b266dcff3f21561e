package org.newslens.terms;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.newslens.io.Columns;
import org.newslens.io.JobLabels;
import org.newslens.io.KeyHashes;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.Job;
import org.newslens.pipeline.JobContext;
import org.newslens.pipeline.NoDocuments;
import org.newslens.text.StopWords;

/**
 * Term statistics from the sentences' term arrays: term_stats, doc_terms, doc_keywords and collocations.
 * Stop words are left out of every table but count as tokens (and as middle words of trigrams).
 *
 * <p>One pass over the sentences, grouped by document, counts each document's terms and n-grams
 * ({@link CountingPartition}); every table derives from those counts, held in memory (or spilled to disk) for
 * the stage rather than written and read back. The corpus counts are kept in {@code state/term_counts}: an append
 * run counts only its new and changed documents and adds them to those ({@link StoredCounts}).
 */
public final class TermsJob implements Job {
    /** Most terms whose idf is sent to every task for doc_terms (some tens of bytes each in the broadcast). */
    static final long BROADCAST_IDF_TERMS = 1_000_000;

    private static final String IDF_TERM = "idf_term";

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
        return List.of(
                Table.TERM_STATS,
                Table.DOC_TERMS,
                Table.DOC_KEYWORDS,
                Table.COLLOCATIONS,
                Table.STATE_TERM_COUNTS,
                Table.STATE_TERM_COUNTS_DOCUMENTS);
    }

    @Override
    public void run(JobContext context) {
        TableStore tables = context.tables();
        Dataset<Row> documents = tables.read(Table.DOCUMENTS, name()).select(Columns.DOC_ID, Columns.CONTENT_SHA);
        long documentCount = documents.count();
        if (documentCount == 0) {
            NoDocuments.writeEmptyTables(this, context);
            return;
        }
        String stageLabel = JobLabels.currentStep(context.spark());
        // An append brings the stored counts up to date and counts only the documents they do not hold.
        Optional<StoredCounts> stored = context.append().isPresent()
                ? StoredCounts.plan(tables, documents, context.summary())
                : Optional.empty();
        JobLabels.step(context.spark(), "terms: count terms and n-grams per document");
        Dataset<Row> counts = countPerDocument(stored.map(s -> s.toCount(tables, name()))
                        .orElseGet(() -> tables.read(Table.SENTENCES, name()).select(Columns.DOC_ID, Columns.TERMS)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> partialSums = partialSums(counts);
        Dataset<Row> corpus = sumPerGram(
                        stored.map(s -> s.withStored(partialSums)).orElse(partialSums))
                .persist(StorageLevel.MEMORY_AND_DISK());
        // In an append most term frequencies come from the stored doc_terms.
        Dataset<Row> frequencies = stored.map(s -> s.keptTermFrequencies().unionByName(termFrequencies(counts)))
                .orElseGet(() -> termFrequencies(counts));
        try {
            corpus.count(); // fills both caches here, so the writes below read as the small steps they are
            Dataset<Row> termStats = termStats(corpus, documentCount);
            long vocabulary = tables.write(Table.TERM_STATS, termStats);
            int k = context.settings().get(TermsSettings.KEYWORDS);
            Optional<StoredCandidates> storedCandidates =
                    writeDocTerms(context, stored, frequencies, counts, termStats, vocabulary, k);
            try {
                // The stored documents' candidates came from rewriting their doc_terms rows; otherwise they are ranked
                // from the rows just written: three columns of Parquet read back cost less than holding every
                // document's term frequencies in memory for a second pass.
                Dataset<Row> keywords = storedCandidates
                        .map(c -> ranked(c.withNewDocuments(k), k))
                        .orElseGet(() -> keywords(tables.read(Table.DOC_TERMS, name()), k));
                tables.write(Table.DOC_KEYWORDS, keywords);
            } finally {
                storedCandidates.ifPresent(StoredCandidates::release);
            }
            long collocations = tables.write(
                    Table.COLLOCATIONS,
                    collocations(corpus, context.settings().get(TermsSettings.COLLOCATION_MIN_COUNT)));
            tables.write(Table.STATE_TERM_COUNTS, corpus);
            tables.write(Table.STATE_TERM_COUNTS_DOCUMENTS, documents);
            context.summary().put("vocabulary", vocabulary);
            context.summary().put("collocations", collocations);
        } finally {
            JobLabels.step(context.spark(), stageLabel);
            corpus.unpersist();
            counts.unpersist();
            stored.ifPresent(StoredCounts::release);
        }
    }

    /**
     * The stored documents' keyword candidates, kept with the idf their rewrite used until both are released, and the
     * doc_terms rows the append added for its new documents.
     */
    private record StoredCandidates(Dataset<Row> rows, Broadcast<Map<String, Double>> idf, Dataset<Row> added) {
        /** The stored documents' candidates and those of the new documents' rows. */
        Dataset<Row> withNewDocuments(int k) {
            return rows.unionByName(candidates(added, k));
        }

        void release() {
            rows.unpersist();
            idf.destroy();
        }
    }

    /**
     * Writes doc_terms. When an append keeps every stored document, their rows are the run before's with a new tf_idf
     * ({@link TfIdfRewrite}), and only the counted documents' rows go through Spark; the stored documents' keyword
     * candidates, gathered on the way, are returned for the caller to release.
     */
    private Optional<StoredCandidates> writeDocTerms(
            JobContext context,
            Optional<StoredCounts> stored,
            Dataset<Row> frequencies,
            Dataset<Row> counts,
            Dataset<Row> termStats,
            long vocabulary,
            int keywords) {
        TableStore tables = context.tables();
        if (stored.isEmpty() || !stored.get().keepsEveryDocument() || vocabulary > BROADCAST_IDF_TERMS) {
            tables.write(Table.DOC_TERMS, docTerms(frequencies, termStats, vocabulary));
            return Optional.empty();
        }
        Dataset<Row> added = docTerms(termFrequencies(counts), termStats, vocabulary);
        Map<String, Double> idf = new HashMap<>();
        tables.read(Table.TERM_STATS, name())
                .select(Columns.TERM, Columns.IDF)
                .collectAsList()
                .forEach(row -> idf.put(row.getString(0), row.getDouble(1)));
        Broadcast<Map<String, Double>> shared = JavaSparkContext.fromSparkContext(
                        context.spark().sparkContext())
                .broadcast(idf);
        Optional<Dataset<Row>> given;
        try {
            given = tables.writeAddingRewritten(
                            Table.DOC_TERMS,
                            added,
                            new TfIdfRewrite(shared, keywords),
                            () -> docTerms(frequencies, termStats, vocabulary))
                    .given();
        } catch (RuntimeException e) {
            shared.destroy();
            throw e;
        }
        if (given.isEmpty()) { // written whole
            shared.destroy();
            return Optional.empty();
        }
        // Destroyed only with the candidates: their tasks carry the rewrite, and so the broadcast, in their lineage.
        return Optional.of(new StoredCandidates(given.get(), shared, added));
    }

    /**
     * Counts each document once: its sentences go to one task (partitioned and sorted by document), which
     * gives the rows of {@link CountingPartition#SCHEMA}: (doc_id, term, tf) of the documents' content terms,
     * and partial corpus sums (doc_id null) of every term and n-gram.
     */
    static Dataset<Row> countPerDocument(Dataset<Row> sentences) {
        return sentences
                .repartition(col(Columns.DOC_ID))
                .sortWithinPartitions(Columns.DOC_ID)
                .mapPartitions(
                        new CountingPartition(sentences.schema(), CountingPartition.FLUSH_AT),
                        Encoders.row(CountingPartition.SCHEMA));
    }

    /** The partial corpus sums of {@link #countPerDocument}: (ngram, n, candidate, count, df), not yet one per gram. */
    static Dataset<Row> partialSums(Dataset<Row> counts) {
        return counts.where(col(Columns.DOC_ID).isNull())
                .select(Columns.NGRAM, Columns.N, Columns.CANDIDATE, Columns.COUNT, Columns.DF);
    }

    /** (doc_id, term, tf) of every counted document's content terms. */
    static Dataset<Row> termFrequencies(Dataset<Row> counts) {
        return counts.where(col(Columns.DOC_ID).isNotNull())
                .select(
                        col(Columns.DOC_ID),
                        col(Columns.NGRAM).as(Columns.TERM),
                        col(Columns.COUNT).cast("int").as(Columns.TF));
    }

    /**
     * (ngram, n, candidate, count, df) of every term (n = 1, stop words included) and every n-gram
     * {@link NgramExtractor} gives: occurrences in the corpus and documents they occur in. A gram whose
     * occurrences were all taken away (an append dropping documents) is left out, as a full count would.
     */
    static Dataset<Row> sumPerGram(Dataset<Row> partialSums) {
        return partialSums
                .groupBy(Columns.NGRAM, Columns.N, Columns.CANDIDATE)
                .agg(sum(Columns.COUNT).as(Columns.COUNT), sum(Columns.DF).as(Columns.DF))
                .where(col(Columns.COUNT).gt(0));
    }

    private static Column isStopTerm(Column term) {
        return term.isin(StopWords.all().toArray());
    }

    /** cf, df and smoothed idf = ln((1 + N) / (1 + df)) + 1 of every non-stop term. */
    static Dataset<Row> termStats(Dataset<Row> corpusCounts, long documents) {
        return corpusCounts
                .where(col(Columns.N).equalTo(1).and(not(isStopTerm(col(Columns.NGRAM)))))
                .select(col(Columns.NGRAM).as(Columns.TERM), col(Columns.COUNT).as(Columns.CF), col(Columns.DF))
                .withColumn(
                        Columns.IDF,
                        log(lit(1.0 + documents).divide(col(Columns.DF).plus(1)))
                                .plus(1.0));
    }

    /**
     * (doc_id, term, tf, tf_idf) of every document's content terms, from their (doc_id, term, tf). Up to
     * {@link #BROADCAST_IDF_TERMS} terms (and unless the user turned broadcast joins off), every task gets the whole
     * idf map: the term frequencies are not shuffled by term for the join, and doc_terms keeps each document's
     * rows together (see {@link KeywordCandidates}).
     */
    static Dataset<Row> docTerms(Dataset<Row> termFrequencies, Dataset<Row> termStats, long vocabulary) {
        return docTerms(termFrequencies, termStats, vocabulary, KeyHashes.of(col(Columns.TERM)));
    }

    /** {@link #docTerms(Dataset, Dataset, long)} with the terms hashed by {@code termHash} (of the term column). */
    static Dataset<Row> docTerms(
            Dataset<Row> termFrequencies, Dataset<Row> termStats, long vocabulary, Column termHash) {
        Dataset<Row> idf = termStats.select(Columns.TERM, Columns.IDF);
        boolean broadcastIdf =
                vocabulary <= BROADCAST_IDF_TERMS && SQLConf.get().autoBroadcastJoinThreshold() >= 0;
        if (!broadcastIdf || !KeyHashes.distinct(idf, termHash)) {
            return termFrequencies
                    .join(broadcastIdf ? broadcast(idf) : idf, Columns.TERM)
                    .withColumn(Columns.TF_IDF, col(Columns.TF).multiply(col(Columns.IDF)));
        }
        // Every document term is in term_stats (both count the same content terms), so the join on the terms'
        // hashes finds each its own term; a term that is not there and shares a hash with one that is fails here.
        // The check is in the projection: as a filter, Spark would move it into the join as a second, string key.
        Dataset<Row> idfByHash =
                idf.select(termHash.as(KeyHashes.HASH), col(Columns.TERM).as(IDF_TERM), col(Columns.IDF));
        return termFrequencies
                .withColumn(KeyHashes.HASH, termHash)
                .join(broadcast(idfByHash), KeyHashes.HASH)
                .select(
                        col(Columns.TERM),
                        col(Columns.DOC_ID),
                        col(Columns.TF),
                        col(Columns.IDF),
                        when(
                                        col(Columns.TERM).equalTo(col(IDF_TERM)),
                                        col(Columns.TF).multiply(col(Columns.IDF)))
                                .otherwise(raise_error(concat(
                                        lit("terms: the document term '"),
                                        col(Columns.TERM),
                                        lit("' is not in term_stats but hashes like '"),
                                        col(IDF_TERM),
                                        lit("'"))))
                                .as(Columns.TF_IDF));
    }

    /**
     * The top-k terms of each document by tf-idf; ties go to the alphabetically first term. Each task first keeps
     * its {@link KeywordCandidates}, so only those are shuffled and sorted for the ranking.
     */
    static Dataset<Row> keywords(Dataset<Row> docTerms, int k) {
        return ranked(candidates(docTerms, k), k);
    }

    /** (doc_id, term, tf_idf) of each task's {@link KeywordCandidates} of the rows of doc_terms. */
    static Dataset<Row> candidates(Dataset<Row> docTerms, int k) {
        Dataset<Row> scored = docTerms.select(Columns.DOC_ID, Columns.TERM, Columns.TF_IDF);
        StructType schema = scored.schema();
        return scored.mapPartitions(
                (MapPartitionsFunction<Row, Row>) rows -> KeywordCandidates.of(rows, k, schema), Encoders.row(schema));
    }

    /** The doc_keywords rows: the best k of each document's candidates (doc_id, term, tf_idf). */
    static Dataset<Row> ranked(Dataset<Row> candidates, int k) {
        return candidates
                .withColumn(
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

    /** Candidate n-grams seen at least minCount times, with count, df, PMI and log-likelihood. */
    static Dataset<Row> collocations(Dataset<Row> corpusCounts, int minCount) {
        Dataset<Row> unigrams = corpusCounts
                .where(col(Columns.N).equalTo(1))
                .select(col(Columns.NGRAM).as(Columns.TERM), col(Columns.COUNT));
        Long total = unigrams.agg(sum(Columns.COUNT).as("tokens")).first().getAs("tokens");
        long tokens = total == null ? 0 : total; // null: no document has a term
        Dataset<Row> prefixes = corpusCounts
                .where(col(Columns.N).equalTo(2))
                .select(col(Columns.NGRAM).as("prefix"), col(Columns.COUNT).as("prefix_count"));
        Dataset<Row> candidates = corpusCounts
                .where(col(Columns.CANDIDATE).and(col(Columns.COUNT).geq(minCount)))
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
