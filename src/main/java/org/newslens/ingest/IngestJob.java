package org.newslens.ingest;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.newslens.config.CoreSettings;
import org.newslens.config.Settings;
import org.newslens.io.Columns;
import org.newslens.io.HadoopConf;
import org.newslens.io.JobLabels;
import org.newslens.io.Table;
import org.newslens.pipeline.Job;
import org.newslens.pipeline.JobContext;
import org.newslens.pipeline.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the corpus and writes {@code documents} and {@code rejects}, accounting for every input:
 * {@code inputs = documents + rejects - truncated} (a truncated text is kept as a document and also warned
 * about in rejects). An input is one text file, one JSON line, one CSV row, one Parquet row, one file that
 * cannot be read as records at all (unsupported, no text column, wrong schema, unreadable, no records), the
 * unread rest of a record file whose reading broke off, or one listed entry that is not a regular file.
 */
public final class IngestJob implements Job {
    /** The input as listed to size the run ({@link #inputBytes}), so a run lists it once. */
    private InputListing listing;

    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
    /** At most this many corpus-boilerplate line keys are broadcast (8 bytes each); the most frequent win. */
    static final int MAX_BOILERPLATE_KEYS = 200_000;
    /** The format of an input rejected while listing, before it was opened. */
    static final String LISTING = "listing";

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public List<Table> inputs() {
        return List.of();
    }

    @Override
    public List<Table> outputs() {
        return List.of(Table.DOCUMENTS, Table.REJECTS, Table.STATE_INPUTS, Table.STATE_BOILERPLATE_LINES);
    }

    @Override
    public long inputBytes(Settings settings, Configuration conf) throws IOException {
        listing = InputListing.list(settings.get(CoreSettings.INPUT), conf);
        return listing.files().stream().mapToLong(InputFile::length).sum();
    }

    @Override
    public void run(JobContext context) throws Exception {
        InputListing listed = listing != null
                ? listing
                : InputListing.list(
                        context.settings().get(CoreSettings.INPUT),
                        context.spark().sparkContext().hadoopConfiguration());
        Optional<Dataset<Row>> earlier = Optional.empty();
        if (context.append().isPresent()) {
            listed = listed.relativeTo(context.append().get().corpusRoot());
            earlier = context.tables().readPrevious(Table.STATE_INPUTS);
        }
        context.summary().corpusRoot(listed.rootUri());
        Result result = ingest(context.spark(), context.settings(), listed, earlier);
        try {
            if (context.append().isPresent()
                    && context.append().get().sameAnalysis(context.settings())
                    && result.nothingNew()) {
                context.summary().put("inputs_read", "inputs read", result.inputsRead());
                context.summary().put("documents_added", "documents added", 0L);
                context.summary().put("documents_replaced", "documents replaced", 0L);
                context.summary().put("rejects_read", "rejects of input read", 0L);
                context.summary().put("input_fingerprint", "input fingerprint", result.inputFingerprint());
                context.summary().markUpToDate();
                return;
            }
            JobLabels.step(context.spark(), "ingest: keep the inputs for later appends");
            if (context.append().isPresent() && result.earlierKept()) {
                context.tables().writeAdding(Table.STATE_INPUTS, result.readRows());
            } else {
                context.tables().write(Table.STATE_INPUTS, result.inputRows());
            }
            JobLabels.step(context.spark(), "ingest: clean and write documents");
            long documents = keepsEarlierDocuments(context, result)
                    ? context.tables().writeAdding(Table.DOCUMENTS, result.readDocuments())
                    : context.tables().write(Table.DOCUMENTS, result.documents());
            context.tables()
                    .write(Table.STATE_BOILERPLATE_LINES, boilerplateRows(context.spark(), result.boilerplate()));
            JobLabels.step(context.spark(), "ingest: write rejects");
            long rejectRows = context.tables().write(Table.REJECTS, result.rejects());
            Map<String, Long> byReason = new TreeMap<>();
            for (Row row : context.tables()
                    .read(Table.REJECTS, name())
                    .groupBy(Columns.REASON)
                    .count()
                    .collectAsList()) {
                byReason.put(row.getAs(Columns.REASON), row.getAs("count"));
            }
            account(context.summary(), result, documents, rejectRows, byReason);
            context.summary().put("rejects_read", "rejects of input read", rejectsRead(context, result));
        } finally {
            JobLabels.step(context.spark(), null);
            result.release();
        }
    }

