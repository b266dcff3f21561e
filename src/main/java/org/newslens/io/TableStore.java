package org.newslens.io;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;
import scala.concurrent.duration.FiniteDuration;

/**
 * Reads and writes the output tables under one output root (any Hadoop URI).
 *
 * <p>A run writes its tables into its own folder {@code runs/<run>/} (see {@link RunFolders}); jobs later in
 * the same run read them there, and tables the run does not write are read from the current run. {@link
 * #commit()} completes the folder with the current run's other tables and then makes it the current run in one
 * atomic step; a run that fails or is killed before that leaves the current run as it was.
 */
public final class TableStore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TableStore.class);
    private static final String SUCCESS = "_SUCCESS";
    private static final String ROWS = "rows";
    private static final FiniteDuration OBSERVATION_WAIT = Duration.create(30, TimeUnit.SECONDS);

    /** Appends share a table's earlier files while these come from fewer writes than this. */
    static final int MAX_SHARED_WRITES = 30;

    /** Spark names a write's files part-NNNNN-UUID-...: the UUID is the write's (see {@link #writeOf}). */
    private static final Pattern SPARK_PART =
            Pattern.compile("part-\\d+-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-.*");

    private final SparkSession spark;
    private final Path root;
    private final String runId;
    private final Path runFolder;
    /** The current run when this store was opened: where tables this run does not write are read from. */
    private final Path current;

    // Synchronized and in the tables' order: stages of a run may write side by side.
    private final Map<Table, Long> written = Collections.synchronizedMap(new EnumMap<>(Table.class));
    private final Map<Table, Long> carriedOver = Collections.synchronizedMap(new EnumMap<>(Table.class));
    /** The files of each table this run added beside the run before's (see {@link #readOf}). */
    private final Map<Table, List<Path>> addedFiles = Collections.synchronizedMap(new EnumMap<>(Table.class));

    private final PendingTables pending = new PendingTables();
    /** Row counts of the run before's tables, as its manifest gives them (see {@link #knowPreviousRowCounts}). */
    private Map<Table, Long> previousRows = Map.of();

    private boolean complete;
    private boolean published;

    public TableStore(SparkSession spark, String outputRoot, String runId) {
        this.spark = spark;
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        this.root = qualify(new Path(outputRoot), conf);
        this.runId = runId;
        this.runFolder = RunFolders.runFolder(root, runId);
        this.current = RunFolders.current(root, conf);
    }

    public Path root() {
        return root;
    }

    /** This run's folder: its tables, manifest and report, current once {@link #commit()} is done. */
    public Path runFolder() {
        return runFolder;
    }

    /** The tables stages of this run have yet to write: a read of one waits for the stage that writes it. */
    public PendingTables pending() {
        return pending;
    }

    /**
     * The table's folder as it is read now: this run's copy if it wrote one, else the current run's. A table an
     * earlier stage of this run is still to write is waited for ({@link PendingTables}).
     */
    public Path location(Table table) {
        pending.awaitWritten(table);
        Path own = new Path(runFolder, table.tableName());
        return exists(own) ? own : new Path(current, table.tableName());
    }

    public boolean exists(Table table) {
        return exists(location(table));
    }

    /** Reads a table, failing with a message naming the job that makes it when it is not there. */
    public Dataset<Row> read(Table table, String neededBy) {
        Path location = location(table);
        if (!exists(location)) {
            throw new MissingTableException(neededBy, table, root.toString());
        }
        return parquet(table, location);
    }

    /**
     * A table's files read with its declared schema: every table is written with exactly those columns
     * ({@link #write}), and Spark does not run a job to read the files' footers for it.
     */
    private Dataset<Row> parquet(Table table, Path location) {
        return spark.read().schema(table.schema()).parquet(location.toString());
    }

    /**
     * The rows of a per-document table (one with a doc_id column) of the documents in {@code ids} (a doc_id column;
     * the caller broadcasts it when it is small). When this run added rows to the table beside the run before's
     * files ({@link #writeAdding}, {@link #writeAddingRewritten}: rows of documents those files hold none of) and
     * every wanted document has rows among them, only the files it added are read: the usual append wants its new
     * documents, a sliver of the table. Otherwise the whole table is read.
     */
    public Dataset<Row> readOf(Table table, Dataset<Row> ids, String neededBy) {
        Dataset<Row> wanted = ids.select(Columns.DOC_ID);
        List<Path> added = addedFiles.getOrDefault(table, List.of());
        if (!added.isEmpty()) {
            Dataset<Row> addedRows = spark.read()
                    .schema(table.schema())
                    .parquet(added.stream().map(Path::toString).toArray(String[]::new));
            if (wanted.join(addedRows.select(Columns.DOC_ID), Columns.DOC_ID, "left_anti")
                    .isEmpty()) {
                return addedRows.join(wanted, Columns.DOC_ID, "left_semi");
            }
        }
        return read(table, neededBy).join(wanted, Columns.DOC_ID, "left_semi");
    }

    /** Notes the files an add to the run before's copy of a table just wrote, for {@link #readOf}. */
    private void noteAddedFiles(Table table, Path target) {
        addedFiles.put(table, dataFiles(fileSystem(), target));
    }

    /**
     * The table as the run before this one left it (the current run when this store was opened), or empty when
     * there is no such run or it has no complete copy of the table. Append runs read what they add to here.
     */
    public Optional<Dataset<Row>> readPrevious(Table table) {
        Path location = new Path(current, table.tableName());
        if (current.equals(runFolder) || !exists(location)) {
            return Optional.empty();
        }
        return Optional.of(parquet(table, location));
    }

    /** The folder of the run before this one (the current run when this store was opened). */
    public Path previousRunFolder() {
        return current;
    }

    /** Writes a table into this run's folder after checking it has exactly the declared columns and types. */
    public long write(Table table, Dataset<Row> rows) {
        long started = System.nanoTime();
        Dataset<Row> checked = conform(table, rows);
        Path target = new Path(runFolder, table.tableName());
        // The write's jobs carry its table's name; the step's own label comes back afterwards.
        String stepLabel = JobLabels.currentStep(spark);
        JobLabels.step(spark, "write " + table.tableName());
        Observation observed = new Observation("rows written to " + table.tableName() + " " + UUID.randomUUID());
        checked.observe(observed, functions.count(functions.lit(1)).as(ROWS))
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(target.toString());
        addedFiles.remove(table);
        long count = observedCount(observed, table, target);
        JobLabels.step(spark, stepLabel);
        written.put(table, count);
        LOG.info(
                "Wrote {} ({} rows) in {} s",
                table.tableName(),
                count,
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return count;
    }

    /**
     * Writes a table as the run before left it plus the {@code added} rows: the earlier copy's files are shared
     * (hard links locally, copies elsewhere; Parquet files never change once written) and only the new rows are
     * written. An append run uses it for the per-document tables when it keeps every earlier document: {@code
     * added} holds rows of documents the earlier files hold no row of ({@link #readOf} counts on it).
     *
     * <p>Each append adds a few files of its own, and a table of thousands of small files (a year of nightly
     * appends) is slow to read. So once the earlier files come from {@value #MAX_SHARED_WRITES} writes, the table
     * is written whole instead, in files of Spark's usual size, and the appends after that share again.
     */
    public long writeAdding(Table table, Dataset<Row> added) {
        return writeAdding(table, added, MAX_SHARED_WRITES);
    }

    long writeAdding(Table table, Dataset<Row> added, int maxSharedWrites) {
        Path previous = new Path(current, table.tableName());
        if (current.equals(runFolder) || !exists(previous)) {
            return write(table, added);
        }
        List<Path> files = earlierFiles(table, maxSharedWrites);
        if (files == null) {
            // conform first: callers may pass more columns than the table's (write drops them), in any order.
            return write(table, parquet(table, previous).unionByName(conform(table, added)));
        }
        long rows = write(table, added);
        Path target = new Path(runFolder, table.tableName());
        noteAddedFiles(table, target);
        try {
            FileSystem fs = fileSystem();
            for (Path file : files) {
                share(fs, file, new Path(target, file.getName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Sharing the files of " + previous + " into " + target + " failed", e);
        }
        long total = sharedRows(table, target, rows);
        written.put(table, total);
        LOG.info("{}: {} rows kept from the run before, {} added", table.tableName(), total - rows, rows);
        return total;
    }

    /**
     * Rewrites one earlier Parquet file of a table into this run's copy of the table, on an executor, and gives back
     * rows about it for the caller (say, figures gathered while its rows went by), of {@link #givenSchema}.
     */
    public interface FileRewrite extends Serializable {
        Iterator<Row> rewrite(Path from, Path to, Configuration conf) throws IOException;

        StructType givenSchema();
    }

    /**
     * A table written by {@link #writeAddingRewritten}: its rows, and the rows the rewrites gave back (kept: the
     * caller unpersists them), none when the table was written whole.
     */
    public record Rewritten(long rows, Optional<Dataset<Row>> given) {}

    /**
     * As {@link #writeAdding}, but each earlier file is rewritten by {@code rewrite} (one Spark task per file, keeping
     * its name) instead of shared: for a table whose earlier rows all stay while a column's values move with the
     * corpus. Where {@link #writeAdding} would write the table whole, the rows of {@code whole} are written.
     */
    public Rewritten writeAddingRewritten(
            Table table, Dataset<Row> added, FileRewrite rewrite, Supplier<Dataset<Row>> whole) {
        return writeAddingRewritten(table, added, rewrite, whole, MAX_SHARED_WRITES);
    }

    Rewritten writeAddingRewritten(
            Table table, Dataset<Row> added, FileRewrite rewrite, Supplier<Dataset<Row>> whole, int maxSharedWrites) {
        List<Path> files = earlierFiles(table, maxSharedWrites);
        if (files == null) {
            return new Rewritten(write(table, whole.get()), Optional.empty());
        }
        long rows = write(table, added);
        Path target = new Path(runFolder, table.tableName());
        noteAddedFiles(table, target);
        Dataset<Row> given = rewrite(table, files, target, rewrite);
        long total = sharedRows(table, target, rows);
        written.put(table, total);
        LOG.info(
                "{}: {} rows kept from the run before (files rewritten), {} added",
                table.tableName(),
                total - rows,
                rows);
        return new Rewritten(total, Optional.of(given));
    }

    /**
     * The files of the run before's copy of the table to add to; null when it has none, or when they come from
     * {@code maxSharedWrites} writes or more and the table is to be written whole.
     */
    private List<Path> earlierFiles(Table table, int maxSharedWrites) {
        Path previous = new Path(current, table.tableName());
        if (current.equals(runFolder) || !exists(previous)) {
            return null;
        }
        List<Path> files = dataFiles(fileSystem(), previous);
        long writes = files.stream().map(f -> writeOf(f.getName())).distinct().count();
        if (writes >= maxSharedWrites) {
            LOG.info("{}: the earlier files come from {} writes, so it is written whole", table.tableName(), writes);
            return null;
        }
        return files;
    }

    /**
     * Rewrites the files into the target folder, keeping their names: one Spark task per file. Each attempt writes a
     * file of its own (hidden by its leading underscore) and renames it into place only once it is complete, so a
     * failed, retried or speculative attempt never leaves a partial file under a table file's name. The rows the
     * rewrites give back are kept, so that reading them does not rewrite the files again.
     */
    private Dataset<Row> rewrite(Table table, List<Path> files, Path target, FileRewrite rewrite) {
        String stepLabel = JobLabels.currentStep(spark);
        JobLabels.step(spark, "write " + table.tableName() + ": rewrite the earlier files");
        try {
            HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
            String to = target.toString();
            List<String> from = files.stream().map(Path::toString).toList();
            JavaRDD<Row> rewritten = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(from, Math.max(1, from.size()))
                    .mapPartitions(paths -> {
                        List<Row> rows = new ArrayList<>();
                        while (paths.hasNext()) {
                            Path source = new Path(paths.next());
                            rewriteOne(rewrite, source, new Path(to, source.getName()), conf.get())
                                    .forEachRemaining(rows::add);
                        }
                        return rows.iterator();
                    });
            Dataset<Row> given =
                    spark.createDataFrame(rewritten, rewrite.givenSchema()).persist(StorageLevel.MEMORY_AND_DISK());
            given.count(); // the rewrite, once
            return given;
        } finally {
            JobLabels.step(spark, stepLabel);
        }
    }

    /** One file rewritten under a name of this task attempt's, then renamed to its own. */
    private static Iterator<Row> rewriteOne(FileRewrite rewrite, Path from, Path to, Configuration conf)
            throws IOException {
        TaskContext task = TaskContext.get();
        String attempt = task == null ? "driver" : String.valueOf(task.taskAttemptId());
        Path partial = new Path(to.getParent(), "_rewriting-" + attempt + "-" + to.getName());
        FileSystem fs = to.getFileSystem(conf);
        try {
            Iterator<Row> given = rewrite.rewrite(from, partial, conf);
            fs.delete(to, false);
            if (!fs.rename(partial, to)) {
                throw new IOException("could not rename " + partial + " to " + to);
            }
            return given;
        } finally {
            fs.delete(partial, false); // gone after the rename; a failed attempt's is removed here
        }
    }

    /** The data files of a table folder (not its markers or checksums). */
    private static List<Path> dataFiles(FileSystem fs, Path tableDir) {
        try {
            List<Path> files = new ArrayList<>();
            for (FileStatus file : fs.listStatus(tableDir)) {
                String name = file.getPath().getName();
                if (file.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                    files.add(file.getPath());
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + tableDir, e);
        }
    }

    /** The write a file of a table came from: its Spark write's UUID; a file named otherwise counts alone. */
    static String writeOf(String fileName) {
        Matcher m = SPARK_PART.matcher(fileName);
        return m.matches() ? m.group(1) : fileName;
    }

    /**
     * Puts a file or folder of Parquet files that never change into this run: hard links on the local file
     * system, a copy elsewhere (HDFS and object stores have no hard links).
     */
    private void share(FileSystem fs, Path from, Path to) throws IOException {
        if (RunFolders.isLocal(to)) {
            linkTree(RunFolders.local(from), RunFolders.local(to));
        } else if (!FileUtil.copy(fs, from, fs, to, false, spark.sparkContext().hadoopConfiguration())) {
            throw new IOException("could not copy " + from + " to " + to);
        }
    }

    /**
     * The row count the write itself observed, so the table is not read a second time. Spark delivers the
     * observation through its listener bus moments after the write (also for empty writes); should it not come
     * within {@link #OBSERVATION_WAIT}, the written table is counted instead.
     */
    private long observedCount(Observation rows, Table table, Path target) {
        try {
            Await.ready(rows.future(), OBSERVATION_WAIT);
            return ((Number) rows.getAsJava().get(ROWS)).longValue();
        } catch (TimeoutException e) {
            LOG.warn("No row count observed for {} within {}; counting the written table", target, OBSERVATION_WAIT);
            return parquet(table, target).count();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the row count of " + target, e);
        }
    }

    /**
     * The row count of each table of the run before (its manifest's), so that tables this run shares with it
     * ({@link #writeAdding}, {@link #carryOver()}) are not read again to count them. Tables without a count
     * are counted from their Parquet footers.
     */
    public void knowPreviousRowCounts(Map<Table, Long> rows) {
        previousRows = Map.copyOf(rows);
    }

    /**
     * The rows of a table this run holds as the run before left it plus {@code added} rows: the run before's count
     * (see {@link #knowPreviousRowCounts}) plus those, else a count of the table's Parquet footers.
     */
    private long sharedRows(Table table, Path location, long added) {
        Long before = previousRows.get(table);
        return before != null ? before + added : parquet(table, location).count();
    }

    /** Row counts of the tables this run wrote, in the tables' order. */
    public Map<Table, Long> written() {
        synchronized (written) {
            return new LinkedHashMap<>(written);
        }
    }

    /** Row counts of the tables this run took over unchanged from the run before (see {@link #carryOver()}). */
    public Map<Table, Long> carriedOver() {
        synchronized (carriedOver) {
            return new LinkedHashMap<>(carriedOver);
        }
    }

    /**
     * Completes this run's folder with the tables of the current run that this run did not write, so that the
     * folder holds every table once it becomes current (a single job's run keeps the other jobs' tables).
     * Parquet files are never changed once written, so on the local file system they are shared by hard
     * links; elsewhere (HDFS, object stores, which have no hard links) the folders are copied.
     */
    public void carryOver() {
        if (complete || current.equals(runFolder)) {
            return;
        }
        FileSystem fs = fileSystem();
        try {
            for (Table table : Table.values()) {
                Path from = new Path(current, table.tableName());
                if (!written.containsKey(table) && exists(from)) {
                    Path to = new Path(runFolder, table.tableName());
                    share(fs, from, to);
                    carriedOver.put(table, sharedRows(table, to, 0));
                }
            }
            complete = true;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Carrying the unchanged tables of " + current + " into " + runFolder + " failed", e);
        }
    }

    /**
     * Makes this run the current one: completes its folder ({@link #carryOver()}), switches the pointer in one
     * atomic step, then deletes run folders older than the one before (which readers may still be reading)
     * and leftovers of killed runs. The caller holds the output's lock.
     */
    public void commit() {
        carryOver();
        try {
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            Optional<String> previous = RunFolders.publish(root, runId, conf);
            published = true;
            List<String> keep = new ArrayList<>(List.of(runId));
            previous.ifPresent(keep::add);
            prune(keep, conf);
        } catch (IOException e) {
            throw new UncheckedIOException("Committing run " + runId + " under " + root + " failed", e);
        }
    }

    /** Removes old run folders; the run is committed already, so a failure here only leaves them for the next run. */
    private void prune(List<String> keep, Configuration conf) {
        try {
            RunFolders.prune(root, keep, conf);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Run {} is committed, but removing older run folders under {} failed: {}",
                    runId,
                    root,
                    e.toString());
        }
    }

    /** Drops this run's folder after a failure before the commit; the current run is untouched. */
    public void abort() {
        if (published) {
            return;
        }
        try {
            fileSystem().delete(runFolder, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void linkTree(java.nio.file.Path from, java.nio.file.Path to) throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(from)) {
            for (java.nio.file.Path source : (Iterable<java.nio.file.Path>) files::iterator) {
                java.nio.file.Path target = to.resolve(from.relativize(source).toString());
                if (java.nio.file.Files.isDirectory(source)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    try {
                        java.nio.file.Files.createLink(target, source);
                    } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                        java.nio.file.Files.copy(source, target); // a file system without hard links
                    }
                }
            }
        }
    }

    /** Selects the declared columns in declared order; fails naming the column when one is missing or mistyped. */
    static Dataset<Row> conform(Table table, Dataset<Row> rows) {
        StructType actual = rows.schema();
        List<Column> columns = new ArrayList<>();
        for (StructField expected : table.schema().fields()) {
            StructField found = find(actual, expected.name());
            if (found == null) {
                throw new IllegalStateException("Table " + table.tableName() + " is missing column " + expected.name()
                        + "; it has " + String.join(", ", actual.fieldNames()));
            }
            if (!found.dataType().catalogString().equals(expected.dataType().catalogString())) {
                throw new IllegalStateException("Table " + table.tableName() + " column " + expected.name()
                        + " is " + found.dataType().catalogString() + ", declared "
                        + expected.dataType().catalogString());
            }
            columns.add(functions.col(expected.name()));
        }
        return rows.select(columns.toArray(new Column[0]));
    }

    private static StructField find(StructType schema, String name) {
        for (StructField field : schema.fields()) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }

    private boolean exists(Path tableDir) {
        return isComplete(tableDir, spark.sparkContext().hadoopConfiguration());
    }

    /**
     * Whether a table folder was completely written (Spark's {@code _SUCCESS} marker is there). The one rule
     * for "this table exists", also used where no session is running (start-up checks, the report).
     */
    public static boolean isComplete(Path tableDir, Configuration conf) {
        try {
            return tableDir.getFileSystem(conf).exists(new Path(tableDir, SUCCESS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The output root's file system, configured as the session is. */
    public FileSystem fileSystem() {
        try {
            return root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path qualify(Path path, Configuration conf) {
        try {
            return path.getFileSystem(conf).makeQualified(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open output root " + path, e);
        }
    }
}
