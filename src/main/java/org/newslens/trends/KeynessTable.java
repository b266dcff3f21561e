package org.newslens.trends;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;
import org.newslens.io.Columns;
import org.newslens.io.GroupedRows;
import org.newslens.io.Table;
import org.newslens.stats.Keyness;

/**
 * The keyness table: for each group of a grouping, every term (and entity) used at least min-count times in
 * it, with its count inside and in the reference and the {@link Keyness} scores. Grouping {@code outlet}
 * compares one outlet with all the others; grouping {@code period} compares one period with all the periods
 * before it (the first period has no reference and no rows). Totals are the counts of all terms (or all
 * entity mentions) of the group and of the reference.
 *
 * <p>The per-document features are summed once per (feature, outlet, period) cell; the cells of one feature
 * then meet in one partition, where both groupings are worked out in one pass (the group totals, a few rows
 * per outlet and period, travel with the task).
 */
final class KeynessTable {
    static final String OUTLET = "outlet";
    static final String PERIOD = "period";
    static final String TERM = "term";
    static final String ENTITY = "entity";
    private static final String FEATURE = "feature";
    /** About what one (doc_id, outlet, period_index) row takes in a broadcast hash table. */
    private static final long GROUP_ROW_BYTES = 80;

    private KeynessTable() {}

    /**
     * The per-document features summed per (kind, feature, outlet, period_index) cell: each document carries
     * its outlet (null when the outlet grouping leaves it out) and its period (null when undated or left out).
     *
     * @param features doc_id, kind, feature (a term or an entity id), n (occurrences in the document)
     * @param outletDocs doc_id, outlet of the documents the outlet grouping counts
     * @param periodDocs doc_id, period_index of the documents the period grouping counts
     * @param documents how many documents there are (for the choice of join)
     */
    static Dataset<Row> cells(Dataset<Row> features, Dataset<Row> outletDocs, Dataset<Row> periodDocs, long documents) {
        Dataset<Row> outlets = outletDocs.select(col(Columns.DOC_ID), col(Columns.OUTLET));
        Dataset<Row> periods = periodDocs.select(col(Columns.DOC_ID).as("period_doc"), col("period_index"));
        Dataset<Row> groups = outlets.join(
                        periods, outlets.col(Columns.DOC_ID).equalTo(col("period_doc")), "full_outer")
                .select(
                        coalesce(outlets.col(Columns.DOC_ID), col("period_doc")).as(Columns.DOC_ID),
                        col(Columns.OUTLET),
                        col("period_index"));
        // Each document's groups meet its many feature rows: when the map of documents to groups is under Spark's
        // broadcast threshold, every task gets all of it, so the feature rows are not shuffled for the join. Spark
        // cannot tell its size from the plan (a window and an outer join), so it is worked out from the count.
        boolean small = documents * GROUP_ROW_BYTES <= SQLConf.get().autoBroadcastJoinThreshold();
        return features.join(small ? broadcast(groups) : groups, Columns.DOC_ID)
                .groupBy(Columns.KIND, FEATURE, Columns.OUTLET, "period_index")
                .agg(sum("n").as("n"));
    }