    /**
     * Whether every earlier document stays as the output holds it: an append that reads no earlier input again
     * and removes the same lines as boilerplate as the run before cleans each earlier input to the same document.
     */
    private static boolean keepsEarlierDocuments(JobContext context, Result result) {
        if (context.append().isEmpty() || !result.earlierKept()) {
            return false;
        }
        Optional<Dataset<Row>> before = context.tables().readPrevious(Table.STATE_BOILERPLATE_LINES);
        if (before.isEmpty()) {
            return false;
        }
        long[] earlier = before.get().collectAsList().stream()
                .mapToLong(r -> r.getLong(0))
                .sorted()
                .toArray();
        boolean same = Arrays.equals(earlier, result.boilerplate());
        if (!same) {
            context.summary()
                    .note("ingest: the lines removed as corpus boilerplate changed; every earlier document is "
                            + "cleaned and written again");
        }
        return same;
    }

    private static Dataset<Row> boilerplateRows(SparkSession spark, long[] keys) {
        List<Row> rows = new ArrayList<>(keys.length);
        for (long key : keys) {
            rows.add(RowFactory.create(key));
        }
        return spark.createDataFrame(rows, Table.STATE_BOILERPLATE_LINES.schema());
    }

    /** Rejects (truncation warnings aside) of the inputs this run read: in an append, of its own input only. */
    private long rejectsRead(JobContext context, Result result) {
        if (context.append().isEmpty()) {
            return ((Number) context.summary().figures().get("rejects")).longValue(); // counted by account()
        }
        Dataset<Row> rejects = context.tables()
                .read(Table.REJECTS, name())
                .filter(col(Columns.REASON).notEqual(RejectReason.TRUNCATED.code()));
        return rejects.join(result.readRows().select(Columns.SOURCE_URI).distinct(), Columns.SOURCE_URI, "left_semi")
                .count();
    }

    /** Puts the figures in the summary and fails when an input went missing (that would be a bug). */
    static void account(
            RunSummary summary, Result result, long documents, long rejectRows, Map<String, Long> byReason) {
        long truncated = byReason.getOrDefault(RejectReason.TRUNCATED.code(), 0L);
        long rejects = rejectRows - truncated;
        summary.put("inputs", result.inputs());
        summary.put("inputs_read", "inputs read", result.inputsRead());
        summary.put("documents", documents);
        summary.put("rejects", rejects);
        byReason.forEach((reason, n) -> summary.put("rejects_" + reason, "rejects " + reason, n));
        summary.put("hidden_files_skipped", "hidden/readme skipped", result.hiddenSkipped());
        summary.put("input_fingerprint", "input fingerprint", result.inputFingerprint());
        if (documents == 0) {
            summary.put(
                    "corpus",
                    result.inputs() == 0
                            ? "no document was kept: the input has no files to read"
                            : "no document was kept: all " + result.inputs()
                                    + " inputs were rejected (see the rejects table)");
        }
        LOG.info(
                "Ingest accounted for {} inputs: {} documents, {} rejects, {} kept truncated",
                result.inputs(),
                documents,
                rejects,
                truncated);
        if (result.inputs() != documents + rejects) {
            throw new IllegalStateException("ingest lost track of inputs: " + result.inputs() + " inputs but "
                    + documents + " documents + " + rejects + " rejects");
        }
    }

