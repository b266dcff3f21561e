package org.newslens.trends;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.io.Columns;
import org.newslens.stats.Keyness;

/**
 * The keyness table: for each group of a grouping, every term (and entity) used at least min-count times in
 * it, with its count inside and in the reference and the {@link Keyness} scores. Grouping {@code outlet}
 * compares one outlet with all the others; grouping {@code period} compares one period with all the periods
 * before it (the first period has no reference and no rows). Totals are the counts of all terms (or all
 * entity mentions) of the group and of the reference.
 */
final class KeynessTable {
    static final String OUTLET = "outlet";
    static final String PERIOD = "period";
    static final String TERM = "term";
    static final String ENTITY = "entity";

    private static final UserDefinedFunction G2 =
            udf((UDF4<Long, Long, Long, Long, Double>) Keyness::signedG2, DataTypes.DoubleType);
    private static final UserDefinedFunction P_VALUE =
            udf((UDF1<Double, Double>) Keyness::pValue, DataTypes.DoubleType);
    private static final UserDefinedFunction LOG_RATIO =
            udf((UDF4<Long, Long, Long, Long, Double>) Keyness::logRatio, DataTypes.DoubleType);
    private static final StructType TOTALS = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("group", DataTypes.StringType, false)
            .add("total_in", DataTypes.LongType, false)
            .add("total_out", DataTypes.LongType, false);

    private KeynessTable() {}

    /**
     * @param features doc_id, kind, feature (term or entity id), term (the label), entity_id, n (per document)
     * @param outletDocs doc_id, outlet of the documents the outlet grouping counts
     * @param periodDocs doc_id, period, period_index of the documents the period grouping counts
     */
    /** @param cells the counts of {@link #cells}, read by both groupings (so best kept by the caller) */
    static Dataset<Row> build(SparkSession spark, Dataset<Row> cells, int minCount) {
        Dataset<Row> byOutlet = byOutlet(spark, cells.filter(col(Columns.OUTLET).isNotNull()), minCount);
        Dataset<Row> byPeriod = byPeriod(spark, cells.filter(col(Columns.PERIOD).isNotNull()), minCount);
        return byOutlet.unionByName(byPeriod);
    }

    /**
     * The per-document features summed per (feature, outlet, period) cell, in one pass over them: each document
     * carries its outlet (null when the outlet grouping leaves it out) and its period (null when undated or
     * left out), and both groupings then add up these far fewer cells.
     */
    static Dataset<Row> cells(Dataset<Row> features, Dataset<Row> outletDocs, Dataset<Row> periodDocs) {
        Dataset<Row> outlets = outletDocs.select(col(Columns.DOC_ID), col(Columns.OUTLET));
        Dataset<Row> periods =
                periodDocs.select(col(Columns.DOC_ID).as("period_doc"), col(Columns.PERIOD), col("period_index"));
        Dataset<Row> groups = outlets.join(
                        periods, outlets.col(Columns.DOC_ID).equalTo(col("period_doc")), "full_outer")
                .select(
                        coalesce(outlets.col(Columns.DOC_ID), col("period_doc")).as(Columns.DOC_ID),
                        col(Columns.OUTLET),
                        col(Columns.PERIOD),
                        col("period_index"));
        return features.join(groups, Columns.DOC_ID)
                .groupBy(
                        Columns.KIND,
                        "feature",
                        Columns.TERM,
                        Columns.ENTITY_ID,
                        Columns.OUTLET,
                        Columns.PERIOD,
                        "period_index")
                .agg(sum("n").as("n"));
    }

