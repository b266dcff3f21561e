package org.newslens.annotate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.DoubleAccumulator;
import org.newslens.config.CoreSettings;
import org.newslens.config.Settings;
import org.newslens.io.Columns;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.Job;
import org.newslens.pipeline.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * annotate: one CoreNLP pass per document (tokenize, ssplit, lemmas, optional POS, one-CRF NER) inside
 * mapPartitions. The pass yields one cached row per document, exploded into {@code sentences}, {@code tokens}
 * and {@code mentions}; mentions get their corpus-level canonical name and entity_id before they are written.
 */
public final class AnnotateJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotateJob.class);
    /** Upper bound of documents per task, so one slow task never holds most of a large corpus. */
    static final int MAX_DOCUMENTS_PER_TASK = 2_000;
    /** Tasks per core when the corpus is small enough: evens out documents of very different lengths. */
    static final int TASKS_PER_CORE = 3;
    /** Corpora up to this size have their models loaded while ingest runs (see {@link #warmUp}). */
    static final long WARM_UP_MAX_BYTES = 64L << 20;

    static final String LOADER_THREAD = "newslens-annotate-warm-up";

    @Override
    public String name() {
        return "annotate";
    }

    @Override
    public List<Table> inputs() {
        return List.of(Table.DOCUMENTS);
    }

    @Override
    public List<Table> outputs() {
        return List.of(Table.SENTENCES, Table.TOKENS, Table.MENTIONS, Table.STATE_UNLINKED_MENTIONS);
    }

    /**
     * On a small corpus, where loading the models (about a second for the NER model on 2 cores) is much of
     * annotate's time, loads them on a background thread while ingest runs; the tasks find them loaded, or wait for
     * them. Not on a large corpus, nor one of unknown size: the models would sit in the heap through ingest, which
     * needs the heap, to save a second of a long pass.
     */
    @Override
    public void warmUp(Settings settings, long corpusBytes) {
        loadAhead(AnnotatorConfig.from(settings), corpusBytes);
    }

    /** The thread loading the models ahead, started; none for a large corpus or one of unknown size (0 bytes). */
    static Optional<Thread> loadAhead(AnnotatorConfig config, long corpusBytes) {
        if (corpusBytes <= 0 || corpusBytes > WARM_UP_MAX_BYTES) {
            return Optional.empty();
        }
        Thread loader = new Thread(
                () -> {
                    try {
                        CoreNlpPipelines.loadAhead(config);
                    } catch (RuntimeException | Error e) {
                        // Nothing is kept, so the tasks load them again and fail there if the cause remains.
                        LOG.warn("Loading the annotate models ahead failed; annotate loads them itself", e);
                    }
                },
                LOADER_THREAD);
        loader.setDaemon(true);
        loader.start();
        return Optional.of(loader);
    }

    @Override
    public void run(JobContext context) {
        Settings settings = context.settings();
        TableStore tables = context.tables();
        Dataset<Row> documents = tables.read(Table.DOCUMENTS, name())
                .select(Columns.DOC_ID, Columns.TEXT, Columns.SOURCE_URI, Columns.CONTENT_SHA);
        Optional<AnnotationReuse> reuse = context.append().isPresent()
                ? AnnotationReuse.plan(tables, documents, context.summary())
                : Optional.empty();
        if (reuse.isPresent()) {
            documents = reuse.get().toAnnotate(documents);
        }
        int partitions = settings.get(CoreSettings.PARTITIONS);
        if (partitions == 0) {
            partitions = choosePartitions(
                    documents.count(), context.spark().sparkContext().defaultParallelism());
        }
        AnnotatorConfig config = AnnotatorConfig.from(settings);
        boolean failOnError = "fail".equals(settings.get(AnnotateSettings.ON_ERROR));
        DoubleAccumulator loadSeconds = context.spark().sparkContext().doubleAccumulator("annotate model load s");
        LOG.info("Annotating with {} over {} partitions", config.properties().getProperty("annotators"), partitions);

        long t0 = System.nanoTime();
        // The per-document rows feed three tables, so they are kept, but on local disk: kept in the heap they
        // crowd out the tasks' memory (200 MB on disk: 6-8 % less wall and CPU time, 26-55 % less resident
        // memory; src/site/markdown/benchmarks.md).
        Dataset<Row> annotated = annotate(documents, config, partitions, failOnError, loadSeconds)
                .persist(StorageLevel.DISK_ONLY());
        try {
            // The NLP pass runs inside the first write; in an append run the kept documents' rows join the new.
            long tokens = writeWithKept(tables, reuse, Table.TOKENS, tokens(annotated));
            double passSeconds = (System.nanoTime() - t0) / 1e9;
            long sentences = writeWithKept(tables, reuse, Table.SENTENCES, sentences(annotated));
            writeWithKept(tables, reuse, Table.STATE_UNLINKED_MENTIONS, mentions(annotated));
            long mentions =
                    tables.write(Table.MENTIONS, CorpusLinker.link(tables.read(Table.STATE_UNLINKED_MENTIONS, name())));
            reuse.ifPresent(r -> r.countRelinked(tables.read(Table.MENTIONS, name()), context.summary()));
            context.summary().put("sentences", sentences);
            context.summary().put("tokens", tokens);
            context.summary().put("mentions", mentions);
            context.summary().put("annotate_model_load_seconds", "annotate model load s", loadSeconds.value());
            context.summary().put("annotate_tokens_per_second", "annotate tokens/s", (double)
                    Math.round(tokens / Math.max(1e-9, passSeconds - loadSeconds.value())));
            reportFailures(annotated, context);
        } finally {
            // Waits for the disk blocks to go: removed in the background, they can race the session's stop when
            // annotate is the last job, and Spark then logs a stack trace for each block it could not remove.
            annotated.unpersist(true);
            reuse.ifPresent(AnnotationReuse::release);
        }
    }

    /** The CoreNLP pass: one row per document with its sentences, tokens and mentions as arrays. */
    public static Dataset<Row> annotate(
            Dataset<Row> documents,
            AnnotatorConfig config,
            int partitions,
            boolean failOnError,
            DoubleAccumulator loadSeconds) {
        return documents
                .select(Columns.DOC_ID, Columns.TEXT)
                .repartition(partitions, col(Columns.DOC_ID))
                .mapPartitions(
                        new AnnotatePartition(config, failOnError, loadSeconds), Encoders.row(AnnotatedRows.SCHEMA));
    }

    /** A per-document table of this pass; in an append run with the kept documents' rows (see AnnotationReuse). */
    private static long writeWithKept(
            TableStore tables, Optional<AnnotationReuse> reuse, Table table, Dataset<Row> annotatedNow) {
        return reuse.isPresent() ? reuse.get().write(tables, table, annotatedNow) : tables.write(table, annotatedNow);
    }

    public static Dataset<Row> sentences(Dataset<Row> annotated) {
        return annotated
                .select(col(Columns.DOC_ID), explode(col("sentences")).as("s"))
                .select(Columns.DOC_ID, "s.*");
    }

    public static Dataset<Row> tokens(Dataset<Row> annotated) {
        return annotated
                .select(col(Columns.DOC_ID), explode(col("tokens")).as("t"))
                .select(Columns.DOC_ID, "t.*");
    }

    /** Mentions with their per-document name, link key and offers (before the corpus-level step). */
    public static Dataset<Row> mentions(Dataset<Row> annotated) {
        return annotated
                .select(col(Columns.DOC_ID), explode(col("mentions")).as("m"))
                .select(Columns.DOC_ID, "m.*");
    }

    /** Enough tasks for {@value #TASKS_PER_CORE} per core, and at most {@value #MAX_DOCUMENTS_PER_TASK} documents each. */
    static int choosePartitions(long documents, int cores) {
        if (documents <= 0) {
            return 1;
        }
        long bySize = (documents + MAX_DOCUMENTS_PER_TASK - 1) / MAX_DOCUMENTS_PER_TASK;
        long byCores = Math.min((long) Math.max(1, cores) * TASKS_PER_CORE, documents);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(bySize, byCores));
    }

    private static void reportFailures(Dataset<Row> annotated, JobContext context) {
        Dataset<Row> failed = annotated.filter(col("error").isNotNull()).select(Columns.DOC_ID, "error");
        long count = failed.count();
        if (count > 0) {
            List<Row> sample = failed.orderBy(Columns.DOC_ID).limit(10).collectAsList();
            for (Row row : sample) {
                LOG.warn(
                        "annotate skipped document {}: {}",
                        row.<String>getAs(Columns.DOC_ID),
                        row.<String>getAs("error"));
            }
            context.summary().put("annotate_skipped_documents", count);
            context.summary()
                    .note(count + " documents skipped by annotate (CoreNLP failed), e.g. "
                            + sample.get(0).<String>getAs(Columns.DOC_ID)
                            + "; set --annotate.on-error fail to stop instead");
        }
    }
}
