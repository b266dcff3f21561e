package org.newslens.bench;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.newslens.io.Columns;
import org.newslens.io.Table;
import org.newslens.io.TableStore;

/**
 * What the benchmarks print beside their timings, so that a faster run is seen to find as much: mentions and
 * those linked to an entity, entities, the topic model's mean NPMI coherence (c_npmi), and, where each document's
 * true group is known (the Brown genres), the normalised mutual information of the clusters with it.
 */
final class QualityFigures {
    /** The figures of one output; -1 or NaN where the stage that writes them did not run. */
    record Figures(long mentions, long linkedMentions, long entities, double cNpmi, double clusterNmi) {}

    private QualityFigures() {}

    /** @param genre each document's true group; empty when there is none (NMI is then NaN) */
    static Figures of(TableStore tables, Map<String, Character> genre) {
        long mentions = -1;
        long linked = -1;
        if (tables.exists(Table.MENTIONS)) {
            Row counts = tables.read(Table.MENTIONS, "bench")
                    .selectExpr("count(*) as mentions", "count(entity_id) as linked")
                    .first();
            mentions = counts.getAs("mentions");
            linked = counts.getAs("linked");
        }
        long entities = tables.exists(Table.ENTITIES)
                ? tables.read(Table.ENTITIES, "bench").count()
                : -1;
        double cNpmi = Double.NaN;
        if (tables.exists(Table.TOPIC_METRICS)) {
            List<Row> mean = tables.read(Table.TOPIC_METRICS, "bench")
                    .filter(col(Columns.METRIC)
                            .equalTo("c_npmi")
                            .and(col(Columns.MODEL).notEqual("clusters")))
                    .filter(col(Columns.TOPIC_ID).isNull())
                    .collectAsList();
            cNpmi = mean.isEmpty() ? Double.NaN : mean.get(0).<Double>getAs(Columns.VALUE);
        }
        double nmi =
                !genre.isEmpty() && tables.exists(Table.CLUSTERS) ? nmi(tables, Table.CLUSTERS, genre) : Double.NaN;
        return new Figures(mentions, linked, entities, cNpmi, nmi);
    }

    /** The genre of each doc_id, from the folder its text was read from (as the Brown texts are written). */
    static Map<String, Character> genresFromFolders(TableStore tables) {
        Map<String, Character> genre = new HashMap<>();
        tables.read(Table.DOCUMENTS, "bench")
                .select(Columns.DOC_ID, Columns.SOURCE_URI)
                .collectAsList()
                .forEach(r -> genre.put(r.getAs(Columns.DOC_ID), genreOf(r.getAs(Columns.SOURCE_URI))));
        return genre;
    }

    /** The genre of a Brown text from its path: the first letter of the folder it is in. */
    static char genreOf(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 2].charAt(0);
    }

    /**
     * NMI of the genres with the dominant topic ({@code doc_topics}) or the cluster ({@code clusters}) of each
     * document; a document without one counts as a group of its own label, -1.
     */
    static double nmi(TableStore tables, Table table, Map<String, Character> genre) {
        List<Row> rows = table == Table.DOC_TOPICS
                ? tables.read(table, "bench")
                        .filter("is_dominant")
                        .select(Columns.DOC_ID, Columns.TOPIC_ID)
                        .collectAsList()
                : tables.read(table, "bench")
                        .select(Columns.DOC_ID, Columns.CLUSTER_ID)
                        .collectAsList();
        Map<String, Integer> predicted = new HashMap<>();
        String label = table == Table.DOC_TOPICS ? Columns.TOPIC_ID : Columns.CLUSTER_ID;
        rows.forEach(r -> predicted.put(r.getAs(Columns.DOC_ID), r.getAs(label)));
        List<Character> truth = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        genre.forEach((doc, g) -> {
            truth.add(g);
            labels.add(predicted.getOrDefault(doc, -1));
        });
        return Nmi.of(truth, labels);
    }
}
