package org.newslens.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.newslens.io.Table;
import org.newslens.testing.Outputs;

/** Compares the tables of two output roots row for row, ignoring row order. */
final class TableComparison {
    private TableComparison() {
    }

    /** The tables that differ, each with the number of rows found only on each side; empty when equal. */
    static List<String> differences(SparkSession spark, Path expected, Path actual) {
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
            Dataset<Row> a = comparable(spark.read().parquet(left.toString()));
            Dataset<Row> b = comparable(spark.read().parquet(right.toString()));
            long onlyLeft = a.exceptAll(b).count();
            long onlyRight = b.exceptAll(a).count();
            if (onlyLeft + onlyRight > 0) {
                differences.add(String.format("%s: %d rows only in %s, %d only in %s",
                        table.tableName(), onlyLeft, expected, onlyRight, actual));
            }
        }
        return differences;
    }

    /** Doubles rounded to 9 decimals: sums taken in a different partition order may differ in the last bit. */
    private static Dataset<Row> comparable(Dataset<Row> rows) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : rows.schema().fields()) {
            columns.add(field.dataType().equals(DataTypes.DoubleType)
                    ? round(col(field.name()), 9).as(field.name()) : col(field.name()));
        }
        return rows.select(columns.toArray(new Column[0]));
    }
}
