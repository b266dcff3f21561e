package org.newslens.trends;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.newslens.io.Columns;
import org.newslens.stats.BurstTest;

/**
 * The burst columns of entity_trends and pair_trends from per-(item, period) document counts: the item's
 * documents in the trailing history, the expected value, the {@link BurstTest} p-value and score, the
 * Benjamini-Hochberg q-value over every tested row (rows of periods without history are not tested) and the
 * flag. Counts are summed as whole numbers, so the result does not depend on partitioning.
 */
final class BurstScoring {
    private static final UserDefinedFunction P_VALUE =
            udf((UDF4<Long, Long, Long, Long, Double>) BurstTest::pValue, DataTypes.DoubleType);
    /** The score from the row's p-value: the incomplete beta behind a p-value is the costly part, so it runs once. */
    private static final UserDefinedFunction SCORE =
            udf((UDF5<Double, Long, Long, Long, Long, Double>) BurstTest::score, DataTypes.DoubleType);

    private BurstScoring() {}

    /**
     * @param counts the item's key columns, period_index and docs, plus any columns to keep
     * @param periods period_index, period, period_start, period_end, period_docs, history_period_docs,
     *                earlier_period_docs (one row per period with documents)
     * @param keep keeps a dataset for the caller's run (released by the caller): the scored rows, which the
     *     q-values' count and lookup read and the untested rows read again
     */
    static Dataset<Row> score(
            SparkSession spark,
            Dataset<Row> counts,
            List<String> keys,
            Dataset<Row> periods,
            int history,
            double fdr,
            int minDocs,
            UnaryOperator<Dataset<Row>> keep) {
        WindowSpec byItem = Window.partitionBy(keys.stream().map(k -> col(k)).toArray(Column[]::new))
                .orderBy(col("period_index"));
        Dataset<Row> rows = keep.apply(counts
                // A range over indices: periods without documents count as zero.
                .withColumn(
                        Columns.HISTORY_DOCS,
                        coalesce(sum(Columns.DOCS).over(byItem.rangeBetween(-history, -1)), lit(0L)))
                .withColumn(
                        "earlier_docs",
                        coalesce(sum(Columns.DOCS).over(byItem.rowsBetween(Window.unboundedPreceding(), -1)), lit(0L)))
                .join(broadcast(periods), "period_index")
                .withColumn(Columns.SHARE, col(Columns.DOCS).divide(col(Columns.PERIOD_DOCS)))
                .withColumn(
                        Columns.IS_NEW,
                        col("earlier_docs")
                                .equalTo(0)
                                .and(col("earlier_period_docs").gt(0)))
                .withColumn(
                        Columns.EXPECTED,
                        when(
                                col(Columns.HISTORY_PERIOD_DOCS).gt(0),
                                col(Columns.PERIOD_DOCS)
                                        .multiply(col(Columns.HISTORY_DOCS))
                                        .divide(col(Columns.HISTORY_PERIOD_DOCS))))
                // Worked out here, in the kept rows, so that the q-values' passes over them do not again.
                .withColumn(
                        Columns.P_VALUE,
                        when(
                                col(Columns.HISTORY_PERIOD_DOCS).gt(0),
                                P_VALUE.apply(
                                        col(Columns.DOCS),
                                        col(Columns.HISTORY_DOCS),
                                        col(Columns.PERIOD_DOCS),
                                        col(Columns.HISTORY_PERIOD_DOCS))))
                // Without history the p-value is 1 (null in the table), so the score is 0.
                .withColumn(
                        Columns.BURST_SCORE,
                        when(
                                        col(Columns.HISTORY_PERIOD_DOCS).gt(0),
                                        SCORE.apply(
                                                col(Columns.P_VALUE),
                                                col(Columns.DOCS),
                                                col(Columns.HISTORY_DOCS),
                                                col(Columns.PERIOD_DOCS),
                                                col(Columns.HISTORY_PERIOD_DOCS)))
                                .otherwise(lit(0.0))));
        Dataset<Row> tested = rows.filter(col(Columns.HISTORY_PERIOD_DOCS).gt(0));
        List<Column> order = new ArrayList<>();
        order.add(col("period_index"));
        keys.forEach(k -> order.add(col(k)));
        Dataset<Row> adjusted = FalseDiscovery.withQValues(spark, tested, "p_value", order.toArray(new Column[0]));
        Dataset<Row> untested = rows.filter(col(Columns.HISTORY_PERIOD_DOCS).equalTo(0))
                .withColumn(FalseDiscovery.Q_VALUE, lit(null).cast("double"));
        return adjusted.unionByName(untested)
                .withColumn(
                        Columns.IS_BURST,
                        coalesce(
                                col(FalseDiscovery.Q_VALUE)
                                        .leq(fdr)
                                        .and(col(Columns.DOCS).geq(minDocs))
                                        .and(col(Columns.DOCS).gt(col(Columns.EXPECTED))),
                                lit(false)));
    }
}
