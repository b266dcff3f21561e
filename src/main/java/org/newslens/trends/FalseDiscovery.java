package org.newslens.trends;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.stats.BenjaminiHochberg;

/**
 * Benjamini-Hochberg q-values over every row of a table, without gathering the rows in one place. Tied p-values
 * always share their q-value, so a row's q-value depends on its p-value alone: the rows are counted per distinct
 * p-value, and while there are at most {@link #MAX_DISTINCT_ON_DRIVER} of those (the burst tests' p-values come
 * from a few whole numbers each, so they repeat a lot), the driver works out each one's q-value and the rows look
 * theirs up in one pass. Beyond that, the rows are sorted by p-value (range-partitioned, ties broken by the key
 * columns, so ranks do not depend on partitioning), then one pass counts each partition (the ranks where it
 * starts), a second finds each partition's smallest m p / rank, and the last adjusts each partition with the
 * minimum of the partitions after it. All three passes read the same sorted RDD, so they see the same partitions.
 */
final class FalseDiscovery {
    static final String Q_VALUE = "q_value";

    private FalseDiscovery() {}

    /**
     * Most distinct p-values whose q-values the driver works out: up to this many (p-value, count) rows reach the
     * driver (some tens of MB at most), and two arrays of doubles are broadcast to the tasks.
     */
    static final int MAX_DISTINCT_ON_DRIVER = 500_000;

    /** The rows with a {@code q_value} column added; {@code order} must make the sort total (the row's key). */
    static Dataset<Row> withQValues(SparkSession spark, Dataset<Row> tests, String pColumn, Column... order) {
        return withQValues(spark, tests, pColumn, MAX_DISTINCT_ON_DRIVER, order);
    }

    static Dataset<Row> withQValues(
            SparkSession spark, Dataset<Row> tests, String pColumn, int maxDistinct, Column... order) {
        List<Row> perValue =
                tests.groupBy(pColumn).count().limit(maxDistinct + 1).collectAsList();
        if (perValue.size() > maxDistinct) {
            return sortedAcross(spark, tests, pColumn, order);
        }
        double[] distinct = new double[perValue.size()];
        long[] counts = new long[perValue.size()];
        List<Row> ascending = new ArrayList<>(perValue);
        ascending.sort((a, b) -> Double.compare(pOf(a, pColumn), pOf(b, pColumn)));
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = pOf(ascending.get(i), pColumn);
            counts[i] = ascending.get(i).getLong(1);
        }
        double[] q = BenjaminiHochberg.adjustDistinct(distinct, counts);
        Broadcast<double[][]> table =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new double[][] {distinct, q});
        UserDefinedFunction qOf = udf((UDF1<Double, Double>) p -> qOf(table.value(), p), DataTypes.DoubleType)
                .asNonNullable();
        return tests.withColumn(Q_VALUE, qOf.apply(col(pColumn)));
    }

    private static double pOf(Row perValue, String pColumn) {
        if (perValue.isNullAt(0)) {
            throw new IllegalArgumentException("q-values: a tested row has no " + pColumn);
        }
        return perValue.getDouble(0);
    }

    /** The q-value of p-value {@code p}, one of {@code table[0]} (ascending), from {@code table[1]}. */
    private static double qOf(double[][] table, Double p) {
        // + 0.0 turns -0.0 into 0.0, as Spark's grouping does
        int at = Arrays.binarySearch(table[0], p + 0.0);
        if (at < 0) {
            throw new IllegalStateException("q-values: p-value " + p + " was not among the counted ones");
        }
        return table[1][at];
    }

    /** The rows sorted by p-value across the cluster, their q-values worked out partition by partition. */
    private static Dataset<Row> sortedAcross(SparkSession spark, Dataset<Row> tests, String pColumn, Column... order) {
        List<Column> sortBy = new ArrayList<>();
        sortBy.add(tests.col(pColumn).asc());
        sortBy.addAll(List.of(order));
        Dataset<Row> sorted = tests.orderBy(sortBy.toArray(new Column[0]));
        StructType schema = sorted.schema().add(Q_VALUE, DataTypes.DoubleType, false);
        int p = sorted.schema().fieldIndex(pColumn);
        JavaRDD<Row> rows = sorted.javaRDD();

        List<Long> sizes = rows.mapPartitions((Iterator<Row> it) -> {
                    long n = 0;
                    for (; it.hasNext(); it.next()) {
                        n++;
                    }
                    return List.of(n).iterator();
                })
                .collect();
        long[] firstRank = new long[sizes.size()];
        long m = 0;
        for (int i = 0; i < sizes.size(); i++) {
            firstRank[i] = m + 1;
            m += sizes.get(i);
        }
        long count = m;
        List<Double> minima = rows.mapPartitionsWithIndex(
                        (Integer part, Iterator<Row> it) -> {
                            double min = 1.0;
                            long rank = firstRank[part];
                            while (it.hasNext()) {
                                min = Math.min(min, count * it.next().getDouble(p) / rank++);
                            }
                            return List.of(min).iterator();
                        },
                        true)
                .collect();
        double[] later = new double[minima.size()];
        double running = 1.0;
        for (int i = minima.size() - 1; i >= 0; i--) {
            later[i] = running;
            running = Math.min(running, minima.get(i));
        }
        JavaRDD<Row> adjusted = rows.mapPartitionsWithIndex(
                (Integer part, Iterator<Row> it) -> {
                    List<Row> slice = new ArrayList<>();
                    it.forEachRemaining(slice::add);
                    double[] ps = new double[slice.size()];
                    for (int i = 0; i < ps.length; i++) {
                        ps[i] = slice.get(i).getDouble(p);
                    }
                    double[] q = BenjaminiHochberg.adjustSorted(ps, firstRank[part], count, later[part]);
                    List<Row> out = new ArrayList<>(slice.size());
                    for (int i = 0; i < ps.length; i++) {
                        Object[] values = new Object[slice.get(i).length() + 1];
                        for (int f = 0; f < values.length - 1; f++) {
                            values[f] = slice.get(i).get(f);
                        }
                        values[values.length - 1] = q[i];
                        out.add(RowFactory.create(values));
                    }
                    return out.iterator();
                },
                true);
        return spark.createDataFrame(adjusted, schema);
    }
}