    /**
     * The job's tables before writing; {@code inputRows} is every input of the corpus as parsed (the append
     * state), {@code readRows} those read now, {@code earlierKept} says the read ones replace none the output
     * had (so the earlier rows are kept as they are), {@code inputs} their count, {@code inputsRead} the inputs this run's input holds, and {@code
     * nothingNew} says that those equal what the output held for the same files already (an append that adds
     * nothing).
     */
    public record Result(
            Dataset<Row> documents,
            Dataset<Row> readDocuments,
            long[] boilerplate,
            Dataset<Row> rejects,
            Dataset<Row> inputRows,
            Dataset<Row> readRows,
            boolean earlierKept,
            long inputs,
            long inputsRead,
            boolean nothingNew,
            long hiddenSkipped,
            String inputFingerprint) {
        void release() {
            inputRows.unpersist();
            readRows.unpersist();
        }
    }

    /** Lists, reads, parses and cleans the input; the returned datasets are computed when written. */
    public static Result ingest(SparkSession spark, Settings settings) throws Exception {
        return ingest(
                spark,
                settings,
                InputListing.list(
                        settings.get(CoreSettings.INPUT), spark.sparkContext().hadoopConfiguration()),
                Optional.empty());
    }

    /**
     * The same, for an input listed already, added to the inputs an earlier run kept ({@code earlier}, the
     * {@code state/inputs} rows): each file read now replaces that file's earlier rows, the others stay, and the
     * cleaning that depends on the whole corpus (repeated lines, duplicate records) runs over the union.
     */
    static Result ingest(SparkSession spark, Settings settings, InputListing listing, Optional<Dataset<Row>> earlier)
            throws Exception {
        String input = settings.get(CoreSettings.INPUT);
        int maxChars = settings.get(IngestSettings.MAX_CHARS);
        LOG.info(
                "Listed {} files under {} ({} hidden or README files skipped)",
                listing.files().size(),
                input,
                listing.hiddenSkipped());

        List<InputListing.RejectRow> driverRejects = new ArrayList<>(listing.rejects());
        for (InputFile file : listing.files(FileKind.UNSUPPORTED)) {
            driverRejects.add(new InputListing.RejectRow(
                    file.uri(),
                    RejectReason.UNSUPPORTED_FORMAT,
                    "extension not read: expected .txt .md .jsonl .ndjson .json .csv .parquet, optionally .gz "
                            + "(not for .parquet)"));
        }
        List<Dataset<Row>> raws = new ArrayList<>();
        List<InputFile> textFiles = listing.files(FileKind.TEXT, FileKind.MARKDOWN);
        if (!textFiles.isEmpty()) {
            raws.add(readText(spark, settings, textFiles, maxChars));
        }
        // Every record file yields at least one RAW row (records, or a reject for the file or its unread rest).
        addIfPresent(
                raws,
                RecordReaders.read(spark, settings, listing.files(FileKind.JSON, FileKind.CSV, FileKind.PARQUET)));

        Dataset<Row> raw = raws.stream()
                .reduce(Dataset::unionAll)
                .orElseGet(() -> spark.createDataFrame(List.of(), IngestSchemas.RAW));
        // Every input read now is one row: a text file, a record, a file that could not be read as records, or
        // an entry the listing rejected already.
        Dataset<Row> read = raw.mapPartitions(
                        new ParseFunction(maxChars, listing.rootUri()), Encoders.row(IngestSchemas.PARSED))
                .unionAll(listingRejects(spark, driverRejects))
                .persist(StorageLevel.MEMORY_AND_DISK());
        JobLabels.step(spark, "ingest: read and parse the input");
        long inputsRead = read.count();
        boolean nothingNew = false;
        boolean earlierKept = false;
        Dataset<Row> parsed = read;
        if (earlier.isPresent()) {
            Dataset<Row> readFiles = read.select(Columns.SOURCE_URI).distinct();
            JobLabels.step(spark, "ingest: compare the input with the inputs the output holds");
            // Only the stored inputs' source_uri column is read to find the files read again; their whole rows
            // (the text of every stored input) only when there are such files, and then once.
            earlierKept = earlier.get()
                    .select(Columns.SOURCE_URI)
                    .join(readFiles, Columns.SOURCE_URI, "left_semi")
                    .isEmpty();
            if (earlierKept) {
                nothingNew = inputsRead == 0;
            } else {
                Dataset<Row> before = earlier.get()
                        .join(readFiles, Columns.SOURCE_URI, "left_semi")
                        .persist(StorageLevel.MEMORY_AND_DISK());
                nothingNew = read.exceptAll(before).isEmpty()
                        && before.exceptAll(read).isEmpty();
                before.unpersist();
            }
            parsed = (earlierKept ? earlier.get() : earlier.get().join(readFiles, Columns.SOURCE_URI, "left_anti"))
                    .unionByName(read)
                    .persist(StorageLevel.MEMORY_AND_DISK());
        }
        long inputs = earlier.isPresent() ? parsed.count() : inputsRead;

        // For a text-only corpus this is also where the files are read and parsed (the first pass over them).
        JobLabels.step(spark, "ingest: read, parse, count lines repeated across documents");
        long[] boilerplate = corpusBoilerplate(parsed, settings);
        JobLabels.step(spark, null);
        Broadcast<long[]> shared =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(boilerplate);
        Dataset<Row> output = parsed.flatMap(new FinishFunction(shared, true), Encoders.row(IngestSchemas.OUTPUT));
        // The same rows without the documents' text: the rejects are written apart from the documents, and
        // need only which inputs became documents, not their text measured and hashed a second time.
        Dataset<Row> outcomes = parsed.flatMap(new FinishFunction(shared, false), Encoders.row(IngestSchemas.OUTPUT));

        Dataset<Row> documents = documents(output);
        // The documents of the inputs read now alone: an append that keeps every earlier one writes only these.
        Dataset<Row> readDocuments =
                documents(read.flatMap(new FinishFunction(shared, true), Encoders.row(IngestSchemas.OUTPUT)));
        Dataset<Row> duplicates = copiesRanked(outcomes.filter(col(IngestSchemas.IS_DOCUMENT)))
                .filter(col("copy").gt(1))
                .select(
                        col(Columns.SOURCE_URI),
                        lit(RejectReason.DUPLICATE_RECORD.code()).as(Columns.REASON),
                        concat(
                                        lit("same key, title and text as an earlier record of this file (doc_id "),
                                        col(Columns.DOC_ID),
                                        lit(")"))
                                .as(Columns.DETAIL));
        Dataset<Row> rejects = outcomes.filter(col(IngestSchemas.IS_DOCUMENT).equalTo(false))
                .select(Columns.SOURCE_URI, Columns.REASON, Columns.DETAIL)
                .unionByName(duplicates);
        return new Result(
                documents,
                readDocuments,
                boilerplate,
                rejects,
                parsed,
                read,
                earlierKept,
                inputs,
                inputsRead,
                nothingNew,
                listing.hiddenSkipped(),
                listing.fingerprint());
    }

