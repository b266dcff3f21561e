package org.newslens.io;

import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Numbers distinct rows, so that a task can count over small numbers instead of strings. */
public final class RowNumbers {
    private RowNumbers() {}

    /**
     * The rows (distinct ones, such as ids) with an int column {@code idColumn} numbering them from 0 in the order of
     * their columns: the same rows get the same numbers, however often the result is computed.
     */
    public static Dataset<Row> number(Dataset<Row> rows, String idColumn) {
        StructType schema = rows.schema().add(idColumn, DataTypes.IntegerType, false);
        int width = rows.schema().size();
        JavaRDD<Row> numbered = rows.orderBy(rows.columns()[0], Arrays.copyOfRange(rows.columns(), 1, width))
                .javaRDD()
                .zipWithIndex()
                .map(row -> {
                    Object[] values = new Object[width + 1];
                    for (int i = 0; i < width; i++) {
                        values[i] = row._1().get(i);
                    }
                    values[width] = Math.toIntExact(row._2());
                    return RowFactory.create(values);
                });
        return rows.sparkSession().createDataFrame(numbered, schema);
    }
}
