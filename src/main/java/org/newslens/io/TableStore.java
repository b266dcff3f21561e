package org.newslens.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;
import scala.concurrent.duration.FiniteDuration;

/**
 * Reads and writes the output tables under one output root (any Hadoop URI).
 *
 * <p>Tables of the current run are written to {@code _staging/<run>/<table>} and only moved into place by
 * {@link #commit()}, after every job of the run succeeded; a run that fails midway leaves the previous run's
 * tables as they were. Jobs later in the same run read the staged tables.
 */
public final class TableStore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TableStore.class);
    private static final String SUCCESS = "_SUCCESS";
    private static final String ROWS = "rows";
    private static final FiniteDuration OBSERVATION_WAIT = Duration.create(30, TimeUnit.SECONDS);

    private final SparkSession spark;
    private final Path root;
    private final Path staging;
    private final Map<Table, Long> written = new LinkedHashMap<>();

    public TableStore(SparkSession spark, String outputRoot, String runId) {
        this.spark = spark;
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        this.root = qualify(new Path(outputRoot), conf);
        this.staging = new Path(new Path(root, "_staging"), runId);
    }

    public Path root() {
        return root;
    }

    /** The table's folder as it is read now: this run's staged copy if there is one, else the committed one. */
    public Path location(Table table) {
        Path staged = new Path(staging, table.tableName());
        return exists(staged) ? staged : new Path(root, table.tableName());
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
        return spark.read().parquet(location.toString());
    }

    /** Writes a table to the staging area after checking it has exactly the declared columns and types. */
    public long write(Table table, Dataset<Row> rows) {
        long started = System.nanoTime();
        Dataset<Row> checked = conform(table, rows);
        Path target = new Path(staging, table.tableName());
        // The write's jobs carry its table's name; the step's own label comes back afterwards.
        String stepLabel = JobLabels.currentStep(spark);
        JobLabels.step(spark, "write " + table.tableName());
        Observation observed = new Observation("rows written to " + table.tableName() + " " + UUID.randomUUID());
        checked.observe(observed, functions.count(functions.lit(1)).as(ROWS)).write().mode(SaveMode.Overwrite)
                .parquet(target.toString());
        long count = observedCount(observed, target);
        JobLabels.step(spark, stepLabel);
        written.put(table, count);
        LOG.info("Wrote {} ({} rows) in {} s", table.tableName(), count,
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return count;
    }

    /**
     * The row count the write itself observed, so the table is not read a second time. Spark delivers the
     * observation through its listener bus moments after the write (also for empty writes); should it not come
     * within {@link #OBSERVATION_WAIT}, the written table is counted instead.
     */
    private long observedCount(Observation rows, Path target) {
        try {
            Await.ready(rows.future(), OBSERVATION_WAIT);
            return ((Number) rows.getAsJava().get(ROWS)).longValue();
        } catch (TimeoutException e) {
            LOG.warn("No row count observed for {} within {}; counting the written table", target, OBSERVATION_WAIT);
            return spark.read().parquet(target.toString()).count();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the row count of " + target, e);
        }
    }

    /** Row counts of the tables this run wrote, in writing order. */
    public Map<Table, Long> written() {
        return new LinkedHashMap<>(written);
    }

    /** Moves every staged table into place, replacing the previous run's copy, and removes the staging area. */
    public void commit() {
        FileSystem fs = fileSystem();
        try {
            for (Table table : written.keySet()) {
                Path target = new Path(root, table.tableName());
                Path old = new Path(staging, table.tableName() + ".previous");
                if (fs.exists(target) && !fs.rename(target, old)) {
                    throw new IOException("could not move aside " + target);
                }
                if (!fs.rename(new Path(staging, table.tableName()), target)) {
                    throw new IOException("could not move " + table.tableName() + " into " + target);
                }
            }
            removeStaging(fs);
        } catch (IOException e) {
            throw new UncheckedIOException("Committing tables under " + root + " failed", e);
        }
    }

    /** Drops this run's staged tables (after a failure). */
    public void abort() {
        try {
            removeStaging(fileSystem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes this run's staging folder, and the staging root when no other run is using it. */
    private void removeStaging(FileSystem fs) throws IOException {
        fs.delete(staging, true);
        Path stagingRoot = staging.getParent();
        if (fs.exists(stagingRoot) && fs.listStatus(stagingRoot).length == 0) {
            fs.delete(stagingRoot, false);
        }
    }

    /** Selects the declared columns in declared order; fails naming the column when one is missing or mistyped. */
    static Dataset<Row> conform(Table table, Dataset<Row> rows) {
        StructType actual = rows.schema();
        List<Column> columns = new ArrayList<>();
        for (StructField expected : table.schema().fields()) {
            StructField found = find(actual, expected.name());
            if (found == null) {
                throw new IllegalStateException("Table " + table.tableName() + " is missing column "
                        + expected.name() + "; it has " + String.join(", ", actual.fieldNames()));
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
