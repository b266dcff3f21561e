package org.newslens.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.newslens.bench.OutputComparison;
import org.newslens.bench.OutputComparison.Options;
import org.newslens.bench.OutputComparison.TableResult;

/**
 * Compares the tables of the current runs of two output roots row for row, ignoring row order. By default
 * doubles must be equal to the last bit: the same input and settings give the same tables, whatever the
 * partitioning or the cluster. {@link Options} can leave tables out and compare doubles to a relative tolerance.
 */
public final class TableComparison {
    private TableComparison() {}

    /** The tables that differ, each with its row counts found only on each side and a few of them; empty when equal. */
    public static List<String> differences(SparkSession spark, Path expected, Path actual) {
        return differences(spark, expected, actual, Options.EXACT);
    }

    /** As {@link #differences(SparkSession, Path, Path)}, comparing as {@code options} say. */
    public static List<String> differences(SparkSession spark, Path expected, Path actual, Options options) {
        return runDifferences(spark, Outputs.currentRun(expected), Outputs.currentRun(actual), options);
    }

    /** The differences between two run folders (e.g. a copy of an earlier run and the current one). */
    public static List<String> runDifferences(SparkSession spark, Path expectedRun, Path actualRun, Options options) {
        List<String> differences = new ArrayList<>();
        for (TableResult result : OutputComparison.compare(
                spark,
                new org.apache.hadoop.fs.Path(expectedRun.toAbsolutePath().toUri()),
                new org.apache.hadoop.fs.Path(actualRun.toAbsolutePath().toUri()),
                options)) {
            if (!result.present()) {
                differences.add(result.table() + ": present in only one output");
            } else if (!result.equal()) {
                differences.add(String.format(
                        "%s: %d rows only in %s, %d only in %s (%d against %d rows); e.g. %s against %s",
                        result.table(),
                        result.onlyExpected(),
                        expectedRun,
                        result.onlyActual(),
                        actualRun,
                        result.expectedRows(),
                        result.actualRows(),
                        result.expectedExamples(),
                        result.actualExamples()));
            }
        }
        return differences;
    }
}
