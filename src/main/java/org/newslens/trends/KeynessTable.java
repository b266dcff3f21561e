package org.newslens.trends;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.io.Columns;
import org.newslens.io.Table;
import org.newslens.stats.Keyness;

/**
 * The keyness table: for each group of a grouping, every term (and entity) used at least min-count times in
 * it, with its count inside and in the reference and the {@link Keyness} scores. Grouping {@code outlet}
 * compares one outlet with all the others; grouping {@code period} compares one period with all the periods
 * before it (the first period has no reference and no rows). Totals are the counts of all terms (or all
 * entity mentions) of the group and of the reference.
 *
 * <p>The per-document features are summed once per (feature, outlet, period) cell ({@link KeynessCells}), which
 * gives each feature's cells in one row: both groupings are worked out from it in one pass (the group totals, a
 * few numbers per outlet and period, travel with the task).
 */
final class KeynessTable {
    static final String OUTLET = "outlet";
    static final String PERIOD = "period";
    static final String TERM = "term";
    static final String ENTITY = "entity";

    private KeynessTable() {}

    /**
     * @param cells the counts of {@link KeynessCells#of}, kept by the caller (they are read twice)
     * @param periodLabels period_index to the period's label, for every period
     * @param entityNames entity_id, name (the entities table)
     */
    static Dataset<Row> build(
            KeynessCells.Cells cells, Map<Long, String> periodLabels, Dataset<Row> entityNames, int minCount) {
        KeynessCells.Groups groups = cells.groups();
        Totals totals = Totals.of(cells, periodLabels);
        StructType schema = Table.KEYNESS.schema();
        Dataset<Row> scored =
                cells.perFeature().flatMap(new FeatureScorer(groups, totals, minCount), Encoders.row(schema));
        // Entities are labelled with their canonical name; terms are their own label.
        Dataset<Row> entities = scored.filter(col(Columns.KIND).equalTo(ENTITY))
                .drop(Columns.TERM)
                .join(entityNames.select(Columns.ENTITY_ID, Columns.NAME), Columns.ENTITY_ID)
                .withColumnRenamed(Columns.NAME, Columns.TERM);
        return scored.filter(col(Columns.KIND).equalTo(TERM)).unionByName(entities);
    }

    private static final StructType GROUP_TOTALS = new StructType()
            .add(Columns.KIND, DataTypes.StringType, false)
            .add("group_index", DataTypes.IntegerType, false)
            .add("n", DataTypes.LongType, false);

    /** A partition's cells summed per (kind, group): a few rows per group. */
    private static Iterator<Row> groupTotals(Iterator<Row> cells) {
        Map<String, Map<Integer, Long>> sums = new TreeMap<>();
        cells.forEachRemaining(cell -> {
            Map<Integer, Long> ofKind = sums.computeIfAbsent(cell.getString(0), k -> new TreeMap<>());
            List<Integer> groups = cell.getList(2);
            List<Long> counts = cell.getList(3);
            for (int i = 0; i < groups.size(); i++) {
                ofKind.merge(groups.get(i), counts.get(i), Long::sum);
            }
        });
        List<Row> out = new ArrayList<>();
        sums.forEach((kind, ofKind) -> ofKind.forEach((group, n) -> out.add(RowFactory.create(kind, group, n))));
        return out.iterator();
    }

    /** The total occurrences of each kind per outlet and per period: one row per (kind, group), so small. */
    private record Totals(
            Map<String, Map<String, Long>> byOutlet,
            Map<String, Long> allOutlets,
            Map<String, TreeMap<Long, Long>> byPeriod,
            Map<String, Map<Long, Long>> beforePeriod,
            Map<Long, String> periodLabels)
            implements Serializable {

        static Totals of(KeynessCells.Cells cells, Map<Long, String> periodLabels) {
            KeynessCells.Groups groups = cells.groups();
            Map<String, Map<String, Long>> byOutlet = new TreeMap<>();
            Map<String, Long> allOutlets = new TreeMap<>();
            Map<String, TreeMap<Long, Long>> byPeriod = new TreeMap<>();
            for (Row r : cells.perFeature()
                    .mapPartitions(
                            (MapPartitionsFunction<Row, Row>) KeynessTable::groupTotals, Encoders.row(GROUP_TOTALS))
                    .collectAsList()) {
                String kind = r.getString(0);
                int group = r.getInt(1);
                long n = r.getLong(2);
                String outlet = groups.outlets()[group];
                Long period = groups.periods()[group];
                if (outlet != null) {
                    byOutlet.computeIfAbsent(kind, k -> new TreeMap<>()).merge(outlet, n, Long::sum);
                    allOutlets.merge(kind, n, Long::sum);
                }
                if (period != null) {
                    byPeriod.computeIfAbsent(kind, k -> new TreeMap<>()).merge(period, n, Long::sum);
                }
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

    /** Gives, per feature's cells, its rows of both groupings. Counts are whole numbers, so order does not matter. */
    private static final class FeatureScorer implements FlatMapFunction<Row, Row> {
        private final KeynessCells.Groups groups;
        private final Totals totals;
        private final int minCount;

        FeatureScorer(KeynessCells.Groups groups, Totals totals, int minCount) {
            this.groups = groups;
            this.totals = totals;
            this.minCount = minCount;
        }

        @Override
        public Iterator<Row> call(Row cell) {
            List<Row> out = new ArrayList<>();
            score(cell, out);
            return out.iterator();
        }

        private void score(Row cell, List<Row> out) {
            String kind = cell.getString(0);
            String feature = cell.getString(1);
            List<Integer> groupIndexes = cell.getList(2);
            List<Long> counts = cell.getList(3);
            Map<String, Long> byOutlet = new TreeMap<>();
            TreeMap<Long, Long> byPeriod = new TreeMap<>();
            for (int i = 0; i < groupIndexes.size(); i++) {
                int group = groupIndexes.get(i);
                long n = counts.get(i);
                String outlet = groups.outlets()[group];
                Long period = groups.periods()[group];
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
            for (Map.Entry<Long, Long> inPeriod : byPeriod.entrySet()) {
                long countIn = inPeriod.getValue();
                add(
                        out,
                        PERIOD,
                        totals.periodLabels().get(inPeriod.getKey()),
                        kind,
                        feature,
                        entityId,
                        countIn,
                        earlier,
                        periodTotals.get(inPeriod.getKey()),
                        beforeTotals.get(inPeriod.getKey()));
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
