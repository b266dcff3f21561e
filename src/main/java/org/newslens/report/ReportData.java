package org.newslens.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.newslens.io.Table;

/**
 * Everything the report shows, already reduced to a few hundred rows: the console summary and the HTML
 * page are both rendered from this, never from the tables directly. Lists are empty when their table is absent.
 */
public record ReportData(
        String root,
        List<Table> present,
        Corpus corpus,
        List<TermRow> terms,
        List<Collocation> collocations,
        Map<String, List<EntityRow>> entitiesByType,
        List<PairRow> pairs,
        Network network,
        List<Kwic> examples,
        List<TopicCard> topics,
        List<ClusterRow> clusters,
        List<Trend> trends,
        List<DocRow> documents,
        Changes changes) {

    public boolean has(Table table) {
        return present.contains(table);
    }

    /** Corpus size; counts are null when their table is absent. */
    public record Corpus(
            Long documents,
            Long rejects,
            Long tokens,
            Map<String, Long> rejectReasons,
            LocalDate firstDate,
            LocalDate lastDate,
            long undated,
            Long duplicates) {}

    public record TermRow(String term, long cf, long df, double idf) {}

    public record Collocation(String ngram, int n, long count, double pmi, double llr) {}

    public record EntityRow(String id, String name, String type, long mentions, long docs) {}

    /** A co-occurring pair, with display names. */
    public record PairRow(
            String idA, String nameA, String idB, String nameB, String window, long count, long docs, double npmi) {}

    /** The network picture: node positions are laid out already (deterministically). */
    public record Network(List<Node> nodes, List<Edge> edges, String colourBy) {
        public record Node(String id, String name, String type, long group, long mentions, double x, double y) {}

        public record Edge(int from, int to, long count, double npmi) {}
    }

    /** One sentence where two top entities co-occur; highlights are [begin, end) offsets in {@code sentence}. */
    public record Kwic(
            String nameA, String nameB, String docId, String docTitle, String sentence, List<int[]> highlights) {}

    public record TermWeight(String term, double weight) {}

    /** share and documents are NaN / -1 when doc_topics is absent. */
    public record TopicCard(
            String model,
            int topicId,
            String label,
            List<TermWeight> terms,
            double share,
            long documents,
            List<String> exampleTitles) {}

    public record ClusterRow(int clusterId, String label, long size) {}

    /** One model's topic shares per period; series maps topic id to one share per period (NaN when absent). */
    public record Trend(
            String model, List<String> periods, Map<Integer, double[]> series, Map<Integer, String> labels) {}

    public record DocRow(
            String docId,
            String title,
            String outlet,
            LocalDate published,
            List<String> keywords,
            String dominantTopic) {}

    /**
     * The "What changed" section: the latest period of entity_trends, the entities and pairs rising in it
     * (burst score first), their sentences in that period, timelines of the top rising entities and each outlet's
     * most distinctive terms and entities. {@link #NONE} when the trends tables are absent.
     */
    public record Changes(
            String latestPeriod,
            LocalDate latestStart,
            LocalDate latestEnd,
            long latestDocs,
            List<RisingEntity> entities,
            List<RisingPair> pairs,
            List<Timeline> timelines,
            List<Kwic> examples,
            List<OutletProfile> outlets) {
        public static final Changes NONE =
                new Changes(null, null, null, 0, List.of(), List.of(), List.of(), List.of(), List.of());

        public Changes withExamples(List<Kwic> found) {
            return new Changes(
                    latestPeriod, latestStart, latestEnd, latestDocs, entities, pairs, timelines, found, outlets);
        }
    }

    /** expected and qValue are null when the period had no history to compare with. */
    public record RisingEntity(
            String id,
            String name,
            long docs,
            double share,
            Double expected,
            double score,
            Double qValue,
            boolean burst,
            boolean isNew) {}

    public record RisingPair(
            String idA,
            String nameA,
            String idB,
            String nameB,
            long count,
            long docs,
            Double expected,
            double score,
            boolean burst,
            boolean isNew) {}

    /** One entity's share of each period's documents (0 where it was not mentioned). */
    public record Timeline(String id, String name, List<String> periods, double[] shares) {}

    public record Distinctive(String term, long countIn, long countOut, double g2, double logRatio) {}

    /** An outlet's terms and entities with the highest positive keyness against the other outlets. */
    public record OutletProfile(String outlet, List<Distinctive> terms, List<Distinctive> entities) {}
}
