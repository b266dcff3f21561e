package org.newslens.topics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.newslens.config.CoreSettings;
import org.newslens.config.Settings;
import org.newslens.io.Columns;
import org.newslens.io.DocumentText;
import org.newslens.io.JobLabels;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.Job;
import org.newslens.pipeline.JobContext;
import org.newslens.pipeline.NoDocuments;
import org.newslens.pipeline.RunSummary;
import org.newslens.topics.model.Coherence;
import org.newslens.topics.model.FittedModels;
import org.newslens.topics.model.KChoice;
import org.newslens.topics.model.Nmf;
import org.newslens.topics.model.Silhouette;
import org.newslens.topics.model.SparseDoc;
import org.newslens.topics.model.SphericalKMeans;
import org.newslens.topics.model.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topics, document clusters, near-duplicates, topics over time and their quality figures.
 *
 * <p>Flow: sentence term arrays → per-document content-term counts (plus chosen collocations) → vocabulary
 * (document-frequency limits, capped size, alphabetical indices) → sublinear tf-idf L2 vectors → a seeded
 * sample of at most {@code topics.fit-docs} non-duplicate documents, fitted in the driver with spherical
 * k-means (k-means++ restarts) and NMF seeded from its centroids → every document scored on the executors
 * with the broadcast model. Fitting in plain Java on a sample sorted by doc_id is what makes the tables
 * identical on every run (see topics.md: MLlib's online LDA is not, because its mini-batches, vocabulary order
 * and aggregation order depend on partitioning and task timing).
 */
public final class TopicsJob implements Job {
    /** The summary figure that says how this run searched for near-duplicates (kept in the run history). */
    static final String DUPLICATE_SEARCH = "duplicate_search";

    private static final Logger LOG = LoggerFactory.getLogger(TopicsJob.class);
    static final String CLUSTER_MODEL = "clusters";
    private static final int LABEL_TERMS = 3;
    private static final int CLUSTER_LABEL_TERMS = 4;
    /**
     * Coherence window counts are kept for each cluster's top terms down to this many times the terms shown, so
     * that an append whose cluster labels move a little still finds the counts it needs in the stored ones.
     */
    private static final int COHERENCE_RANKS = 2;

    @Override
    public String name() {
        return "topics";
    }

    @Override
    public List<Table> inputs() {
        return List.of(Table.DOCUMENTS, Table.SENTENCES);
    }

    @Override
    public List<Table> outputs() {
        return List.of(
                Table.DUPLICATES,
                Table.TOPICS,
                Table.DOC_TOPICS,
                Table.CLUSTERS,
                Table.TOPIC_TRENDS,
                Table.TOPIC_METRICS,
                Table.TOPIC_MODEL,
                Table.TOPIC_VOCABULARY,
                Table.TOPIC_MODEL_INFO,
                Table.STATE_DUPLICATE_SIGNATURES,
                Table.STATE_TOPIC_SCORES,
                Table.STATE_TOPIC_CLUSTER_TERMS,
                Table.STATE_TOPIC_COHERENCE_COUNTS);
    }

    /**
     * A fit counts the top collocations as terms when the collocations table is there; an append that keeps the
     * stored model counts the model's own (without a stored model to keep, it fits, and the read waits for terms).
     */
    @Override
    public List<Table> optionalInputs(Settings settings) {
        boolean fits = !TopicsSettings.keepsStoredModel(settings);
        return fits && settings.get(TopicsSettings.COLLOCATIONS) > 0 ? List.of(Table.COLLOCATIONS) : List.of();
    }

    /** An append that keeps the stored model needs one, fitted with the settings asked for ({@link AppendCheck}). */
    @Override
    public void validate(Settings settings) {
        AppendCheck.check(settings);
    }

    /**
     * The fit runs in the driver: its sample, vocabulary and factors must fit there ({@link FitMemory}). An append
     * that keeps the stored model gathers no fit sample, however large the corpus it adds to.
     */
    @Override
    public long driverBytes(Settings settings, long corpusBytes) {
        return FitMemory.driverBytes(settings, TopicsSettings.keepsStoredModel(settings) ? 0 : corpusBytes);
    }

    @Override
    public String driverBytesDrivenBy(Settings settings) {
        return FitMemory.describe(settings);
    }

