package org.newslens.entities;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.newslens.config.Settings;
import org.newslens.io.Columns;
import org.newslens.io.JobLabels;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.Job;
import org.newslens.pipeline.JobContext;
import org.newslens.pipeline.NoDocuments;

/**
 * entities: aggregates annotate's canonical mentions into {@code entities}, counts co-occurring pairs per
 * sentence and per document into {@code entity_pairs}, and ranks entities on the sentence-window graph in
 * {@code entity_graph}. Canonical names and entity ids are decided by annotate (per document, then corpus-wide,
 * see CorpusLinker), so this job never changes a mention.
 */
public final class EntitiesJob implements Job {
    @Override
    public String name() {
        return "entities";
    }

    @Override
    public List<Table> inputs() {
        return List.of(Table.MENTIONS, Table.SENTENCES);
    }

    @Override
    public List<Table> outputs() {
        return List.of(Table.ENTITIES, Table.ENTITY_PAIRS, Table.ENTITY_GRAPH);
    }

    @Override
    public void validate(Settings settings) {
        EntitiesSettings.pairTypes(settings);
    }

    @Override
    public void run(JobContext context) {
        Settings settings = context.settings();
        List<String> pairTypes = EntitiesSettings.pairTypes(settings);
        int minCount = settings.get(EntitiesSettings.MIN_PAIR_COUNT);
        int maxEntities = settings.get(EntitiesSettings.WINDOW_MAX_ENTITIES);
        TableStore tables = context.tables();
        Dataset<Row> sentences = tables.read(Table.SENTENCES, name());
        // Both window counts in one pass over the sentences.
        Row windows =
                sentences.agg(count(lit(1)), countDistinct(col(Columns.DOC_ID))).first();
        long sentenceWindows = windows.getLong(0);
        if (sentenceWindows == 0) {
            NoDocuments.writeEmptyTables(this, context);
            return;
        }
        long documentWindows = windows.getLong(1);
        Dataset<Row> mentions = tables.read(Table.MENTIONS, name())
                .select(Columns.DOC_ID, Columns.SENT_ID, Columns.TEXT, Columns.TYPE, Columns.ENTITY_ID, Columns.NAME)
                .filter(col(Columns.ENTITY_ID).isNotNull())
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long entityCount = tables.write(Table.ENTITIES, EntityTable.build(mentions));
            Dataset<Row> entities =
                    tables.read(Table.ENTITIES, name()).select(Columns.ENTITY_ID, Columns.NAME, Columns.TYPE);

            CooccurrencePairs.WindowCounts windowCounts =
                    CooccurrencePairs.countWindows(mentions, entities, pairTypes, minCount, maxEntities);
            long pairCount;
            String stageLabel = JobLabels.currentStep(context.spark());
            try {
                // the window counts run while the pairs' entity figures are gathered, before the write's own label
                JobLabels.step(context.spark(), "entities: pair window counts");
                CooccurrencePairs.ScoredPairs pairs =
                        CooccurrencePairs.pairs(windowCounts, sentenceWindows, documentWindows);
                try {
                    pairCount = tables.write(Table.ENTITY_PAIRS, pairs.rows());
                } finally {
                    pairs.release();
                }
            } finally {
                JobLabels.step(context.spark(), stageLabel);
                windowCounts.release();
            }

            Dataset<Row> edges = tables.read(Table.ENTITY_PAIRS, name())
                    .filter(col(Columns.WINDOW).equalTo(CooccurrencePairs.SENTENCE));
            EntityGraph.Built graph = EntityGraph.build(
                    context.spark(),
                    entities,
                    entityCount,
                    edges,
                    settings.get(EntitiesSettings.PAGERANK_ITERATIONS),
                    settings.get(EntitiesSettings.COMMUNITY_STEPS),
                    pairCount <= settings.get(EntitiesSettings.GRAPH_IN_DRIVER_MAX_PAIRS));
            try {
                tables.write(Table.ENTITY_GRAPH, graph.table());
            } finally {
                graph.release().run();
            }
            context.summary().put("entities", entityCount);
            context.summary().put("entity_pairs", pairCount);
        } finally {
            mentions.unpersist();
        }
    }
}
