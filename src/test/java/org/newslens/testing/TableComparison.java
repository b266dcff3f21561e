package org.newslens.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newslens.io.Table;

/**
 * Compares the tables of the current runs of two output roots row for row, ignoring row order. Doubles must be equal to the last
 * bit: the same input and settings give the same tables, whatever the partitioning or the cluster.
 */
public final class TableComparison {
    private static final int SHOWN = 3;

    private TableComparison() {}

    /** The tables that differ, each with its row counts found only on each side and a few of them; empty when equal. */
    public static List<String> differences(SparkSession spark, Path expected, Path actual) {
        List<String> differences = new ArrayList<>();
        for (Table table : Table.values()) {
            Path left = Outputs.currentRun(expected).resolve(table.tableName());
            Path right = Outputs.currentRun(actual).resolve(table.tableName());
            if (!Files.exists(left) && !Files.exists(right)) {
                continue;
            }
            if (!Files.exists(left) || !Files.exists(right)) {
                differences.add(table.tableName() + ": present in only one output");
                continue;
            }
            Dataset<Row> a = spark.read().parquet(left.toString());
            Dataset<Row> b = spark.read().parquet(right.toString());
            List<Row> onlyLeft = a.exceptAll(b).collectAsList();
            List<Row> onlyRight = b.exceptAll(a).collectAsList();
            if (!onlyLeft.isEmpty() || !onlyRight.isEmpty()) {
                differences.add(String.format(
                        "%s: %d rows only in %s, %d only in %s; e.g. %s against %s",
                        table.tableName(),
                        onlyLeft.size(),
                        expected,
                        onlyRight.size(),
                        actual,
                        onlyLeft.subList(0, Math.min(SHOWN, onlyLeft.size())),
                        onlyRight.subList(0, Math.min(SHOWN, onlyRight.size()))));
            }
        }
        return differences;
    }
}