    @Override
    public void run(JobContext context) {
        Settings settings = context.settings();
        int requestedK = TopicsSettings.requestedK(settings);
        SparkSession spark = context.spark();
        TableStore tables = context.tables();
        RunSummary summary = context.summary();
        stageSummary = summary;
        stageStart = System.nanoTime();
        long seed = settings.get(TopicsSettings.SEED);
        String topicModel = settings.get(TopicsSettings.MODEL);
        // The run's place in the output's history ("run 1" = the full run, "run 2" the append after it), not its
        // id: the same runs give the same tables.
        String runId =
                "run " + context.append().map(base -> base.history().size() + 1).orElse(1);
        // Read before this run writes its own copy: the model the current run stored, when appending.
        Optional<StoredModel> stored = CoreSettings.isAppend(settings) ? StoredModel.read(tables) : Optional.empty();
        boolean keep = TopicsSettings.keepsStoredModel(settings)
                && stored.isPresent()
                && stored.get().hasModel();
        if (keep) {
            AppendCheck.fail(StoredModel.differences(stored.get().info(), settings));
        }

        Dataset<Row> documentRows = tables.read(Table.DOCUMENTS, name())
                .select(Columns.DOC_ID, Columns.CONTENT_SHA, Columns.PUBLISHED)
                .persist(StorageLevel.MEMORY_AND_DISK());
        long documents = documentRows.count();
        if (documents == 0) {
            documentRows.unpersist();
            NoDocuments.writeEmptyTables(this, context);
            return;
        }
        DocumentSentences docs = new DocumentSentences(documentRows, tables, name());
        Optional<Dataset<Row>> storedScores = keep ? tables.readPrevious(Table.STATE_TOPIC_SCORES) : Optional.empty();
        // A kept model keeps its clusters' documents, so the stored per-cluster term counts and coherence window
        // counts can be brought up to date from the documents that changed: only those are read whole.
        Optional<Dataset<Row>> storedTermSums =
                storedScores.isPresent() ? tables.readPrevious(Table.STATE_TOPIC_CLUSTER_TERMS) : Optional.empty();
        // What the stored counts were made from: the previous run's documents and sentences.
        Optional<Dataset<Row>> previousDocuments = storedTermSums.isPresent()
                ? tables.readPrevious(Table.DOCUMENTS).map(d -> d.select(Columns.DOC_ID, Columns.CONTENT_SHA))
                : Optional.empty();
        Optional<Dataset<Row>> previousSentences =
                previousDocuments.isPresent() ? tables.readPrevious(Table.SENTENCES) : Optional.empty();
        boolean updateCounts = previousSentences.isPresent();
        // Scored again: documents new or changed since, and those that had no vocabulary term (never scored).
        Dataset<Row> fresh =
                updateCounts ? docs.keep(DocumentText.changedIds(documentRows, storedScores.get())) : docs.all();

        stage(spark, "topics: near-duplicates");
        NearDuplicates.Result found = NearDuplicates.find(
                docs,
                CoreSettings.isAppend(settings)
                        ? tables.readPrevious(Table.STATE_DUPLICATE_SIGNATURES)
                        : Optional.empty(),
                previousDuplicates(context),
                settings.get(TopicsSettings.DUPLICATE_SIMILARITY),
                settings.get(TopicsSettings.DUPLICATE_MAX_BUCKET),
                seed);
        long duplicateCount = tables.write(
                Table.DUPLICATES, NearDuplicates.withOutlets(found.duplicates(), tables.read(Table.DOCUMENTS, name())));
        if (found.storedAllReused()) {
            tables.writeAdding(Table.STATE_DUPLICATE_SIGNATURES, found.signedNow());
        } else {
            tables.write(Table.STATE_DUPLICATE_SIGNATURES, found.signatures());
        }
        found.release();
        summary.put(
                "duplicate_documents_signed",
                "documents shingled and signed",
                found.signatureReuse().made());
        summary.put(
                "duplicate_signatures_reused",
                "stored signatures reused",
                found.signatureReuse().reused());
        summary.put("near_duplicates", "near-duplicates", duplicateCount);
        summary.put("duplicate_lsh_bands", "duplicate LSH bands", found.bands().bands());
        summary.put("duplicate_lsh_rows", "duplicate LSH rows", found.bands().rows());
        summary.put(DUPLICATE_SEARCH, found.searchedAll() ? "all documents" : "new documents");
        summary.put("duplicate_candidates", found.candidatePairs());
        summary.put("duplicate_big_buckets", found.oversizedBuckets());
        // Small (one id per duplicate), so broadcast: the documents are never shuffled to leave them out.
        Dataset<Row> duplicateIds =
                broadcast(tables.read(Table.DUPLICATES, name()).select(Columns.DOC_ID));
        boolean leaveOut = settings.get(TopicsSettings.EXCLUDE_DUPLICATES) && duplicateCount > 0;

        stage(spark, "topics: term counts and vocabulary");
        // A kept model counts exactly the collocations of its vocabulary, whatever the collocations table says now.
        Set<String> collocations = keep
                ? stored.get().collocations()
                : collocations(tables, settings.get(TopicsSettings.COLLOCATIONS), summary);
        Dataset<Row> bags = TermVectors.bags(spark, fresh, collocations).persist(StorageLevel.MEMORY_AND_DISK());
        Vocabulary vocabulary;
        if (keep) {
            vocabulary = stored.get().vocabulary();
        } else {
            Dataset<Row> fitBags = leaveOut ? withoutDuplicates(bags, duplicateIds) : bags;
            long fitCorpus = fitBags.count();
            vocabulary = TermVectors.vocabulary(
                    fitBags,
                    fitCorpus,
                    settings.get(TopicsSettings.MIN_DF),
                    settings.get(TopicsSettings.MAX_DF),
                    settings.get(TopicsSettings.VOCAB_SIZE));
            LOG.info("Topics vocabulary: {} terms from {} documents", vocabulary.size(), fitCorpus);
        }
        summary.put("topic_vocabulary", vocabulary.size());

        Dataset<Row> vectors = TermVectors.vectors(spark, bags, vocabulary).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> fitVectors = leaveOut ? withoutDuplicates(vectors, duplicateIds) : vectors;

        List<Row> metrics = new ArrayList<>();
        FittedModels models;
        ModelIdentity.Ids ids;
        String fittedIn;
        if (keep) {
            StoredModel model = stored.get();
            models = model.models();
            ids = new ModelIdentity.Ids(
                    model.topics(),
                    model.clusters(),
                    model.topics().size(),
                    model.clusters().size());
            fittedIn = model.fittedIn();
            metrics.addAll(fitFigures(tables));
            summary.note("topics: append: new and changed documents scored with the topic model fitted in run "
                    + fittedIn + ", the others keep their scores (topic ids kept; --topics.refit fits anew)");
        } else {
            stage(spark, "topics: fitting sample");
            List<SparseDoc> sample = sample(fitVectors, settings.get(TopicsSettings.FIT_DOCS), seed);
            if (sample.isEmpty()) {
                writeWithoutModel(spark, tables, documentRows, summary, documents);
                docs.release();
                StoredModel.of(
                                vocabulary,
                                collocations,
                                null,
                                ModelIds.fresh(0, runId),
                                ModelIds.fresh(0, runId),
                                settings,
                                runId,
                                stored.map(StoredModel::lastTopicId).orElse(-1),
                                stored.map(StoredModel::lastClusterId).orElse(-1))
                        .write(tables, spark);
                return;
            }
            models = fit(sample, vocabulary, requestedK, settings, topicModel, metrics, summary);
            fittedIn = runId;
            if (stored.isPresent()) {
                ids = ModelIdentity.matched(
                        models, vocabulary, stored.get(), settings.get(TopicsSettings.MATCH_MIN_COSINE), runId);
                summary.note("topics: refit: " + ids.matchedTopics() + " of "
                        + ids.topics().size()
                        + " topics and " + ids.matchedClusters() + " of "
                        + ids.clusters().size()
                        + " clusters matched a stored one and kept its id; the others are new");
            } else {
                ids = ModelIdentity.fresh(models, runId);
            }
            metrics = withIds(metrics, ids);
        }
        int[] topicIds = ids.topics().ids();
        List<Integer> clusterIds = Arrays.stream(ids.clusters().ids()).boxed().toList();

        stage(spark, "topics: scoring documents");
        // A kept model keeps the scores it gave: only new and changed documents are scored.
        Dataset<Row> scores = Scoring.scoreKeeping(
                        documentRows,
                        vectors,
                        storedScores,
                        models,
                        ids.clusters().ids())
                .persist(StorageLevel.MEMORY_AND_DISK());
        DocumentText.Reuse scored = DocumentText.reuseOf(scores);
        summary.put("topic_documents_scored", "documents scored with the topic model", scored.made());
        summary.put("topic_scores_reused", "stored topic scores reused", scored.reused());
        List<List<String>> topicTerms = topicTerms(models.topics(), vocabulary, settings.get(TopicsSettings.TOP_TERMS));
        tables.write(
                Table.TOPICS,
                topicsTable(
                        spark,
                        topicModel,
                        models.topics(),
                        vocabulary,
                        settings.get(TopicsSettings.TOP_TERMS),
                        ids.topics(),
                        runId));
        long docTopicRows = tables.write(Table.DOC_TOPICS, Scoring.docTopics(scores, topicModel, topicIds));
        tables.write(Table.STATE_TOPIC_SCORES, Scoring.state(scores, documentRows));

        stage(spark, "topics: cluster labels");
        Dataset<Row> assignment = scores.select(Columns.DOC_ID, Columns.CLUSTER_ID, Columns.DISTANCE);
        Dataset<Row> gone = updateCounts
                ? goneDocuments(spark, documentRows, previousDocuments.get(), previousSentences.get())
                : null;
        Dataset<Row> termSums = ClusterLabels.termSums(bags, assignment, vocabulary, spark);
        if (updateCounts) {
            termSums = ClusterLabels.updatedTermSums(
                    storedTermSums.get(),
                    termSums,
                    ClusterLabels.termSums(
                            TermVectors.bags(spark, gone, collocations),
                            storedScores.get().join(gone, Columns.DOC_ID, "left_semi"),
                            vocabulary,
                            spark));
        }
        termSums = termSums.persist(StorageLevel.MEMORY_AND_DISK());
        tables.write(Table.STATE_TOPIC_CLUSTER_TERMS, termSums);
        int top = settings.get(TopicsSettings.TOP_TERMS);
        List<List<String>> clusterRanking = ClusterLabels.topTerms(termSums, clusterIds, COHERENCE_RANKS * top);
        List<List<String>> clusterTerms = clusterRanking.stream()
                .map(terms -> terms.subList(0, Math.min(top, terms.size())))
                .toList();
        termSums.unpersist();
        Dataset<Row> clusters = ClusterLabels.clustersTable(
                spark, documentRows, assignment, clusterIds, clusterTerms, CLUSTER_LABEL_TERMS);
        tables.write(Table.CLUSTERS, clusters);

        stage(spark, "topics: trends");
        long trendRows = tables.write(
                Table.TOPIC_TRENDS,
                TopicTrends.trends(
                        documentRows,
                        tables.read(Table.DOC_TOPICS, name()),
                        tables.read(Table.CLUSTERS, name()),
                        topicModel,
                        CLUSTER_MODEL,
                        settings.get(TopicsSettings.PERIOD)));

        stage(spark, "topics: NPMI coherence");
        List<List<String>> needed = new ArrayList<>(topicTerms);
        needed.addAll(clusterTerms);
        List<List<String>> counted = new ArrayList<>(topicTerms);
        counted.addAll(clusterRanking);
        CoherencePass.Counts coherence = CoherencePass.counts(
                needed,
                counted,
                docs::all,
                updateCounts
                        ? tables.readPrevious(Table.STATE_TOPIC_COHERENCE_COUNTS)
                                .map(storedCounts -> new CoherencePass.Update(
                                        storedCounts,
                                        docs.of(DocumentText.changedIds(documentRows, previousDocuments.get())),
                                        gone))
                        : Optional.empty());
        Map<String, Long> windowCounts = coherence.counts();
        summary.put(
                "topic_coherence_counts_updated",
                "coherence window counts updated (1) or counted again over every document (0)",
                coherence.updated() ? 1 : 0);
        tables.write(Table.STATE_TOPIC_COHERENCE_COUNTS, CoherencePass.state(spark, coherence));
        double meanNpmi = addCoherence(metrics, topicModel, topicTerms, topicIds, windowCounts);
        addCoherence(metrics, CLUSTER_MODEL, clusterTerms, ids.clusters().ids(), windowCounts);
        tables.write(Table.TOPIC_METRICS, spark.createDataFrame(metrics, Table.TOPIC_METRICS.schema()));

        stage(spark, "topics: model state");
        StoredModel.of(
                        vocabulary,
                        collocations,
                        models,
                        ids.topics(),
                        ids.clusters(),
                        settings,
                        fittedIn,
                        stored.map(StoredModel::lastTopicId).orElse(-1),
                        stored.map(StoredModel::lastClusterId).orElse(-1))
                .write(tables, spark);

        stage(spark, "topics: done");
        summary.put("topics_k", models.topics().length);
        summary.put("topics_new", "topics new in this run", countNew(ids.topics(), runId));
        summary.put("topics_c_npmi", "topics c_npmi", meanNpmi);
        summary.put("doc_topics_rows", "doc_topics rows", docTopicRows);
        summary.put("topic_trends_rows", "topic_trends rows", trendRows);
        scores.unpersist();
        vectors.unpersist();
        bags.unpersist();
        if (gone != null) {
            gone.unpersist();
        }
        docs.release();
        documentRows.unpersist();
    }

