package org.newslens.trends;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.newslens.config.Settings;
import org.newslens.io.Columns;
import org.newslens.io.JobLabels;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.Job;
import org.newslens.pipeline.JobContext;
import org.newslens.pipeline.RunSummary;

/**
 * trends: what changed over time and how outlets differ, from the per-document tables (no second NLP pass,
 * nothing per document gathered on the driver). entity_trends and pair_trends count, per period, the
 * documents that mention an entity (or hold a sentence with both entities of a pair) and test each count
 * against the item's trailing history; keyness compares each outlet with the others and each period with the
 * ones before it. Undated documents are left out of the period tables and counted in the run summary.
 */
public final class TrendsJob implements Job {
    private static final StructType PERIODS = new StructType()
            .add("period_index", DataTypes.LongType, false)
            .add("period", DataTypes.StringType, false)
            .add("period_start", DataTypes.DateType, false)
            .add("period_end", DataTypes.DateType, false)
            .add("period_docs", DataTypes.LongType, false)
            .add("history_period_docs", DataTypes.LongType, false)
            .add("earlier_period_docs", DataTypes.LongType, false);

    @Override
    public String name() {
        return "trends";
    }

    /** duplicates is read when there (see {@link TrendsSettings#DUPLICATES_ONCE}), so it is not required. */
    @Override
    public List<Table> inputs() {
        return List.of(
                Table.DOCUMENTS,
                Table.MENTIONS,
                Table.ENTITIES,
                Table.ENTITY_PAIRS,
                Table.DOC_TERMS,
                Table.TERM_STATS,
                Table.STATE_TERM_COUNTS_DOCUMENTS);
    }

    @Override
    public List<Table> optionalInputs(Settings settings) {
        return settings.get(TrendsSettings.DUPLICATES_ONCE) ? List.of(Table.DUPLICATES) : List.of();
    }

    @Override
    public List<Table> outputs() {
        return List.of(
                Table.ENTITY_TRENDS,
                Table.PAIR_TRENDS,
                Table.KEYNESS,
                Table.STATE_KEYNESS_TERM_CELLS,
                Table.STATE_KEYNESS_DOCUMENTS);
    }

