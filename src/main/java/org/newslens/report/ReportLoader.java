package org.newslens.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.newslens.config.Settings;
import org.newslens.io.Columns;
import org.newslens.io.ParquetTables;
import org.newslens.io.Table;
import org.newslens.report.ReportData.ClusterRow;
import org.newslens.report.ReportData.Collocation;
import org.newslens.report.ReportData.Corpus;
import org.newslens.report.ReportData.DocRow;
import org.newslens.report.ReportData.EntityRow;
import org.newslens.report.ReportData.Kwic;
import org.newslens.report.ReportData.Network;
import org.newslens.report.ReportData.PairRow;
import org.newslens.report.ReportData.TermRow;
import org.newslens.report.ReportData.TermWeight;
import org.newslens.report.ReportData.TopicCard;
import org.newslens.report.ReportData.Trend;

/**
 * Reduces whichever tables exist to {@link ReportData}. Every table is streamed (only the needed columns
 * are decoded) into bounded top-k lists or small per-topic / per-cluster counters, so memory stays small
 * for a corpus of millions of articles. Ties are broken on ids, so the report is the same on every run.
 */
public final class ReportLoader {
    private static final int TOPIC_TERMS = 10;
    private static final int TOPIC_EXAMPLES = 3;
    private static final int DOC_KEYWORDS = 5;
    private static final int EXAMPLE_PAIRS = 8;

    private final ParquetTables tables;
    private final int top;
    private final int networkSize;
    private final int documentRows;
    private final int examplesPerPair;
    /**
     * Titles of the documents this thread's side of the report names, looked up in as few passes as possible
     * (the entity side, read on another thread, keeps its own).
     */
    private final Map<String, String> titles = new HashMap<>();
    /** Dominant topic names of the documents in the documents table. */
    private Map<String, String> dominantTopics = Map.of();

    public ReportLoader(ParquetTables tables, Settings settings) {
        this.tables = tables;
        this.top = settings.get(ReportSettings.TOP);
        this.networkSize = settings.get(ReportSettings.NETWORK);
        this.documentRows = settings.get(ReportSettings.DOCUMENTS);
        this.examplesPerPair = settings.get(ReportSettings.EXAMPLES);
    }