    /**
     * In an append, the near-duplicates the previous run found and the documents it had, when it searched with this
     * run's similarity threshold and bucket cap (they may change between appends): then only the new documents'
     * buckets need searching. The output's settings and documents are those the duplicates were found with only
     * when the latest run that changed the output searched for them itself: a single later job (ingest alone, say)
     * carries {@code duplicates} over under its own settings, and may have changed the documents' dates.
     */
    private static Optional<NearDuplicates.Previous> previousDuplicates(JobContext context) {
        if (context.append().isEmpty() || !context.append().get().lastChange().containsKey(DUPLICATE_SEARCH)) {
            return Optional.empty();
        }
        boolean sameSearch = context.append()
                .get()
                .sameValues(
                        context.settings(),
                        List.of(TopicsSettings.DUPLICATE_SIMILARITY, TopicsSettings.DUPLICATE_MAX_BUCKET));
        Optional<Dataset<Row>> duplicates =
                sameSearch ? context.tables().readPrevious(Table.DUPLICATES) : Optional.empty();
        Optional<Dataset<Row>> documents =
                duplicates.isPresent() ? context.tables().readPrevious(Table.DOCUMENTS) : Optional.empty();
        return documents.map(d -> new NearDuplicates.Previous(
                duplicates.get().select(Columns.DOC_ID, Columns.DUPLICATE_OF, Columns.SIMILARITY),
                d.select(Columns.DOC_ID, Columns.CONTENT_SHA, Columns.PUBLISHED)));
    }

