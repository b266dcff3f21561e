package org.newslens.trends;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.newslens.io.Broadcasts;
import org.newslens.io.Columns;
import org.newslens.io.GroupedRows;
import org.newslens.io.RowNumbers;
import org.newslens.stats.SumTable;

/**
 * The per-document keyness features summed per cell, a cell being a feature (a term or an entity) in one group of
 * documents: the documents with the same outlet and period (either may be null, when that grouping leaves the
 * document out). The cells come as one row per feature, holding the feature's count in each group it occurs in.
 *
 * <p>Each task sums its rows per feature in a small map of group counts, and hands its sums on whenever they hold
 * {@link #FLUSH_AT} cells; the sums of a feature then meet in one task and are added up. A feature has few groups
 * and a task few features, so this is much less work than a Spark aggregation keyed by (feature, outlet, period),
 * whose map of millions of string keys misses the cache on almost every row.
 */
final class KeynessCells {
    static final String FEATURE = Columns.FEATURE;
    static final String GROUPS = "groups";
    static final String COUNTS = "counts";
    private static final String GROUP = "group_index";
    private static final String PERIOD_INDEX = Columns.PERIOD_INDEX;
    /** One cell of one kind: its feature, its group's outlet and period_index, and its count. */
    private static final StructType CELL_ROW = new StructType()
            .add(FEATURE, DataTypes.StringType, false)
            .add(Columns.OUTLET, DataTypes.StringType, true)
            .add(PERIOD_INDEX, DataTypes.LongType, true)
            .add(Columns.N, DataTypes.LongType, false);
    /** About what one (doc_id, group) row takes in a broadcast hash table. */
    private static final long GROUP_ROW_BYTES = 80;
    /** Cells a task sums before handing them on: some tens of MB of heap. */
    static final int FLUSH_AT = 250_000;