    /** @param cells rows of {@link #cells} with an outlet */
    static Dataset<Row> byOutlet(SparkSession spark, Dataset<Row> cells, int minCount) {
        Dataset<Row> counts = cells.withColumnRenamed(Columns.OUTLET, Columns.GROUP)
                .groupBy(Columns.KIND, "feature", Columns.TERM, Columns.ENTITY_ID, Columns.GROUP)
                .agg(sum("n").as(Columns.COUNT_IN));
        Dataset<Row> featureTotals = counts.groupBy(Columns.KIND, "feature")
                .agg(sum(Columns.COUNT_IN).as("feature_total"));
        // One row per (kind, outlet): small, so gathered and the reference totals worked out here.
        List<Row> groupTotals = counts.groupBy(Columns.KIND, Columns.GROUP)
                .agg(sum(Columns.COUNT_IN).as(Columns.TOTAL_IN))
                .collectAsList();
        Map<String, Long> kindTotals = new HashMap<>();
        groupTotals.forEach(r -> kindTotals.merge(r.getAs(Columns.KIND), r.<Long>getAs(Columns.TOTAL_IN), Long::sum));
        List<Row> totals = new ArrayList<>();
        groupTotals.forEach(r -> totals.add(RowFactory.create(
                r.getAs(Columns.KIND),
                r.getAs(Columns.GROUP),
                r.getAs(Columns.TOTAL_IN),
                kindTotals.get(r.<String>getAs(Columns.KIND)) - r.<Long>getAs(Columns.TOTAL_IN))));
        Dataset<Row> scored = counts.join(featureTotals, new String[] {Columns.KIND, "feature"})
                .withColumn(Columns.COUNT_OUT, col("feature_total").minus(col(Columns.COUNT_IN)))
                .join(broadcast(spark.createDataFrame(totals, TOTALS)), new String[] {Columns.KIND, Columns.GROUP});
        return scores(scored, OUTLET, minCount);
    }

    /** @param cells rows of {@link #cells} with a period */
    static Dataset<Row> byPeriod(SparkSession spark, Dataset<Row> cells, int minCount) {
        Dataset<Row> counts = cells.withColumnRenamed(Columns.PERIOD, Columns.GROUP)
                .groupBy(Columns.KIND, "feature", Columns.TERM, Columns.ENTITY_ID, Columns.GROUP, "period_index")
                .agg(sum("n").as(Columns.COUNT_IN));
        Dataset<Row> earlier = counts.withColumn(
                Columns.COUNT_OUT,
                coalesce(
                        sum(Columns.COUNT_IN)
                                .over(Window.partitionBy(Columns.KIND, "feature")
                                        .orderBy("period_index")
                                        .rowsBetween(Window.unboundedPreceding(), -1)),
                        lit(0L)));
        List<Row> groupTotals = counts.groupBy(Columns.KIND, Columns.GROUP, "period_index")
                .agg(sum(Columns.COUNT_IN).as(Columns.TOTAL_IN))
                .orderBy(Columns.KIND, "period_index")
                .collectAsList();
        List<Row> totals = new ArrayList<>();
        Map<String, Long> before = new HashMap<>();
        for (Row r : groupTotals) {
            String kind = r.getAs(Columns.KIND);
            long total = r.getAs(Columns.TOTAL_IN);
            long earlierTotal = before.getOrDefault(kind, 0L);
            totals.add(RowFactory.create(kind, r.getAs(Columns.GROUP), total, earlierTotal));
            before.put(kind, earlierTotal + total);
        }
        Dataset<Row> scored = earlier.join(
                broadcast(spark.createDataFrame(totals, TOTALS)), new String[] {Columns.KIND, Columns.GROUP});
        return scores(scored, PERIOD, minCount);
    }

    private static Dataset<Row> scores(Dataset<Row> counted, String grouping, int minCount) {
        return counted.filter(
                        col(Columns.TOTAL_OUT).gt(0).and(col(Columns.COUNT_IN).geq(minCount)))
                .withColumn(Columns.GROUPING, lit(grouping))
                .withColumn(
                        Columns.G2,
                        G2.apply(
                                col(Columns.COUNT_IN),
                                col(Columns.COUNT_OUT),
                                col(Columns.TOTAL_IN),
                                col(Columns.TOTAL_OUT)))
                .withColumn(Columns.P_VALUE, P_VALUE.apply(col(Columns.G2)))
                .withColumn(
                        Columns.LOG_RATIO,
                        LOG_RATIO.apply(
                                col(Columns.COUNT_IN),
                                col(Columns.COUNT_OUT),
                                col(Columns.TOTAL_IN),
                                col(Columns.TOTAL_OUT)))
                .select(
                        Columns.GROUPING,
                        Columns.GROUP,
                        Columns.KIND,
                        Columns.TERM,
                        Columns.ENTITY_ID,
                        Columns.COUNT_IN,
                        Columns.COUNT_OUT,
                        Columns.TOTAL_IN,
                        Columns.TOTAL_OUT,
                        Columns.G2,
                        Columns.P_VALUE,
                        Columns.LOG_RATIO);
    }
}