    /** The rows of documents that are not near-duplicates (the duplicate ids are broadcast). */
    private static Dataset<Row> withoutDuplicates(Dataset<Row> rows, Dataset<Row> duplicateIds) {
        return rows.join(duplicateIds, rows.col(Columns.DOC_ID).equalTo(duplicateIds.col(Columns.DOC_ID)), "left_anti");
    }

    private static long countNew(ModelIds ids, String runId) {
        return java.util.stream.IntStream.range(0, ids.size())
                .filter(p -> ids.isNew(p, runId))
                .count();
    }

    /**
     * The fit's own figures (silhouettes, reconstruction error, k choice, ...) of a kept model, from the current
     * run's topic_metrics: the model has not changed, so neither have they. Coherence is computed again on the
     * whole corpus.
     */
    private List<Row> fitFigures(TableStore tables) {
        if (!tables.exists(Table.TOPIC_METRICS)) {
            return List.of();
        }
        return tables.read(Table.TOPIC_METRICS, name())
                .filter(col(Columns.METRIC).isin("npmi", "c_npmi").unary_$bang())
                .orderBy(col(Columns.MODEL), col(Columns.TOPIC_ID).asc_nulls_first(), col(Columns.METRIC))
                .collectAsList();
    }

    /** The fit's per-topic and per-cluster figures with the ids users see instead of model positions. */
    private static List<Row> withIds(List<Row> metrics, ModelIdentity.Ids ids) {
        List<Row> result = new ArrayList<>(metrics.size());
        for (Row row : metrics) {
            if (row.isNullAt(1)) {
                result.add(row);
            } else {
                ModelIds which = row.getString(0).equals(CLUSTER_MODEL) ? ids.clusters() : ids.topics();
                result.add(metric(row.getString(0), which.id(row.getInt(1)), row.getString(2), row.getDouble(3)));
            }
        }
        return result;
    }