    private static final String FEATURE_ID = "feature_id";
    /** A task's sums of one feature, or all of them: feature_id, groups, counts. */
    private static final StructType PARTIAL = new StructType()
            .add(FEATURE_ID, DataTypes.IntegerType, false)
            .add(GROUPS, DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add(COUNTS, DataTypes.createArrayType(DataTypes.LongType, false), false);

    private KeynessCells() {}

    /** The groups of documents by index: each one's outlet and period_index (either may be null). */
    record Groups(String[] outlets, Long[] periods) implements Serializable {}

    /** The cells with their groups, and the numbered features (kept: the caller releases them). */
    record Cells(Dataset<Row> perFeature, Groups groups, Dataset<Row> numbered) {}

    /**
     * Each counted document's groups: doc_id, outlet (null when the outlet grouping leaves it out), period_index
     * (null likewise). A document in neither grouping has no row.
     *
     * @param outletDocs doc_id, outlet of the documents the outlet grouping counts
     * @param periodDocs doc_id, period_index of the documents the period grouping counts
     */
    static Dataset<Row> documentGroups(Dataset<Row> outletDocs, Dataset<Row> periodDocs) {
        Dataset<Row> outlets = outletDocs.select(col(Columns.DOC_ID), col(Columns.OUTLET));
        Dataset<Row> periods = periodDocs.select(col(Columns.DOC_ID).as("period_doc"), col(PERIOD_INDEX));
        return outlets.join(periods, outlets.col(Columns.DOC_ID).equalTo(col("period_doc")), "full_outer")
                .select(
                        coalesce(outlets.col(Columns.DOC_ID), col("period_doc")).as(Columns.DOC_ID),
                        col(Columns.OUTLET),
                        col(PERIOD_INDEX));
    }

    /**
     * @param features doc_id, kind, feature (a term or an entity id), n (occurrences in the document)
     * @param grouped kind, feature, outlet, period_index, n: counts already in their group (stored cells, and the
     *     changes to them, taken away with a negative n), added to those of the features; null when there are none.
     *     Their groups and features need not be there any more: those counts are the ones that cancel out
     * @param vocabulary kind, feature: every feature the features hold (the terms of term_stats, the entity ids)
     * @param docGroups doc_id, outlet, period_index of {@link #documentGroups}
     * @param documents how many documents there are (for the choice of join)
     */
    static Cells of(
            Dataset<Row> features,
            Dataset<Row> grouped,
            Dataset<Row> vocabulary,
            Dataset<Row> docGroups,
            long documents) {
        List<Row> distinct = docGroups
                .select(Columns.OUTLET, PERIOD_INDEX)
                .distinct()
                .orderBy(
                        col(Columns.OUTLET).asc_nulls_first(), col(PERIOD_INDEX).asc_nulls_first())
                .collectAsList();
        String[] outletOf = new String[distinct.size()];
        Long[] periodOf = new Long[distinct.size()];
        List<Row> indexed = new ArrayList<>();
        for (int g = 0; g < outletOf.length; g++) {
            outletOf[g] = distinct.get(g).getString(0);
            periodOf[g] = distinct.get(g).isNullAt(1) ? null : distinct.get(g).getLong(1);
            indexed.add(RowFactory.create(outletOf[g], periodOf[g], g));
        }
        Dataset<Row> index = docGroups
                .sparkSession()
                .createDataFrame(
                        indexed,
                        new StructType()
                                .add("group_outlet", DataTypes.StringType, true)
                                .add("group_period", DataTypes.LongType, true)
                                .add(GROUP, DataTypes.IntegerType, false));
        Dataset<Row> docGroup = inGroup(docGroups, index).select(Columns.DOC_ID, GROUP);
        // Features are numbered, so that a task sums its rows in one table of numbers rather than a map of strings.
        Dataset<Row> numbered = RowNumbers.number(vocabulary.select(Columns.KIND, FEATURE), FEATURE_ID)
                .persist(StorageLevel.MEMORY_AND_DISK());
        // Each document's group meets its many feature rows, so the map of documents to groups goes to every task
        // when small enough; Spark cannot tell its size from the plan (an outer join), so it comes from the count.
        Dataset<Row> counts = features.join(Broadcasts.ifSmall(docGroup, documents, GROUP_ROW_BYTES), Columns.DOC_ID)
                .join(broadcast(numbered), new String[] {Columns.KIND, FEATURE}, "left")
                .select(
                        // every feature is numbered unless term_stats or entities are out of date
                        when(col(FEATURE_ID).isNotNull(), col(FEATURE_ID))
                                .otherwise(raise_error(concat(
                                        lit("keyness: the "),
                                        col(Columns.KIND),
                                        lit(" '"),
                                        col(FEATURE),
                                        lit("' of doc_terms or mentions is not in term_stats or entities;"
                                                + " run the terms and entities stages again"))))
                                .as(FEATURE_ID),
                        col(GROUP),
                        col(Columns.N));
        if (grouped != null) {
            // Inner joins: a stored count of a group or feature that is gone is taken away by the changes too.
            counts = counts.unionByName(inGroup(grouped, index)
                    .join(broadcast(numbered), new String[] {Columns.KIND, FEATURE})
                    .select(col(FEATURE_ID), col(GROUP), col(Columns.N)));
        }
        Dataset<Row> perFeature = counts.mapPartitions(
                        (MapPartitionsFunction<Row, Row>) rows -> summed(rows, FLUSH_AT), Encoders.row(PARTIAL))
                .repartition(col(FEATURE_ID))
                .sortWithinPartitions(FEATURE_ID)
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>) rows -> new FeatureSums(rows, outletOf.length),
                        Encoders.row(PARTIAL))
                .join(numbered, FEATURE_ID)
                .select(Columns.KIND, FEATURE, GROUPS, COUNTS);
        return new Cells(perFeature, new Groups(outletOf, periodOf), numbered);
    }

    /** The rows (with outlet and period_index) with the index of their group; rows of no group now are left out. */
    private static Dataset<Row> inGroup(Dataset<Row> rows, Dataset<Row> index) {
        return rows.join(
                broadcast(index),
                col(Columns.OUTLET)
                        .eqNullSafe(col("group_outlet"))
                        .and(col(PERIOD_INDEX).eqNullSafe(col("group_period"))));
    }

    /** One kind's cells as rows: feature, outlet, period_index, n (for {@code state/keyness_term_cells}). */
    static Dataset<Row> cellRows(Cells cells, String kind) {
        Groups groups = cells.groups();
        return cells.perFeature()
                .filter(col(Columns.KIND).equalTo(kind))
                .flatMap(
                        (FlatMapFunction<Row, Row>) feature -> {
                            List<Integer> indexes = feature.getList(2);
                            List<Long> counts = feature.getList(3);
                            List<Row> out = new ArrayList<>(indexes.size());
                            for (int i = 0; i < indexes.size(); i++) {
                                int g = indexes.get(i);
                                out.add(RowFactory.create(
                                        feature.getString(1), groups.outlets()[g], groups.periods()[g], counts.get(i)));
                            }
                            return out.iterator();
                        },
                        Encoders.row(CELL_ROW));
    }

    /** How many cells there are: the groups of every feature. */
    static long count(Cells cells) {
        Row sum = cells.perFeature().agg(sum(size(col(GROUPS)).cast("long"))).first();
        return sum.isNullAt(0) ? 0 : sum.getLong(0);
    }

    /** A task's (feature_id, group_index, n) rows summed per cell, handed on every {@code flushAt} cells. */
    static Iterator<Row> summed(Iterator<Row> rows, int flushAt) {
        return new Iterator<>() {
            private final SumTable cells = new SumTable(flushAt, 1);
            private Iterator<Row> pending = List.<Row>of().iterator();

            @Override
            public boolean hasNext() {
                while (!pending.hasNext()) {
                    if (!rows.hasNext() && cells.size() == 0) {
                        return false;
                    }
                    while (rows.hasNext() && !cells.isFull()) {
                        Row row = rows.next();
                        cells.add((long) row.getInt(0) << 32 | row.getInt(1), 0, row.getLong(2));
                    }
                    pending = drain(cells).iterator();
                }
                return true;
            }

            @Override
            public Row next() {
                hasNext();
                return pending.next();
            }
        };
    }

    /**
     * Reads partial rows sorted by feature_id and adds up each feature's: one row per feature, with the groups whose
     * sum is not 0 (counts taken away can cancel a group's, or a feature's, stored counts).
     */
    private static final class FeatureSums extends GroupedRows {
        private final long[] total;
        private final boolean[] seen;
        private final int[] touched;

        FeatureSums(Iterator<Row> partials, int groups) {
            super(partials);
            this.total = new long[groups];
            this.seen = new boolean[groups];
            this.touched = new int[groups];
        }

        @Override
        protected void readGroup(List<Row> out) {
            int feature = peek().getInt(0);
            int size = 0;
            while (peek() != null && feature == peek().getInt(0)) {
                Row partial = take();
                List<Integer> groups = partial.getList(1);
                List<Long> counts = partial.getList(2);
                for (int i = 0; i < groups.size(); i++) {
                    int g = groups.get(i);
                    if (!seen[g]) {
                        seen[g] = true;
                        touched[size++] = g;
                    }
                    total[g] += counts.get(i);
                }
            }
            Arrays.sort(touched, 0, size);
            int kept = 0;
            int[] groups = new int[size];
            long[] counts = new long[size];
            for (int i = 0; i < size; i++) {
                int g = touched[i];
                if (total[g] < 0) {
                    throw new IllegalStateException("keyness: feature number " + feature + " has a negative count in"
                            + " a group: the stored keyness counts (state/keyness_term_cells) do not match the"
                            + " documents; run a full run (--mode full)");
                }
                if (total[g] != 0) {
                    groups[kept] = g;
                    counts[kept++] = total[g];
                }
                total[g] = 0;
                seen[g] = false;
            }
            if (kept > 0) {
                out.add(RowFactory.create(feature, Arrays.copyOf(groups, kept), Arrays.copyOf(counts, kept)));
            }
        }
    }

    /** A task's cells, keyed (feature_id, group_index), as one row per feature with its groups ascending. */
    static List<Row> drain(SumTable cells) {
        long[] keys = cells.sortedKeys();
        List<Row> out = new ArrayList<>();
        for (int from = 0; from < keys.length; ) {
            int feature = (int) (keys[from] >>> 32);
            int to = from;
            while (to < keys.length && (int) (keys[to] >>> 32) == feature) {
                to++;
            }
            int[] groups = new int[to - from];
            long[] sums = new long[to - from];
            for (int i = from; i < to; i++) {
                groups[i - from] = (int) keys[i];
                sums[i - from] = cells.get(keys[i], 0);
            }
            out.add(RowFactory.create(feature, groups, sums));
            from = to;
        }
        cells.clear();
        return out;
    }
}