    /** The documents of finished rows: text files, and each record kept once (its first copy in its file). */
    private static Dataset<Row> documents(Dataset<Row> output) {
        Dataset<Row> docs = output.filter(col(IngestSchemas.IS_DOCUMENT));
        return docs.filter(col(IngestSchemas.IS_RECORD).equalTo(false))
                .unionByName(copiesRanked(docs).filter(col("copy").equalTo(1)).drop("copy"))
                .withColumn(Columns.PUBLISHED, col(Columns.PUBLISHED).cast("date"));
    }

    /**
     * The documents that came from records, each numbered among the records with its doc_id (copy 1 first, by
     * source_uri): identical records inside one file share a doc_id (path + key + content), one is kept and the
     * others are rejected.
     */
    private static Dataset<Row> copiesRanked(Dataset<Row> docs) {
        return docs.filter(col(IngestSchemas.IS_RECORD))
                .withColumn(
                        "copy",
                        row_number().over(Window.partitionBy(Columns.DOC_ID).orderBy(Columns.SOURCE_URI)));
    }

    /** The entries the listing rejected (not a file, a broken link, an unsupported format) as parsed rows. */
    private static Dataset<Row> listingRejects(SparkSession spark, List<InputListing.RejectRow> rejects) {
        List<Row> rows = rejects.stream()
                .map(r -> RowFactory.create(
                        r.sourceUri(),
                        LISTING,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        r.reason().code(),
                        r.detail(),
                        null))
                .toList();
        return spark.createDataFrame(rows, IngestSchemas.PARSED);
    }