    /**
     * doc_id, content_sha, published, sentences: each document's term arrays in sentence order (empty when it
     * has none).
     */
    public static Dataset<Row> documentsWithSentences(TableStore tables) {
        return DocumentSentences.withSentences(
                tables.read(Table.DOCUMENTS, "topics").select(Columns.DOC_ID, Columns.CONTENT_SHA, Columns.PUBLISHED),
                tables.read(Table.SENTENCES, "topics"));
    }

    /**
     * doc_id, sentences of the previous run's documents that are gone from {@code documents} (removed, or changed),
     * as the previous run's sentences had them: what the stored counts hold of them. Few or none in an append, so
     * their ids are collected and broadcast; kept, as two counts take them away.
     */
    private static Dataset<Row> goneDocuments(
            SparkSession spark,
            Dataset<Row> documents,
            Dataset<Row> previousDocuments,
            Dataset<Row> previousSentences) {
        List<Row> gone = DocumentText.changedIds(previousDocuments, documents).collectAsList();
        if (gone.isEmpty()) {
            return DocumentSentences.perDocument(previousSentences.limit(0)); // not a pass over the sentences
        }
        StructType ids = new StructType().add(Columns.DOC_ID, "string");
        return DocumentSentences.perDocument(previousSentences.join(
                        broadcast(spark.createDataFrame(gone, ids)), Columns.DOC_ID, "left_semi"))
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** The top two-word collocations by llr when the terms job's table is there; none otherwise (noted). */
    private static Set<String> collocations(TableStore tables, int wanted, RunSummary summary) {
        if (wanted == 0) {
            return Set.of();
        }
        if (!tables.exists(Table.COLLOCATIONS)) {
            summary.note("topics: no collocations table (run jobs/terms first); topics use single terms only");
            return Set.of();
        }
        List<Row> rows = tables.read(Table.COLLOCATIONS, "topics")
                .filter(col("n").equalTo(2))
                .orderBy(col(Columns.LLR).desc(), col(Columns.NGRAM))
                .limit(wanted)
                .select(Columns.NGRAM)
                .collectAsList();
        Set<String> chosen = new LinkedHashSet<>();
        rows.forEach(r -> chosen.add(r.getAs(Columns.NGRAM)));
        return chosen;
    }

    /** At most {@code max} documents picked by a seeded hash of doc_id (so independent of partitioning), sorted by doc_id. */
    static List<SparseDoc> sample(Dataset<Row> vectors, int max, long seed) {
        // The ids are chosen first and only their vectors gathered: a top-n over whole rows sends each task's own
        // top n vectors to the driver (n per partition), which does not fit a small driver on a large corpus.
        Dataset<Row> chosen = vectors.select(col(Columns.DOC_ID))
                .withColumn("h", xxhash64(lit(seed), col(Columns.DOC_ID)))
                .orderBy(col("h"), col(Columns.DOC_ID))
                .limit(max)
                .select(Columns.DOC_ID);
        List<Row> rows = vectors.join(chosen, Columns.DOC_ID, "left_semi").collectAsList();
        List<SparseDoc> docs = new ArrayList<>(rows.size());
        rows.forEach(row -> docs.add(TermVectors.toDoc(row)));
        docs.sort(Comparator.comparing(SparseDoc::docId));
        return docs;
    }

    private static FittedModels fit(
            List<SparseDoc> sample,
            Vocabulary vocabulary,
            int requestedK,
            Settings settings,
            String topicModel,
            List<Row> metrics,
            RunSummary summary) {
        int dim = vocabulary.size();
        long seed = settings.get(TopicsSettings.SEED);
        int restarts = settings.get(TopicsSettings.RESTARTS);
        int iterations = settings.get(TopicsSettings.ITERATIONS);
        long t0 = System.nanoTime();
        SphericalKMeans.Model kmeans;
        if (requestedK > 0) {
            if (requestedK > sample.size()) {
                summary.note("topics: k = " + requestedK + " is more than the " + sample.size()
                        + " documents with terms; using k = " + sample.size());
            }
            kmeans = SphericalKMeans.fit(sample, dim, Math.min(requestedK, sample.size()), restarts, iterations, seed);
        } else {
            kmeans = KChoice.choose(
                    sample,
                    dim,
                    settings.get(TopicsSettings.K_MAX),
                    restarts,
                    iterations,
                    seed,
                    (k, s) -> metrics.add(metric(CLUSTER_MODEL, null, "silhouette_at_k_" + k, s)));
        }
        int k = kmeans.k();
        summary.put("topics_fit_kmeans_seconds", "s fit: k-means", seconds(t0));
        double[][] topics = kmeans.centroids();
        SphericalKMeans.Model clusters = kmeans;
        List<SparseDoc> clustered = sample;
        int clusterDim = dim;
        if (topicModel.equals("nmf")) {
            long t1 = System.nanoTime();
            Nmf.Model nmf = Nmf.fit(sample, kmeans.centroids(), iterations);
            summary.put("topics_fit_nmf_seconds", "s fit: NMF", seconds(t1));
            topics = nmf.topics();
            metrics.add(metric(topicModel, null, "reconstruction_error", nmf.relativeError()));
            // Documents are clustered by their topic mixtures: on Brown this separates genres better than
            // k-means on the tf-idf vectors themselves (NMI 0.42 against 0.35; see topics.md, Quality).
            double[][] gram = Nmf.gram(topics);
            double[][] h = topics;
            clustered = sample.parallelStream()
                    .map(doc -> Nmf.mixture(doc, h, gram))
                    .filter(mixture -> !mixture.isEmpty())
                    .toList();
            clusterDim = k;
            long t2 = System.nanoTime();
            clusters = SphericalKMeans.fit(clustered, clusterDim, k, restarts, iterations, seed);
            summary.put("topics_fit_clusters_seconds", "s fit: clusters", seconds(t2));
        }
        int clusterK = clusters.k();
        double[] silhouettes = Silhouette.values(clustered, clusters.assignment(), clusterK, clusterDim);
        double[] perCluster = new double[clusterK];
        int[] sizes = new int[clusterK];
        double silhouette = 0;
        for (int i = 0; i < clustered.size(); i++) {
            perCluster[clusters.assignment()[i]] += silhouettes[i];
            sizes[clusters.assignment()[i]]++;
            silhouette += silhouettes[i] / clustered.size();
        }
        for (int c = 0; c < clusterK; c++) {
            metrics.add(metric(CLUSTER_MODEL, c, "silhouette", sizes[c] == 0 ? 0 : perCluster[c] / sizes[c]));
        }
        metrics.add(metric(CLUSTER_MODEL, null, "k", clusterK));
        metrics.add(metric(CLUSTER_MODEL, null, "silhouette", silhouette));
        metrics.add(metric(CLUSTER_MODEL, null, "mean_cosine", clusters.objective() / clustered.size()));
        metrics.add(metric(topicModel, null, "k", k));
        metrics.add(metric(topicModel, null, "fit_docs", sample.size()));
        metrics.add(metric(topicModel, null, "vocabulary", dim));
        double fitSeconds = seconds(t0);
        LOG.info("Fitted k = {} on {} documents in {} s", k, sample.size(), String.format("%.1f", fitSeconds));
        summary.put("topics_fit_seconds", "s fit (all, in the driver)", fitSeconds);
        summary.put("topics_fit_docs", sample.size());
        return new FittedModels(topicModel, clusters.centroids(), clusters != kmeans, topics, Nmf.gram(topics));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Each topic's top terms by weight (ties by term). */
    static List<List<String>> topicTerms(double[][] topics, Vocabulary vocabulary, int top) {
        List<List<String>> result = new ArrayList<>();
        for (double[] topic : topics) {
            List<String> terms = new ArrayList<>();
            for (int j : topIndices(topic, top)) {
                terms.add(vocabulary.terms().get(j));
            }
            result.add(terms);
        }
        return result;
    }

    private static List<Integer> topIndices(double[] weights, int top) {
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] > 0) {
                order.add(j);
            }
        }
        order.sort((a, b) -> weights[a] != weights[b] ? Double.compare(weights[b], weights[a]) : Integer.compare(a, b));
        return order.subList(0, Math.min(top, order.size()));
    }

    private static Dataset<Row> topicsTable(
            SparkSession spark,
            String model,
            double[][] topics,
            Vocabulary vocabulary,
            int top,
            ModelIds ids,
            String runId) {
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < topics.length; t++) {
            double total = 0;
            for (double v : topics[t]) {
                total += v;
            }
            List<Integer> best = topIndices(topics[t], top);
            List<String> labelTerms = new ArrayList<>();
            for (int j : best.subList(0, Math.min(LABEL_TERMS, best.size()))) {
                labelTerms.add(vocabulary.terms().get(j));
            }
            String label = String.join(", ", labelTerms);
            for (int r = 0; r < best.size(); r++) {
                int j = best.get(r);
                rows.add(RowFactory.create(
                        model,
                        ids.id(t),
                        r + 1,
                        vocabulary.terms().get(j),
                        topics[t][j] / total,
                        label,
                        ids.firstSeen()[t],
                        ids.isNew(t, runId)));
            }
        }
        return spark.createDataFrame(rows, Table.TOPICS.schema());
    }

    /** No document has a vocabulary term: empty model tables, every document in cluster -1. */
    private void writeWithoutModel(
            SparkSession spark, TableStore tables, Dataset<Row> docs, RunSummary summary, long documents) {
        summary.note("topics: no document has a term that passes the vocabulary limits; no topics or clusters fitted");
        tables.write(Table.TOPICS, spark.createDataFrame(List.of(), Table.TOPICS.schema()));
        tables.write(Table.DOC_TOPICS, spark.createDataFrame(List.of(), Table.DOC_TOPICS.schema()));
        tables.write(Table.STATE_TOPIC_SCORES, spark.createDataFrame(List.of(), Table.STATE_TOPIC_SCORES.schema()));
        tables.write(
                Table.STATE_TOPIC_CLUSTER_TERMS,
                spark.createDataFrame(List.of(), Table.STATE_TOPIC_CLUSTER_TERMS.schema()));
        tables.write(
                Table.STATE_TOPIC_COHERENCE_COUNTS,
                spark.createDataFrame(List.of(), Table.STATE_TOPIC_COHERENCE_COUNTS.schema()));
        tables.write(
                Table.CLUSTERS,
                docs.select(
                        col(Columns.DOC_ID),
                        lit(-1).as(Columns.CLUSTER_ID),
                        lit(ClusterLabels.NO_TERMS).as(Columns.LABEL),
                        lit(1.0).as(Columns.DISTANCE)));
        tables.write(Table.TOPIC_TRENDS, spark.createDataFrame(List.of(), Table.TOPIC_TRENDS.schema()));
        tables.write(
                Table.TOPIC_METRICS,
                spark.createDataFrame(List.of(metric(CLUSTER_MODEL, null, "k", 0)), Table.TOPIC_METRICS.schema()));
        summary.put("topics_k", 0);
        docs.unpersist();
    }

    private long stageStart = System.nanoTime();
    private String stageName = "topics: reading";
    private RunSummary stageSummary;

    /** Labels the Spark jobs of the next stage; logs how long the previous one took and adds it to the summary. */
    private void stage(SparkSession spark, String name) {
        long now = System.nanoTime();
        double seconds = (now - stageStart) / 1e9;
        LOG.info("{} took {} s", stageName, String.format("%.1f", seconds));
        // "topics: term counts and vocabulary" -> topics_term_counts_and_vocabulary_seconds
        String step = stageName.replace("topics: ", "");
        stageSummary.put(
                "topics_" + step.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_seconds",
                "s " + step,
                seconds);
        stageName = name;
        stageStart = now;
        JobLabels.step(spark, name);
    }

    /** Adds each topic's (or cluster's) NPMI coherence, under its id, and their mean, c_npmi; returns the mean. */
    private static double addCoherence(
            List<Row> metrics, String model, List<List<String>> termLists, int[] ids, Map<String, Long> windowCounts) {
        double mean = 0;
        for (int t = 0; t < termLists.size(); t++) {
            double npmi = Coherence.npmi(termLists.get(t), windowCounts);
            mean += npmi / termLists.size();
            metrics.add(metric(model, ids[t], "npmi", npmi));
        }
        metrics.add(metric(model, null, "c_npmi", mean));
        return mean;
    }

    static Row metric(String model, Integer topic, String name, double value) {
        return RowFactory.create(model, topic, name, value);
    }
}