    /**
     * The entity side (entities, pairs, network, what changed, example sentences) is read on a second thread
     * while this one reads the rest: the two sides share no table but {@code documents} (for titles, which
     * both only look up), and each side's scans keep their order, so the report does not depend on the timing.
     */
    public ReportData load() {
        List<Table> present = tables.present();
        ExecutorService second = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "report-entities");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<EntitySide> entitySide = second.submit(this::entitySide);
            Corpus corpus = corpus();
            List<DocRow> documents = documents();
            List<TermRow> terms = terms();
            List<Collocation> collocations = collocations();
            List<TopicCard> topics = topics(documents);
            List<ClusterRow> clusters = clusters();
            List<Trend> trends = trends(topics);
            EntitySide entities = await(entitySide);
            return new ReportData(
                    tables.root().toString(),
                    present,
                    corpus,
                    terms,
                    collocations,
                    entities.byType(),
                    entities.pairs(),
                    entities.network(),
                    entities.examples(),
                    topics,
                    clusters,
                    trends,
                    withTitles(documents),
                    entities.changes());
        } finally {
            second.shutdownNow();
        }
    }

    private record EntitySide(
            Map<String, List<EntityRow>> byType,
            List<PairRow> pairs,
            Network network,
            List<Kwic> examples,
            ReportData.Changes changes) {}

    private EntitySide entitySide() {
        Map<String, EntityRow> byId = new HashMap<>();
        Map<String, List<EntityRow>> entitiesByType = entities(byId);
        List<EntityRow> mostMentioned =
                byId.values().stream().sorted(MOST_MENTIONED).limit(networkSize).toList();
        PairScan pairs = pairs(mostMentioned);
        List<Pair> networkPairs = networkPairs(pairs.network());
        addMissingNames(pairs.top, byId);
        addMissingNames(networkPairs, byId);
        Network network = network(networkPairs, byId);
        List<PairRow> pairRows = pairs.top.stream().map(p -> pairRow(p, byId)).toList();
        ChangesLoader changesLoader = new ChangesLoader(tables, top);
        ReportData.Changes changes = changesLoader.load();
        Map<String, String> exampleTitles = new HashMap<>(); // this side's own: the other thread fills titles
        List<List<Kwic>> examples = new ExampleSentences(
                        tables, examplesPerPair, docIds -> lookUpTitles(exampleTitles, docIds))
                .find(List.of(
                        new ExampleSentences.Request(
                                pairRows.subList(0, Math.min(EXAMPLE_PAIRS, pairRows.size())), docId -> true),
                        changesLoader.examplesRequest(changes)));
        return new EntitySide(
                entitiesByType, pairRows, network, examples.get(0), changes.withExamples(examples.get(1)));
    }

    private static <T> T await(Future<T> side) {
        try {
            return side.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the report's tables", e);
        }
    }

    // ---- corpus and documents ----

    private Corpus corpus() {
        Long documents = null;
        Long tokens = null;
        LocalDate[] range = new LocalDate[2];
        long[] undated = new long[1];
        if (tables.exists(Table.DOCUMENTS)) {
            long[] sums = new long[2];
            tables.scan(Table.DOCUMENTS, List.of(Columns.N_TOKENS, Columns.PUBLISHED), row -> {
                sums[0]++;
                sums[1] += ((Number) row.get(Columns.N_TOKENS)).longValue();
                LocalDate date = (LocalDate) row.get(Columns.PUBLISHED);
                if (date == null) {
                    undated[0]++;
                } else {
                    range[0] = range[0] == null || date.isBefore(range[0]) ? date : range[0];
                    range[1] = range[1] == null || date.isAfter(range[1]) ? date : range[1];
                }
            });
            documents = sums[0];
            tokens = sums[1];
        }
        Long rejects = null;
        Map<String, Long> reasons = new TreeMap<>();
        if (tables.exists(Table.REJECTS)) {
            tables.scan(
                    Table.REJECTS,
                    List.of(Columns.REASON),
                    row -> reasons.merge((String) row.get(Columns.REASON), 1L, Long::sum));
            rejects = reasons.values().stream().mapToLong(Long::longValue).sum();
        }
        Long duplicates = tables.exists(Table.DUPLICATES) ? tables.count(Table.DUPLICATES) : null;
        return new Corpus(documents, rejects, tokens, reasons, range[0], range[1], undated[0], duplicates);
    }

    /** The newest documents (undated last), with keywords and dominant topics filled in later. */
    private List<DocRow> documents() {
        if (!tables.exists(Table.DOCUMENTS)) {
            return List.of();
        }
        Comparator<DocRow> newestFirst = Comparator.comparing(
                        DocRow::published, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
                .thenComparing(DocRow::docId);
        TopK<DocRow> newest = new TopK<>(documentRows, newestFirst);
        tables.scan(
                Table.DOCUMENTS,
                List.of(Columns.DOC_ID, Columns.TITLE, Columns.OUTLET, Columns.PUBLISHED),
                row -> newest.offer(new DocRow(
                        (String) row.get(Columns.DOC_ID),
                        (String) row.get(Columns.TITLE),
                        (String) row.get(Columns.OUTLET),
                        (LocalDate) row.get(Columns.PUBLISHED),
                        List.of(),
                        null)));
        List<DocRow> rows = newest.sorted();
        rows.forEach(d -> titles.put(d.docId(), d.title()));
        Set<String> ids = new HashSet<>(rows.stream().map(DocRow::docId).toList());
        Map<String, TreeMap<Integer, String>> keywords = new HashMap<>();
        if (tables.exists(Table.DOC_KEYWORDS)) {
            tables.scan(Table.DOC_KEYWORDS, List.of(Columns.DOC_ID, Columns.RANK, Columns.TERM), row -> {
                int rank = (Integer) row.get(Columns.RANK);
                if (rank <= DOC_KEYWORDS && ids.contains((String) row.get(Columns.DOC_ID))) {
                    keywords.computeIfAbsent((String) row.get(Columns.DOC_ID), k -> new TreeMap<>())
                            .put(rank, (String) row.get(Columns.TERM));
                }
            });
        }
        return rows.stream()
                .map(d -> new DocRow(
                        d.docId(),
                        d.title(),
                        d.outlet(),
                        d.published(),
                        List.copyOf(keywords.getOrDefault(d.docId(), new TreeMap<>())
                                .values()),
                        null))
                .toList();
    }

    // ---- terms ----

    private List<TermRow> terms() {
        if (!tables.exists(Table.TERM_STATS)) {
            return List.of();
        }
        TopK<TermRow> best =
                new TopK<>(top, Comparator.comparingLong(TermRow::cf).reversed().thenComparing(TermRow::term));
        tables.scan(
                Table.TERM_STATS,
                List.of(Columns.TERM, Columns.CF, Columns.DF, Columns.IDF),
                row -> best.offer(new TermRow(
                        (String) row.get(Columns.TERM), (Long) row.get(Columns.CF), (Long) row.get(Columns.DF), (Double)
                                row.get(Columns.IDF))));
        return best.sorted();
    }

    private List<Collocation> collocations() {
        if (!tables.exists(Table.COLLOCATIONS)) {
            return List.of();
        }
        TopK<Collocation> best = new TopK<>(
                top, Comparator.comparingDouble(Collocation::llr).reversed().thenComparing(Collocation::ngram));
        tables.scan(
                Table.COLLOCATIONS,
                List.of(Columns.NGRAM, Columns.N, Columns.COUNT, Columns.PMI, Columns.LLR),
                row -> best.offer(new Collocation(
                        (String) row.get(Columns.NGRAM),
                        (Integer) row.get(Columns.N),
                        (Long) row.get(Columns.COUNT),
                        (Double) row.get(Columns.PMI),
                        (Double) row.get(Columns.LLR))));
        return best.sorted();
    }

    // ---- entities ----

    static final Comparator<EntityRow> MOST_MENTIONED =
            Comparator.comparingLong(EntityRow::mentions).reversed().thenComparing(EntityRow::id);

    /** Top entities per type; {@code byId} receives every kept entity (per type and for the network). */
    private Map<String, List<EntityRow>> entities(Map<String, EntityRow> byId) {
        if (!tables.exists(Table.ENTITIES)) {
            return Map.of();
        }
        Map<String, TopK<EntityRow>> perType = new TreeMap<>();
        TopK<EntityRow> overall = new TopK<>(networkSize, MOST_MENTIONED);
        tables.scan(
                Table.ENTITIES,
                List.of(Columns.ENTITY_ID, Columns.NAME, Columns.TYPE, Columns.MENTIONS, Columns.DOCS),
                row -> {
                    EntityRow entity = new EntityRow(
                            (String) row.get(Columns.ENTITY_ID),
                            (String) row.get(Columns.NAME),
                            (String) row.get(Columns.TYPE),
                            (Long) row.get(Columns.MENTIONS),
                            (Long) row.get(Columns.DOCS));
                    perType.computeIfAbsent(entity.type(), t -> new TopK<>(top, MOST_MENTIONED))
                            .offer(entity);
                    overall.offer(entity);
                });
        Map<String, List<EntityRow>> result = new LinkedHashMap<>();
        perType.forEach((type, best) -> result.put(type, best.sorted()));
        result.values().forEach(list -> list.forEach(e -> byId.put(e.id(), e)));
        overall.sorted().forEach(e -> byId.put(e.id(), e));
        return result;
    }

    private record Pair(String a, String b, String window, long count, long docs, double npmi) {}

    private record PairScan(List<Pair> top, List<Pair> network) {}

    private static final Comparator<Pair> STRONGEST = Comparator.comparingLong(Pair::count)
            .reversed()
            .thenComparing(Comparator.comparingDouble(Pair::npmi).reversed())
            .thenComparing(Pair::a)
            .thenComparing(Pair::b);

    /**
     * The strongest pairs overall and the candidates for the network picture: pairs among the most mentioned
     * entities plus the strongest pairs overall (so there is a picture even when the most mentioned entities
     * rarely meet). The sentence window is preferred.
     */
    private PairScan pairs(List<EntityRow> mostMentioned) {
        if (!tables.exists(Table.ENTITY_PAIRS)) {
            return new PairScan(List.of(), List.of());
        }
        Set<String> frequent =
                new HashSet<>(mostMentioned.stream().map(EntityRow::id).toList());
        Map<String, TopK<Pair>> topByWindow = new TreeMap<>();
        Map<String, TopK<Pair>> strongestByWindow = new TreeMap<>();
        Map<String, List<Pair>> amongFrequentByWindow = new TreeMap<>();
        tables.scan(
                Table.ENTITY_PAIRS,
                List.of(Columns.ENTITY_A, Columns.ENTITY_B, Columns.WINDOW, Columns.COUNT, Columns.DOCS, Columns.NPMI),
                row -> {
                    Pair pair = new Pair(
                            (String) row.get(Columns.ENTITY_A),
                            (String) row.get(Columns.ENTITY_B),
                            (String) row.get(Columns.WINDOW),
                            (Long) row.get(Columns.COUNT),
                            (Long) row.get(Columns.DOCS),
                            (Double) row.get(Columns.NPMI));
                    topByWindow
                            .computeIfAbsent(pair.window(), w -> new TopK<>(top, STRONGEST))
                            .offer(pair);
                    strongestByWindow
                            .computeIfAbsent(pair.window(), w -> new TopK<>(3 * networkSize, STRONGEST))
                            .offer(pair);
                    if (frequent.contains(pair.a()) && frequent.contains(pair.b())) {
                        amongFrequentByWindow
                                .computeIfAbsent(pair.window(), w -> new ArrayList<>())
                                .add(pair);
                    }
                });
        String window = topByWindow.containsKey("sentence")
                ? "sentence"
                : topByWindow.isEmpty() ? null : topByWindow.keySet().iterator().next();
        if (window == null) {
            return new PairScan(List.of(), List.of());
        }
        Set<Pair> candidates = new TreeSet<>(STRONGEST);
        candidates.addAll(amongFrequentByWindow.getOrDefault(window, List.of()));
        candidates.addAll(strongestByWindow.get(window).sorted());
        return new PairScan(topByWindow.get(window).sorted(), List.copyOf(candidates));
    }

    /** Strongest first, entities join until the picture has networkSize of them; at most 3 edges per node. */
    private List<Pair> networkPairs(List<Pair> candidates) {
        Set<String> nodes = new java.util.LinkedHashSet<>();
        for (Pair p : candidates) {
            if (p.a().equals(p.b())) {
                continue;
            }
            int added = (nodes.contains(p.a()) ? 0 : 1) + (nodes.contains(p.b()) ? 0 : 1);
            if (nodes.size() + added <= networkSize) {
                nodes.add(p.a());
                nodes.add(p.b());
            }
        }
        List<Pair> edges = candidates.stream()
                .filter(p -> !p.a().equals(p.b()))
                .filter(p -> nodes.contains(p.a()) && nodes.contains(p.b()))
                .toList();
        return edges.subList(0, Math.min(edges.size(), 3 * nodes.size()));
    }

    private Map<String, Long> communities(Set<String> ids) {
        Map<String, Long> communities = new HashMap<>();
        if (!tables.exists(Table.ENTITY_GRAPH)) {
            return communities;
        }
        tables.scan(Table.ENTITY_GRAPH, List.of(Columns.ENTITY_ID, Columns.COMMUNITY), row -> {
            if (ids.contains((String) row.get(Columns.ENTITY_ID))) {
                communities.put((String) row.get(Columns.ENTITY_ID), (Long) row.get(Columns.COMMUNITY));
            }
        });
        return communities;
    }

    /** Nodes (most mentioned first) coloured by graph community when entity_graph exists, else by entity type. */
    private Network network(List<Pair> pairs, Map<String, EntityRow> byId) {
        Set<String> ids = new TreeSet<>();
        pairs.forEach(p -> {
            ids.add(p.a());
            ids.add(p.b());
        });
        List<EntityRow> nodes = ids.stream()
                .map(id -> byId.getOrDefault(id, new EntityRow(id, id, "?", 0, 0)))
                .sorted(MOST_MENTIONED)
                .toList();
        if (nodes.isEmpty()) {
            return new Network(List.of(), List.of(), "community");
        }
        Map<String, Long> communities = communities(ids);
        boolean byCommunity = !communities.isEmpty();
        List<String> types =
                nodes.stream().map(EntityRow::type).distinct().sorted().toList();
        long[] groups = nodes.stream()
                .mapToLong(e -> byCommunity ? communities.getOrDefault(e.id(), -1L) : types.indexOf(e.type()))
                .toArray();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).id(), i);
        }
        List<Network.Edge> edges = pairs.stream()
                .map(p -> new Network.Edge(index.get(p.a()), index.get(p.b()), p.count(), p.npmi()))
                .toList();
        double[][] xy = NetworkLayout.layout(groups, edges, 1.0);
        List<Network.Node> laidOut = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            EntityRow e = nodes.get(i);
            laidOut.add(new Network.Node(e.id(), e.name(), e.type(), groups[i], e.mentions(), xy[i][0], xy[i][1]));
        }
        return new Network(laidOut, edges, byCommunity ? "community" : "type");
    }

    private void addMissingNames(List<Pair> pairs, Map<String, EntityRow> byId) {
        Set<String> missing = new HashSet<>();
        pairs.forEach(p -> {
            if (!byId.containsKey(p.a())) {
                missing.add(p.a());
            }
            if (!byId.containsKey(p.b())) {
                missing.add(p.b());
            }
        });
        if (missing.isEmpty() || !tables.exists(Table.ENTITIES)) {
            return;
        }
        tables.scan(
                Table.ENTITIES,
                List.of(Columns.ENTITY_ID, Columns.NAME, Columns.TYPE, Columns.MENTIONS, Columns.DOCS),
                row -> {
                    if (missing.contains((String) row.get(Columns.ENTITY_ID))) {
                        byId.put(
                                (String) row.get(Columns.ENTITY_ID),
                                new EntityRow(
                                        (String) row.get(Columns.ENTITY_ID),
                                        (String) row.get(Columns.NAME),
                                        (String) row.get(Columns.TYPE),
                                        (Long) row.get(Columns.MENTIONS),
                                        (Long) row.get(Columns.DOCS)));
                    }
                });
    }

    private static PairRow pairRow(Pair p, Map<String, EntityRow> byId) {
        String nameA = byId.containsKey(p.a()) ? byId.get(p.a()).name() : p.a();
        String nameB = byId.containsKey(p.b()) ? byId.get(p.b()).name() : p.b();
        return new PairRow(p.a(), nameA, p.b(), nameB, p.window(), p.count(), p.docs(), p.npmi());
    }

    // ---- topics, clusters, trends ----

    private record TopicKey(String model, int topicId) implements Comparable<TopicKey> {
        @Override
        public int compareTo(TopicKey o) {
            int c = model.compareTo(o.model);
            return c != 0 ? c : Integer.compare(topicId, o.topicId);
        }
    }

    private record Weighted(String docId, double weight) {}

    private List<TopicCard> topics(List<DocRow> documents) {
        Map<TopicKey, String> labels = new TreeMap<>();
        Map<TopicKey, List<TermWeight>> terms = new TreeMap<>();
        if (tables.exists(Table.TOPICS)) {
            Map<TopicKey, TreeMap<Integer, TermWeight>> ranked = new TreeMap<>();
            tables.scan(
                    Table.TOPICS,
                    List.of(Columns.MODEL, Columns.TOPIC_ID, Columns.RANK, Columns.TERM, Columns.WEIGHT, Columns.LABEL),
                    row -> {
                        TopicKey key =
                                new TopicKey((String) row.get(Columns.MODEL), (Integer) row.get(Columns.TOPIC_ID));
                        labels.put(key, (String) row.get(Columns.LABEL));
                        int rank = (Integer) row.get(Columns.RANK);
                        if (rank <= TOPIC_TERMS) {
                            ranked.computeIfAbsent(key, k -> new TreeMap<>())
                                    .put(rank, new TermWeight((String) row.get(Columns.TERM), (Double)
                                            row.get(Columns.WEIGHT)));
                        }
                    });
            ranked.forEach((key, byRank) -> terms.put(key, List.copyOf(byRank.values())));
        }
        Map<TopicKey, Long> dominant = new TreeMap<>();
        Map<String, Long> docsPerModel = new TreeMap<>();
        Map<TopicKey, TopK<Weighted>> examples = new TreeMap<>();
        Map<String, String> dominantOfShown = new HashMap<>();
        if (tables.exists(Table.DOC_TOPICS)) {
            Set<String> shown =
                    new HashSet<>(documents.stream().map(DocRow::docId).toList());
            Comparator<Weighted> heaviest =
                    Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::docId);
            tables.scan(
                    Table.DOC_TOPICS,
                    List.of(Columns.DOC_ID, Columns.MODEL, Columns.TOPIC_ID, Columns.WEIGHT, Columns.IS_DOMINANT),
                    row -> {
                        TopicKey key =
                                new TopicKey((String) row.get(Columns.MODEL), (Integer) row.get(Columns.TOPIC_ID));
                        String docId = (String) row.get(Columns.DOC_ID);
                        examples.computeIfAbsent(key, k -> new TopK<>(TOPIC_EXAMPLES, heaviest))
                                .offer(new Weighted(docId, (Double) row.get(Columns.WEIGHT)));
                        if (Boolean.TRUE.equals(row.get(Columns.IS_DOMINANT))) {
                            dominant.merge(key, 1L, Long::sum);
                            docsPerModel.merge(key.model(), 1L, Long::sum);
                            if (shown.contains(docId)) {
                                dominantOfShown.merge(docId, topicName(key, labels), (x, y) -> x + "; " + y);
                            }
                        }
                        labels.putIfAbsent(key, "");
                    });
        }
        this.dominantTopics = dominantOfShown;
        Set<String> exampleIds = new HashSet<>();
        examples.values().forEach(k -> k.sorted().forEach(w -> exampleIds.add(w.docId())));
        lookUpTitles(titles, exampleIds);
        List<TopicCard> cards = new ArrayList<>();
        for (TopicKey key : labels.keySet()) {
            long docs = dominant.getOrDefault(key, 0L);
            long modelDocs = docsPerModel.getOrDefault(key.model(), 0L);
            List<String> titlesOfExamples = examples.containsKey(key)
                    ? examples.get(key).sorted().stream()
                            .map(w -> titles.getOrDefault(w.docId(), w.docId()))
                            .toList()
                    : List.of();
            cards.add(new TopicCard(
                    key.model(),
                    key.topicId(),
                    labels.get(key),
                    terms.getOrDefault(key, List.of()),
                    modelDocs == 0 ? Double.NaN : docs / (double) modelDocs,
                    tables.exists(Table.DOC_TOPICS) ? docs : -1,
                    titlesOfExamples));
        }
        return cards;
    }

    private static String topicName(TopicKey key, Map<TopicKey, String> labels) {
        String label = labels.get(key);
        return key.model() + " #" + key.topicId() + (label == null || label.isEmpty() ? "" : " " + label);
    }

    private List<ClusterRow> clusters() {
        if (!tables.exists(Table.CLUSTERS)) {
            return List.of();
        }
        Map<Integer, Long> sizes = new TreeMap<>();
        Map<Integer, String> labels = new TreeMap<>();
        tables.scan(Table.CLUSTERS, List.of(Columns.CLUSTER_ID, Columns.LABEL), row -> {
            sizes.merge((Integer) row.get(Columns.CLUSTER_ID), 1L, Long::sum);
            labels.putIfAbsent((Integer) row.get(Columns.CLUSTER_ID), (String) row.get(Columns.LABEL));
        });
        return sizes.entrySet().stream()
                .map(e -> new ClusterRow(e.getKey(), labels.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(ClusterRow::size).reversed().thenComparingInt(ClusterRow::clusterId))
                .toList();
    }

    private List<Trend> trends(List<TopicCard> topics) {
        if (!tables.exists(Table.TOPIC_TRENDS)) {
            return List.of();
        }
        Map<String, TreeMap<String, Map<Integer, Double>>> byModel = new TreeMap<>();
        tables.scan(
                Table.TOPIC_TRENDS,
                List.of(Columns.PERIOD, Columns.MODEL, Columns.TOPIC_ID, Columns.SHARE),
                row -> byModel.computeIfAbsent((String) row.get(Columns.MODEL), m -> new TreeMap<>())
                        .computeIfAbsent((String) row.get(Columns.PERIOD), p -> new TreeMap<>())
                        .put((Integer) row.get(Columns.TOPIC_ID), (Double) row.get(Columns.SHARE)));
        List<Trend> trends = new ArrayList<>();
        byModel.forEach((model, periods) -> {
            List<String> periodList = List.copyOf(periods.keySet());
            Map<Integer, double[]> series = new TreeMap<>();
            for (int p = 0; p < periodList.size(); p++) {
                for (Map.Entry<Integer, Double> share :
                        periods.get(periodList.get(p)).entrySet()) {
                    double[] values = series.computeIfAbsent(share.getKey(), k -> {
                        double[] empty = new double[periodList.size()];
                        java.util.Arrays.fill(empty, Double.NaN);
                        return empty;
                    });
                    values[p] = share.getValue();
                }
            }
            Map<Integer, String> labels = new TreeMap<>();
            topics.stream().filter(t -> t.model().equals(model)).forEach(t -> labels.put(t.topicId(), t.label()));
            trends.add(new Trend(model, periodList, series, labels));
        });
        return trends;
    }

    // ---- titles ----

    /** Adds to {@code known} the titles of the given documents not in it yet, in one pass over the documents table. */
    private Map<String, String> lookUpTitles(Map<String, String> known, java.util.Collection<String> docIds) {
        Set<String> missing = new HashSet<>(docIds);
        missing.removeAll(known.keySet());
        if (missing.isEmpty() || !tables.exists(Table.DOCUMENTS)) {
            return known;
        }
        tables.scan(Table.DOCUMENTS, List.of(Columns.DOC_ID, Columns.TITLE), row -> {
            if (missing.contains((String) row.get(Columns.DOC_ID))) {
                known.put((String) row.get(Columns.DOC_ID), (String) row.get(Columns.TITLE));
            }
        });
        return known;
    }

    private List<DocRow> withTitles(List<DocRow> documents) {
        return documents.stream()
                .map(d -> new DocRow(
                        d.docId(), d.title(), d.outlet(), d.published(), d.keywords(), dominantTopics.get(d.docId())))
                .toList();
    }
}