    @Override
    public void run(JobContext context) {
        SparkSession spark = context.spark();
        Settings settings = context.settings();
        TableStore tables = context.tables();
        RunSummary summary = context.summary();
        Dataset<Row> documents =
                tables.read(Table.DOCUMENTS, name()).select(Columns.DOC_ID, Columns.PUBLISHED, Columns.OUTLET);
        Dataset<Row> duplicates = duplicates(tables, settings, summary);

        Row span = documents
                .agg(
                        min(Columns.PUBLISHED).as("first"),
                        max(Columns.PUBLISHED).as("last"),
                        sum(when(col(Columns.PUBLISHED).isNull(), 1L).otherwise(0L))
                                .as("undated"),
                        count(lit(1)).as("documents"))
                .first();
        Date firstDate = span.getAs("first");
        Date lastDate = span.getAs("last");
        LocalDate first = firstDate == null ? null : firstDate.toLocalDate();
        LocalDate last = lastDate == null ? null : lastDate.toLocalDate();
        long documentCount = span.getAs("documents");
        Long undatedCount = span.getAs("undated");
        long undated = undatedCount == null ? 0 : undatedCount;
        String unit = Periods.choose(settings.get(TrendsSettings.PERIOD), first, last);
        summary.put("trends period", unit);
        summary.put("trends undated documents", undated);
        if (undated > 0) {
            summary.note("trends: " + undated + " of " + documentCount
                    + " documents have no date and are left out of entity_trends, pair_trends and the period keyness");
        }

        JobLabels.step(spark, "trends: periods");
        int history = settings.get(TrendsSettings.HISTORY);
        // Datasets read more than once are kept (on the executors) for the run of this job, then released.
        List<Dataset<Row>> kept = new ArrayList<>();
        Dataset<Row> dated = keep(
                kept,
                Periods.assign(
                                Stories.overTime(
                                        documents.filter(col(Columns.PUBLISHED).isNotNull()), duplicates),
                                unit)
                        .select(
                                Columns.DOC_ID,
                                "period_index",
                                Columns.PERIOD,
                                Columns.PERIOD_START,
                                Columns.PERIOD_END));
        try {
            Dataset<Row> periods = periods(spark, dated, history);
            summary.put("trends periods", periods.count());
            double fdr = settings.get(TrendsSettings.FDR);
            int minDocs = settings.get(TrendsSettings.MIN_BURST_DOCS);

            JobLabels.step(spark, "trends: entity_trends");
            Dataset<Row> mentions = tables.read(Table.MENTIONS, name())
                    .filter(col(Columns.ENTITY_ID).isNotNull())
                    .select(Columns.DOC_ID, Columns.SENT_ID, Columns.ENTITY_ID);
            // Each document's entity (and each dated one's pair) counts, kept: entity_trends, pair_trends and keyness
            // add them up.
            Dataset<Row> perDocument = keep(kept, TrendCounts.perDocument(mentions, dated));
            Dataset<Row> entities = tables.read(Table.ENTITIES, name()).select(Columns.ENTITY_ID, Columns.NAME);
            // The counts per (item, period) are read several times by the scoring (history windows, the q-values'
            // count per p-value and lookup, the untested rows), so they are kept rather than counted again.
            Dataset<Row> entityTrends = BurstScoring.score(
                            spark,
                            keep(kept, TrendCounts.entities(perDocument)),
                            List.of("entity_id"),
                            periods,
                            history,
                            fdr,
                            minDocs,
                            scored -> keep(kept, scored))
                    .join(entities, Columns.ENTITY_ID);
            tables.write(Table.ENTITY_TRENDS, entityTrends);
            summary.put(
                    "entity bursts",
                    tables.read(Table.ENTITY_TRENDS, name())
                            .filter(col(Columns.IS_BURST))
                            .count());

            JobLabels.step(spark, "trends: pair_trends");
            Dataset<Row> pairs = tables.read(Table.ENTITY_PAIRS, name())
                    .filter(col(Columns.WINDOW).equalTo("sentence"))
                    .select(Columns.ENTITY_A, Columns.ENTITY_B, Columns.NAME_A, Columns.NAME_B);
            Dataset<Row> pairTrends = BurstScoring.score(
                    spark,
                    keep(kept, TrendCounts.pairs(perDocument, pairs)),
                    List.of("entity_a", "entity_b"),
                    periods,
                    history,
                    fdr,
                    minDocs,
                    scored -> keep(kept, scored));
            tables.write(Table.PAIR_TRENDS, pairTrends.join(pairs, new String[] {Columns.ENTITY_A, Columns.ENTITY_B}));
            summary.put(
                    "pair bursts",
                    tables.read(Table.PAIR_TRENDS, name())
                            .filter(col(Columns.IS_BURST))
                            .count());

            JobLabels.step(spark, "trends: keyness");
            Dataset<Row> docGroups =
                    keep(kept, KeynessCells.documentGroups(Stories.perOutlet(documents, duplicates), dated));
            // Listed with the text their doc_terms rows were counted from (a single job may have changed documents
            // since), so that an append takes away exactly the counts they added.
            // Kept: the append's plan compares it with the stored list, and it is written as the new one.
            Dataset<Row> keynessDocuments = keep(
                    kept,
                    docGroups
                            .join(
                                    tables.read(Table.STATE_TERM_COUNTS_DOCUMENTS, name())
                                            .select(Columns.DOC_ID, Columns.CONTENT_SHA),
                                    Columns.DOC_ID)
                            .select(Columns.DOC_ID, Columns.CONTENT_SHA, Columns.OUTLET, Columns.PERIOD_INDEX));
            // An append brings the stored term counts per cell up to date; entity mentions are few, and relinking
            // can change old documents' entities, so they are counted whole every run.
            Optional<StoredKeyness> stored = context.append().isPresent()
                    ? StoredKeyness.plan(tables, keynessDocuments, documentCount, summary)
                    : Optional.empty();
            stored.ifPresent(s -> kept.add(s.cached()));
            // The per-document features summed per (feature, outlet, period) cell, once: both groupings and their
            // totals aggregate these cells.
            KeynessCells.Cells cells = KeynessCells.of(
                    stored.map(s -> s.countedTermFeatures(tables, name()))
                            .orElseGet(() -> TrendCounts.termFeatures(tables.read(Table.DOC_TERMS, name())))
                            .unionByName(TrendCounts.entityFeatures(perDocument)),
                    stored.map(StoredKeyness::groupedTermCounts).orElse(null),
                    TrendCounts.vocabulary(tables.read(Table.TERM_STATS, name()), entities),
                    docGroups,
                    documentCount);
            keep(kept, cells.perFeature());
            kept.add(cells.numbered());
            summary.put("keyness cells", KeynessCells.count(cells));
            JobLabels.step(spark, "trends: keyness scores");
            long keyness = tables.write(
                    Table.KEYNESS,
                    KeynessTable.build(
                            cells, periodLabels(periods), entities, settings.get(TrendsSettings.KEYNESS_MIN_COUNT)));
            tables.write(Table.STATE_KEYNESS_TERM_CELLS, KeynessCells.cellRows(cells, KeynessTable.TERM));
            tables.write(Table.STATE_KEYNESS_DOCUMENTS, keynessDocuments);
            summary.put("keyness rows", keyness);
        } finally {
            kept.forEach(Dataset::unpersist);
        }
    }