    /**
     * @param cells the counts of {@link #cells}
     * @param periodLabels period_index to the period's label, for every period
     * @param entityNames entity_id, name (the entities table)
     */
    static Dataset<Row> build(
            Dataset<Row> cells, Map<Long, String> periodLabels, Dataset<Row> entityNames, int minCount) {
        Totals totals = Totals.of(cells, periodLabels);
        StructType schema = Table.KEYNESS.schema();
        Dataset<Row> scored = cells.repartition(col(Columns.KIND), col(FEATURE))
                .sortWithinPartitions(Columns.KIND, FEATURE)
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>) rows -> new FeatureScorer(rows, totals, minCount),
                        Encoders.row(schema));
        // Entities are labelled with their canonical name; terms are their own label.
        Dataset<Row> entities = scored.filter(col(Columns.KIND).equalTo(ENTITY))
                .drop(Columns.TERM)
                .join(entityNames.select(Columns.ENTITY_ID, Columns.NAME), Columns.ENTITY_ID)
                .withColumnRenamed(Columns.NAME, Columns.TERM);
        return scored.filter(col(Columns.KIND).equalTo(TERM)).unionByName(entities);
    }

    /** The total occurrences of each kind per outlet and per period: one row per (kind, group), so small. */
    private record Totals(
            Map<String, Map<String, Long>> byOutlet,
            Map<String, Long> allOutlets,
            Map<String, TreeMap<Long, Long>> byPeriod,
            Map<String, Map<Long, Long>> beforePeriod,
            Map<Long, String> periodLabels)
            implements Serializable {

        static Totals of(Dataset<Row> cells, Map<Long, String> periodLabels) {
            Map<String, Map<String, Long>> byOutlet = new TreeMap<>();
            Map<String, Long> allOutlets = new TreeMap<>();
            for (Row r : cells.filter(col(Columns.OUTLET).isNotNull())
                    .groupBy(Columns.KIND, Columns.OUTLET)
                    .agg(sum("n").as("n"))
                    .collectAsList()) {
                long n = r.getAs("n");
                byOutlet.computeIfAbsent(r.getAs(Columns.KIND), k -> new TreeMap<>())
                        .put(r.getAs(Columns.OUTLET), n);
                allOutlets.merge(r.getAs(Columns.KIND), n, Long::sum);
            }
            Map<String, TreeMap<Long, Long>> byPeriod = new TreeMap<>();
            for (Row r : cells.filter(col("period_index").isNotNull())
                    .groupBy(Columns.KIND, "period_index")
                    .agg(sum("n").as("n"))
                    .collectAsList()) {
                byPeriod.computeIfAbsent(r.getAs(Columns.KIND), k -> new TreeMap<>())
                        .put(r.getAs("period_index"), r.getAs("n"));
            }
            Map<String, Map<Long, Long>> beforePeriod = new TreeMap<>();
            byPeriod.forEach((kind, periods) -> {
                long before = 0;
                for (Map.Entry<Long, Long> period : periods.entrySet()) {
                    beforePeriod.computeIfAbsent(kind, k -> new TreeMap<>()).put(period.getKey(), before);
                    before += period.getValue();
                }
            });
            return new Totals(byOutlet, allOutlets, byPeriod, beforePeriod, new TreeMap<>(periodLabels));
        }
    }

    /**
     * Reads the cells sorted by (kind, feature) and gives, per feature, its rows of both groupings. Counts are
     * whole numbers summed in a fixed order, so the rows do not depend on partitioning.
     */
    private static final class FeatureScorer extends GroupedRows {
        private final Totals totals;
        private final int minCount;

        FeatureScorer(Iterator<Row> cells, Totals totals, int minCount) {
            super(cells);
            this.totals = totals;
            this.minCount = minCount;
        }

        @Override
        protected void readGroup(List<Row> out) {
            String kind = peek().getAs(Columns.KIND);
            String feature = peek().getAs(FEATURE);
            Map<String, Long> byOutlet = new TreeMap<>();
            TreeMap<Long, Long> byPeriod = new TreeMap<>();
            while (peek() != null && kind.equals(peek().getAs(Columns.KIND)) && feature.equals(peek().getAs(FEATURE))) {
                Row cell = take();
                long n = cell.getAs("n");
                String outlet = cell.getAs(Columns.OUTLET);
                Long period = cell.getAs("period_index");
                if (outlet != null) {
                    byOutlet.merge(outlet, n, Long::sum);
                }
                if (period != null) {
                    byPeriod.merge(period, n, Long::sum);
                }
            }
            String entityId = ENTITY.equals(kind) ? feature : null;

            long featureTotal =
                    byOutlet.values().stream().mapToLong(Long::longValue).sum();
            long kindTotal = totals.allOutlets().getOrDefault(kind, 0L);
            Map<String, Long> outletTotals = totals.byOutlet().getOrDefault(kind, Map.of());
            byOutlet.forEach((outlet, countIn) -> {
                long totalIn = outletTotals.get(outlet);
                add(
                        out,
                        OUTLET,
                        outlet,
                        kind,
                        feature,
                        entityId,
                        countIn,
                        featureTotal - countIn,
                        totalIn,
                        kindTotal - totalIn);
            });

            long earlier = 0;
            Map<Long, Long> periodTotals = totals.byPeriod().get(kind);
            Map<Long, Long> beforeTotals = totals.beforePeriod().get(kind);
            for (Map.Entry<Long, Long> cell : byPeriod.entrySet()) {
                long countIn = cell.getValue();
                add(
                        out,
                        PERIOD,
                        totals.periodLabels().get(cell.getKey()),
                        kind,
                        feature,
                        entityId,
                        countIn,
                        earlier,
                        periodTotals.get(cell.getKey()),
                        beforeTotals.get(cell.getKey()));
                earlier += countIn;
            }
        }

        private void add(
                List<Row> out,
                String grouping,
                String group,
                String kind,
                String feature,
                String entityId,
                long countIn,
                long countOut,
                long totalIn,
                long totalOut) {
            if (totalOut <= 0 || countIn < minCount) {
                return;
            }
            double g2 = Keyness.signedG2(countIn, countOut, totalIn, totalOut);
            out.add(RowFactory.create(
                    grouping,
                    group,
                    kind,
                    feature,
                    entityId,
                    countIn,
                    countOut,
                    totalIn,
                    totalOut,
                    g2,
                    Keyness.pValue(g2),
                    Keyness.logRatio(countIn, countOut, totalIn, totalOut)));
        }
    }
}
