package org.newslens.bench;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.newslens.io.Table;

/**
 * Compares the tables of two run folders row for row, ignoring row order: how many rows each side has that the
 * other lacks. Used to check that two ways of making an output (an append against a full run, one partitioning
 * against another) give the same tables. Top-level double columns may be compared to a relative tolerance (a
 * sum taken in another order differs in the last bits); every other column, nested doubles included, must be
 * equal.
 */
public final class OutputComparison {
    /** Folder of the state tables an append keeps inside a run folder. */
    static final String STATE = "state";

    private static final String SIDE = "_side";
    private static final int EXAMPLES_SHOWN = 3;

    private OutputComparison() {}

    /**
     * What is compared.
     *
     * @param skipped table names left out; a name ending in {@code *} leaves out every table starting with the rest
     * @param relativeTolerance doubles a and b are equal when |a - b| <= this × max(|a|, |b|); 0 = equal to the bit
     * @param stateTables also compare every other folder under {@code state/} of the run folders (state an append
     *     keeps that is not a documented {@link Table})
     */
    public record Options(Set<String> skipped, double relativeTolerance, boolean stateTables) {
        /** Every documented {@link Table}, doubles equal to the bit, undocumented state folders left out. */
        public static final Options EXACT = new Options(Set.of(), 0, false);

        public Options skipping(String... names) {
            return new Options(Set.of(names), relativeTolerance, stateTables);
        }

        public Options withRelativeTolerance(double tolerance) {
            return new Options(skipped, tolerance, stateTables);
        }

        public Options withStateTables() {
            return new Options(skipped, relativeTolerance, true);
        }

        boolean skips(String table) {
            return skipped.stream()
                    .anyMatch(name -> name.endsWith("*")
                            ? table.startsWith(name.substring(0, name.length() - 1))
                            : table.equals(name));
        }
    }

    /**
     * One table's comparison. {@code onlyExpected} and {@code onlyActual} count rows (with repeats) found on one
     * side only; the examples are a few of them. A table found in one run folder only has {@code present} false.
     */
    public record TableResult(
            String table,
            boolean present,
            long expectedRows,
            long actualRows,
            long onlyExpected,
            long onlyActual,
            List<Row> expectedExamples,
            List<Row> actualExamples) {
        public boolean equal() {
            return present && onlyExpected == 0 && onlyActual == 0 && expectedRows == actualRows;
        }

        /** Rows that differ: those found on one side only (a row changed counts twice, once per side). */
        public long differingRows() {
            return present ? onlyExpected + onlyActual : Math.max(expectedRows, actualRows);
        }
    }

    /** The comparison of every table found in either run folder (and not skipped), in table order. */
    public static List<TableResult> compare(SparkSession spark, Path expectedRun, Path actualRun, Options options) {
        FileSystem fs = fileSystem(spark, expectedRun);
        List<String> names = new ArrayList<>();
        Arrays.stream(Table.values()).map(Table::tableName).forEach(names::add);
        if (options.stateTables()) {
            List<String> state = new ArrayList<>(stateTables(fs, expectedRun));
            state.addAll(stateTables(fs, actualRun));
            state.stream()
                    .sorted()
                    .distinct()
                    .filter(name -> !names.contains(name))
                    .forEach(names::add);
        }
        List<TableResult> results = new ArrayList<>();
        for (String name : names) {
            if (options.skips(name)) {
                continue;
            }
            Path left = new Path(expectedRun, name);
            Path right = new Path(actualRun, name);
            boolean inLeft = exists(fs, left);
            boolean inRight = exists(fs, right);
            if (!inLeft && !inRight) {
                continue;
            }
            if (!inLeft || !inRight) {
                long rows =
                        spark.read().parquet((inLeft ? left : right).toString()).count();
                results.add(new TableResult(
                        name, false, inLeft ? rows : 0, inRight ? rows : 0, 0, 0, List.of(), List.of()));
                continue;
            }
            results.add(compareTable(
                    name,
                    spark.read().parquet(left.toString()),
                    spark.read().parquet(right.toString()),
                    options.relativeTolerance()));
        }
        return results;
    }

    /**
     * Rows of each side the other lacks, counted in one aggregation over both (each distinct row with its count
     * on the left minus its count on the right); with a tolerance, the rows left over are then matched by their
     * other columns and doubles close enough.
     */
    static TableResult compareTable(String name, Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
        Column[] columns = Arrays.stream(expected.columns()).map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> balance = expected.withColumn(SIDE, lit(1L))
                .unionByName(actual.withColumn(SIDE, lit(-1L)))
                .groupBy(columns)
                .agg(sum(SIDE).as(SIDE))
                .filter(col(SIDE).notEqual(0))
                .cache();
        try {
            Dataset<Row> onlyExpected = balance.filter(col(SIDE).gt(0));
            Dataset<Row> onlyActual = balance.filter(col(SIDE).lt(0));
            List<String> doubles = Arrays.stream(expected.schema().fields())
                    .filter(f -> f.dataType().equals(DataTypes.DoubleType))
                    .map(StructField::name)
                    .toList();
            if (tolerance > 0 && !doubles.isEmpty() && !balance.isEmpty()) {
                Dataset<Row> left = onlyExpected.alias("l");
                Dataset<Row> right = onlyActual.alias("r");
                Column sameRow = sameRow(expected.columns(), doubles, tolerance);
                onlyExpected = left.join(right, sameRow, "left_anti");
                onlyActual = right.join(left, sameRow, "left_anti");
            }
            return new TableResult(
                    name,
                    true,
                    expected.count(),
                    actual.count(),
                    rowsWithRepeats(onlyExpected, 1),
                    rowsWithRepeats(onlyActual, -1),
                    examples(onlyExpected),
                    examples(onlyActual));
        } finally {
            balance.unpersist();
        }
    }

    /** Aliases l and r: every other column null-safe equal, every double within the tolerance. */
    private static Column sameRow(String[] columns, List<String> doubles, double tolerance) {
        Column same = lit(true);
        for (String c : columns) {
            Column l = col("l." + c);
            Column r = col("r." + c);
            if (doubles.contains(c)) {
                same = same.and(l.eqNullSafe(r)
                        .or(abs(l.minus(r)).leq(greatest(abs(l), abs(r)).multiply(tolerance))));
            } else {
                same = same.and(l.eqNullSafe(r));
            }
        }
        return same;
    }

    private static long rowsWithRepeats(Dataset<Row> rows, long sign) {
        Row total = rows.agg(sum(col(SIDE).multiply(sign))).first();
        return total.isNullAt(0) ? 0 : total.getLong(0);
    }

    private static List<Row> examples(Dataset<Row> rows) {
        return rows.drop(SIDE).limit(EXAMPLES_SHOWN).collectAsList();
    }

    /** "state/<name>" for each folder under the run's state folder. */
    private static List<String> stateTables(FileSystem fs, Path run) {
        Path state = new Path(run, STATE);
        List<String> names = new ArrayList<>();
        try {
            if (!fs.exists(state)) {
                return names;
            }
            for (FileStatus status : fs.listStatus(state)) {
                if (status.isDirectory()) {
                    names.add(STATE + "/" + status.getPath().getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.sort(String::compareTo);
        return names;
    }

    private static boolean exists(FileSystem fs, Path table) {
        try {
            return fs.exists(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileSystem fileSystem(SparkSession spark, Path path) {
        try {
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