    private static Dataset<Row> readText(SparkSession spark, Settings settings, List<InputFile> files, int maxChars) {
        int partitions = settings.get(CoreSettings.PARTITIONS);
        if (partitions <= 0) {
            int perPartition = settings.get(IngestSettings.FILES_PER_PARTITION);
            int byCount = (int) Math.ceil(files.size() / (double) perPartition);
            partitions = Math.max(
                    1,
                    Math.min(
                            files.size(),
                            Math.max(byCount, 2 * spark.sparkContext().defaultParallelism())));
        }
        List<Row> rows = files.stream()
                .map(f -> RowFactory.create(
                        f.uri(), f.relativePath(), f.kind() == FileKind.MARKDOWN ? "markdown" : "text"))
                .toList();
        JavaRDD<Row> paths =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions);
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        return spark.createDataFrame(paths, IngestSchemas.TEXT_FILES)
                .mapPartitions(new TextFileReader(conf, maxChars), Encoders.row(IngestSchemas.RAW));
    }

    /**
     * Keys of corpus-boilerplate lines: lines found in at least max(min-docs, share x documents) documents
     * that are otherwise different ({@link RepeatedLines}), so that copies of one story keep their text. Two
     * counts with Spark over each document's distinct line keys: the lines repeated at all, then the
     * documents that vouch for them; only the (bounded) results come to the driver, to be broadcast.
     */
    static long[] corpusBoilerplate(Dataset<Row> parsed, Settings settings) {
        Dataset<Row> ok = parsed.filter(col(IngestSchemas.REJECT).isNull());
        long docs = ok.count();
        long threshold = Math.max(settings.get(IngestSettings.REPEAT_MIN_DOCS), (long)
                Math.ceil(settings.get(IngestSettings.REPEAT_SHARE) * docs));
        if (docs < threshold) {
            return new long[0];
        }
        long[] repeated = frequentKeys(
                ok.select(explode(array_distinct(filter(col(IngestSchemas.LINE_KEYS), k -> k.notEqual(0L))))
                        .as("k")),
                threshold);
        if (repeated.length == 0) {
            return repeated;
        }
        Broadcast<long[]> shared = JavaSparkContext.fromSparkContext(
                        ok.sparkSession().sparkContext())
                .broadcast(repeated);
        Dataset<Row> vouched = ok.select(IngestSchemas.LINES, IngestSchemas.LINE_KEYS)
                .flatMap(
                        (FlatMapFunction<Row, Long>) row -> RepeatedLines.vouchedFor(
                                        row.getList(row.fieldIndex(IngestSchemas.LINES)),
                                        row.getList(row.fieldIndex(IngestSchemas.LINE_KEYS)),
                                        shared.value())
                                .iterator(),
                        Encoders.LONG())
                .toDF("k");
        long[] keys = frequentKeys(vouched, threshold);
        shared.destroy();
        LOG.info(
                "{} lines repeat in at least {} of {} documents; {} of them in documents that are otherwise "
                        + "different, removed as corpus boilerplate",
                repeated.length,
                threshold,
                docs,
                keys.length);
        return keys;
    }

    /** The keys (column k) counted at least {@code threshold} times, sorted; the most frequent win the cap. */
    private static long[] frequentKeys(Dataset<Row> keys, long threshold) {
        return keys
                .groupBy("k")
                .count()
                .filter(col("count").geq(threshold))
                .orderBy(desc("count"), col("k"))
                .limit(MAX_BOILERPLATE_KEYS)
                .collectAsList()
                .stream()
                .mapToLong(r -> r.<Long>getAs("k"))
                .sorted()
                .toArray();
    }

    private static void addIfPresent(List<Dataset<Row>> list, Dataset<Row> df) {
        if (df != null) {
            list.add(df);
        }
    }
}