    private static Map<Long, String> periodLabels(Dataset<Row> periods) {
        Map<Long, String> labels = new TreeMap<>();
        periods.select("period_index", Columns.PERIOD)
                .collectAsList()
                .forEach(r -> labels.put(r.getAs("period_index"), r.getAs(Columns.PERIOD)));
        return labels;
    }

    private static Dataset<Row> keep(List<Dataset<Row>> kept, Dataset<Row> dataset) {
        kept.add(dataset.persist(StorageLevel.MEMORY_AND_DISK()));
        return dataset;
    }

    /** The duplicates table's copies when they are to count once and the table is there; else null (noted). */
    private static Dataset<Row> duplicates(TableStore tables, Settings settings, RunSummary summary) {
        if (!settings.get(TrendsSettings.DUPLICATES_ONCE)) {
            return null;
        }
        if (!tables.exists(Table.DUPLICATES)) {
            summary.note("trends: no duplicates table (run jobs/topics first); every copy of a story counts");
            return null;
        }
        return tables.read(Table.DUPLICATES, "trends").select(Columns.DOC_ID, Columns.DUPLICATE_OF);
    }

    /** One row per period with documents: its documents, those of its trailing history and of all before it. */
    static Dataset<Row> periods(SparkSession spark, Dataset<Row> assigned, int history) {
        List<Row> counted = assigned.groupBy("period_index", Columns.PERIOD, Columns.PERIOD_START, Columns.PERIOD_END)
                .agg(count(lit(1)).as(Columns.DOCS))
                .orderBy("period_index")
                .collectAsList();
        long[] index = new long[counted.size()];
        long[] docs = new long[counted.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = counted.get(i).getAs("period_index");
            docs[i] = counted.get(i).getAs(Columns.DOCS);
        }
        long[] trailing = Periods.trailingSums(index, docs, history);
        long[] all = Periods.trailingSums(index, docs, Integer.MAX_VALUE);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < index.length; i++) {
            Row r = counted.get(i);
            rows.add(RowFactory.create(
                    index[i],
                    r.getAs(Columns.PERIOD),
                    r.<Date>getAs(Columns.PERIOD_START),
                    r.<Date>getAs(Columns.PERIOD_END),
                    docs[i],
                    trailing[i],
                    all[i]));
        }
        return spark.createDataFrame(rows, PERIODS);
    }
}
