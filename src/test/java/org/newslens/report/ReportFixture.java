package org.newslens.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.testing.SharedSpark;
import org.newslens.text.StopWords;

/**
 * Small but consistent output tables for every table of the contract, written with the shared session
 * through {@link TableStore} (so they pass the schema check): six made-up articles about fisheries and
 * solar power, one of them hostile ({@code <script>}, {@code "><img onerror>} in title, outlet and an entity).
 * The other tables are derived from the articles' sentences, so counts agree across tables.
 */
public final class ReportFixture {
    static final String HOSTILE_TITLE = "<script>window.__pwned=1</script> Harbour claims";
    static final String HOSTILE_OUTLET = "\"><img src=x onerror=\"window.__pwned=2\">";
    static final String HOSTILE_ENTITY = "Evil <svg onload=window.__pwned=3>";

    private record Doc(String id, String title, String outlet, LocalDate published, String[] sentences) {
        String text() {
            return String.join(" ", sentences);
        }
    }

    private record Ent(String id, String name, String type, long community) {}

    private static final List<Doc> DOCS = List.of(
            new Doc(
                    "d1",
                    "Norway and Chile agree salmon quota",
                    "Harbour Times",
                    LocalDate.of(2024, 1, 10),
                    new String[] {
                        "Norway and Chile agreed a new salmon quota on Monday.",
                        "Mara Lindqvist said the Northern Fisheries Council will audit the salmon catch."
                    }),
            new Doc("d2", "Fisheries council meets in Oslo", "Harbour Times", LocalDate.of(2024, 2, 3), new String[] {
                "The Northern Fisheries Council met in Oslo to review the salmon quota.",
                "Mara Lindqvist warned that Norway must protect salmon stocks."
            }),
            new Doc("d3", HOSTILE_TITLE, HOSTILE_OUTLET, null, new String[] {
                "An article with markup inside its text.",
                "Evil <svg onload=window.__pwned=3> met Mara Lindqvist about <script>window.__pwned=4</script> salmon."
            }),
            new Doc("d4", "Kenya expands solar grid", "Daily Meridian", LocalDate.of(2024, 2, 20), new String[] {
                "Kenya expanded its solar grid with help from the Sunrise Grid Authority.",
                "Tomas Okafor said solar tariffs in Nairobi will fall."
            }),
            new Doc("d5", "Solar tariffs debated in Nairobi", "Daily Meridian", LocalDate.of(2024, 3, 5), new String[] {
                "Lawmakers in Nairobi debated solar tariffs for the grid.",
                "Tomas Okafor and the Sunrise Grid Authority defended the solar tariffs in Kenya."
            }),
            new Doc("d6", "Chile salmon exports rise", "Pacific Ledger", LocalDate.of(2024, 3, 18), new String[] {
                "Chile reported rising salmon exports to Norway.",
                "The Northern Fisheries Council praised Chile for the salmon quota."
            }));

    private static final List<Ent> ENTS = List.of(
            new Ent("loc:norway", "Norway", "LOCATION", 0),
            new Ent("loc:chile", "Chile", "LOCATION", 0),
            new Ent("loc:oslo", "Oslo", "LOCATION", 0),
            new Ent("loc:kenya", "Kenya", "LOCATION", 1),
            new Ent("loc:nairobi", "Nairobi", "LOCATION", 1),
            new Ent("per:mara", "Mara Lindqvist", "PERSON", 0),
            new Ent("per:tomas", "Tomas Okafor", "PERSON", 1),
            new Ent("org:nfc", "Northern Fisheries Council", "ORGANIZATION", 0),
            new Ent("org:sga", "Sunrise Grid Authority", "ORGANIZATION", 1),
            new Ent("misc:evil", HOSTILE_ENTITY, "MISC", 2));

    private ReportFixture() {}

    /** Writes every table of the contract under {@code dir} and commits them. */
    public static void writeAll(Path dir) {
        write(dir, EnumSet.allOf(Table.class));
    }

    /** Writes only the given tables (e.g. the terms tables, for a terms-only report). */
    public static void write(Path dir, Set<Table> which) {
        SparkSession spark = SharedSpark.session();
        TableStore store = new TableStore(spark, dir.toUri().toString(), "fixture");
        for (Table table : Table.values()) {
            if (which.contains(table)) {
                store.write(table, spark.createDataFrame(rows(table), table.schema()));
            }
        }
        store.commit();
    }

    /** Every table with the declared schema and no rows (a corpus where every input was rejected, say). */
    public static void writeEmpty(Path dir) {
        SparkSession spark = SharedSpark.session();
        TableStore store = new TableStore(spark, dir.toUri().toString(), "fixture-empty");
        for (Table table : Table.values()) {
            store.write(table, spark.createDataFrame(List.of(), table.schema()));
        }
        store.commit();
    }

    private static Path shared;

    /** Every table, written once per test JVM under target/report-fixture (kept for looking at afterwards). */
    public static synchronized Path shared() {
        if (shared == null) {
            Path dir = Path.of("target", "report-fixture").toAbsolutePath();
            try {
                if (Files.exists(dir)) {
                    try (var walk = Files.walk(dir)) {
                        walk.sorted(java.util.Comparator.reverseOrder())
                                .forEach(p -> p.toFile().delete());
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            writeAll(dir);
            shared = dir;
        }
        return shared;
    }

    static List<Row> rows(Table table) {
        return switch (table) {
            case DOCUMENTS ->
                DOCS.stream()
                        .map(d -> RowFactory.create(
                                d.id,
                                "file:/corpus/" + d.id + ".txt",
                                d.title,
                                d.published == null ? null : Date.valueOf(d.published),
                                d.outlet,
                                null,
                                d.text(),
                                d.text().length(),
                                tokens(d.text()).size(),
                                "sha-" + d.id))
                        .toList();
            case REJECTS ->
                List.of(
                        RowFactory.create("file:/corpus/empty.txt", "empty_file", "0 bytes"),
                        RowFactory.create("file:/corpus/photo.jpg", "unsupported_format", "extension .jpg"));
            case SENTENCES -> sentences();
            case TOKENS -> tokenRows();
            case MENTIONS -> mentions();
            case TERM_STATS -> termStats();
            case DOC_TERMS -> docTerms();
            case COLLOCATIONS ->
                List.of(
                        RowFactory.create("salmon quota", 2, 3L, 3L, 4.1, 12.5),
                        RowFactory.create("fisheries council", 2, 3L, 3L, 5.2, 15.0),
                        RowFactory.create("northern fisheries council", 3, 3L, 3L, 7.9, 18.2),
                        RowFactory.create("solar tariff", 2, 3L, 2L, 4.4, 11.0),
                        RowFactory.create("grid authority", 2, 2L, 2L, 5.0, 8.3));
            case DOC_KEYWORDS -> docKeywords();
            case ENTITIES -> entities();
            case ENTITY_PAIRS -> entityPairs();
            case ENTITY_GRAPH -> entityGraph();
            case TOPICS -> topics();
            case DOC_TOPICS -> docTopics();
            case CLUSTERS ->
                DOCS.stream()
                        .map(d -> RowFactory.create(
                                d.id,
                                fisheries(d) ? 0 : 1,
                                fisheries(d) ? "salmon, quota" : "solar, tariff",
                                fisheries(d) ? 0.2 : 0.3))
                        .toList();
            case DUPLICATES -> List.of(RowFactory.create("d6", "d1", 0.81, "Pacific Ledger", "Harbour Times"));
            case TOPIC_TRENDS -> topicTrends();
            case TOPIC_METRICS ->
                List.of(
                        RowFactory.create("lda", 0, "npmi", 0.14),
                        RowFactory.create("lda", 1, "npmi", 0.09),
                        RowFactory.create("lda", null, "c_npmi", 0.115),
                        RowFactory.create("clusters", null, "silhouette", 0.21));
            case TOPIC_MODEL ->
                List.of(
                        RowFactory.create("topic", 0, 0, "fixture", List.of("quota", "salmon"), List.of(0.4, 0.6)),
                        RowFactory.create("cluster", 0, 0, "fixture", null, List.of(1.0, 0.0)));
            case TOPIC_VOCABULARY ->
                List.of(RowFactory.create("quota", 0, 3L, 1.4, false), RowFactory.create("salmon", 1, 4L, 1.2, false));
            case TOPIC_MODEL_INFO -> List.of(RowFactory.create("topics.k", "2"), RowFactory.create("model", "nmf"));
            case ENTITY_TRENDS -> entityTrends();
            case PAIR_TRENDS -> pairTrends();
            case KEYNESS -> keyness();
            // The append state: the report never reads it.
            case STATE_INPUTS,
                    STATE_BOILERPLATE_LINES,
                    STATE_UNLINKED_MENTIONS,
                    STATE_TERM_COUNTS,
                    STATE_TERM_COUNTS_DOCUMENTS,
                    STATE_DUPLICATE_SIGNATURES,
                    STATE_TOPIC_SCORES,
                    STATE_TOPIC_CLUSTER_TERMS,
                    STATE_TOPIC_COHERENCE_COUNTS,
                    STATE_KEYNESS_TERM_CELLS,
                    STATE_KEYNESS_DOCUMENTS -> List.of();
        };
    }

    // ---- trends: months, every dated document counted, history = all earlier months ----

    private static List<String> months() {
        return DOCS.stream()
                .filter(d -> d.published != null)
                .map(d -> d.published.toString().substring(0, 7))
                .distinct()
                .sorted()
                .toList();
    }

    private static List<Doc> inMonth(String month) {
        return DOCS.stream()
                .filter(d -> d.published != null && d.published.toString().startsWith(month))
                .toList();
    }

    private static Date monthStart(String month) {
        return Date.valueOf(LocalDate.parse(month + "-01"));
    }

    private static Date monthEnd(String month) {
        LocalDate start = LocalDate.parse(month + "-01");
        return Date.valueOf(start.withDayOfMonth(start.lengthOfMonth()));
    }

    /** Rows of a trend table: key -> docs per month; the burst columns from the real statistics. */
    private static List<Row> trendRows(
            Map<String, long[]> docsByKey,
            Map<String, long[]> countByKey,
            java.util.function.BiFunction<String, Object[], Row> row) {
        List<String> months = months();
        long[] periodDocs = months.stream().mapToLong(m -> inMonth(m).size()).toArray();
        List<Object[]> raw = new ArrayList<>();
        docsByKey.forEach((key, docs) -> {
            long history = 0;
            long historyDocs = 0;
            for (int m = 0; m < months.size(); m++) {
                if (docs[m] > 0) {
                    boolean tested = historyDocs > 0;
                    double p = org.newslens.stats.BurstTest.pValue(docs[m], history, periodDocs[m], historyDocs);
                    raw.add(new Object[] {
                        key,
                        months.get(m),
                        docs[m],
                        countByKey.get(key)[m],
                        periodDocs[m],
                        tested ? periodDocs[m] * (double) history / historyDocs : null,
                        history,
                        historyDocs,
                        tested ? p : null,
                        org.newslens.stats.BurstTest.score(docs[m], history, periodDocs[m], historyDocs),
                        history == 0 && historyDocs > 0
                    });
                }
                history += docs[m];
                historyDocs += periodDocs[m];
            }
        });
        double[] ps = raw.stream()
                .filter(r -> r[8] != null)
                .mapToDouble(r -> (Double) r[8])
                .toArray();
        double[] qs = org.newslens.stats.BenjaminiHochberg.adjust(ps);
        List<Row> rows = new ArrayList<>();
        int t = 0;
        for (Object[] r : raw) {
            Double q = r[8] == null ? null : qs[t++];
            r[8] = new Object[] {r[8], q, q != null && q <= 0.05 && (Long) r[2] >= 1};
            rows.add(row.apply((String) r[0], r));
        }
        return rows;
    }

    private static List<Row> entityTrends() {
        List<String> months = months();
        Map<String, long[]> docs = new TreeMap<>();
        Map<String, long[]> mentions = new TreeMap<>();
        for (Ent e : ENTS) {
            for (int m = 0; m < months.size(); m++) {
                for (Doc d : inMonth(months.get(m))) {
                    int n = d.text().split(java.util.regex.Pattern.quote(e.name), -1).length - 1;
                    if (n > 0) {
                        docs.computeIfAbsent(e.id, k -> new long[months.size()])[m]++;
                        mentions.computeIfAbsent(e.id, k -> new long[months.size()])[m] += n;
                    }
                }
            }
        }
        return trendRows(docs, mentions, (id, r) -> {
            Object[] test = (Object[]) r[8];
            return RowFactory.create(
                    r[1],
                    monthStart((String) r[1]),
                    monthEnd((String) r[1]),
                    id,
                    entity(id).name,
                    r[3],
                    r[2],
                    r[4],
                    (Long) r[2] / (double) (Long) r[4],
                    r[5],
                    r[6],
                    r[7],
                    test[0],
                    test[1],
                    r[9],
                    test[2],
                    r[10]);
        });
    }

    private static List<Row> pairTrends() {
        List<String> months = months();
        Map<String, long[]> docs = new TreeMap<>();
        Map<String, long[]> sentences = new TreeMap<>();
        for (int m = 0; m < months.size(); m++) {
            for (Doc d : inMonth(months.get(m))) {
                Set<String> inDoc = new TreeSet<>();
                for (String sentence : d.sentences) {
                    List<Ent> present = ENTS.stream()
                            .filter(e -> sentence.contains(e.name))
                            .sorted(java.util.Comparator.comparing(Ent::id))
                            .toList();
                    for (int i = 0; i < present.size(); i++) {
                        for (int j = i + 1; j < present.size(); j++) {
                            String key = present.get(i).id + "|" + present.get(j).id;
                            sentences.computeIfAbsent(key, k -> new long[months.size()])[m]++;
                            inDoc.add(key);
                        }
                    }
                }
                for (String key : inDoc) {
                    docs.computeIfAbsent(key, k -> new long[months.size()])[m]++;
                }
            }
        }
        return trendRows(docs, sentences, (key, r) -> {
            String[] ab = key.split("\\|");
            Object[] test = (Object[]) r[8];
            return RowFactory.create(
                    r[1],
                    monthStart((String) r[1]),
                    monthEnd((String) r[1]),
                    ab[0],
                    ab[1],
                    entity(ab[0]).name,
                    entity(ab[1]).name,
                    r[3],
                    r[2],
                    r[4],
                    r[5],
                    r[6],
                    r[7],
                    test[0],
                    test[1],
                    r[9],
                    test[2],
                    r[10]);
        });
    }

    /** Keyness of terms and entities: each outlet against the others, each month against the earlier ones. */
    private static List<Row> keyness() {
        Map<String, Map<String, Long>> byOutlet = new TreeMap<>();
        Map<String, Map<String, Long>> byMonth = new TreeMap<>();
        for (Doc d : DOCS) {
            Map<String, Long> features = new TreeMap<>();
            contentTerms(d.text()).forEach(t -> features.merge("term|" + t, 1L, Long::sum));
            for (Ent e : ENTS) {
                long n = d.text().split(java.util.regex.Pattern.quote(e.name), -1).length - 1;
                if (n > 0) {
                    features.merge("entity|" + e.id, n, Long::sum);
                }
            }
            features.forEach((f, n) ->
                    byOutlet.computeIfAbsent(d.outlet, k -> new TreeMap<>()).merge(f, n, Long::sum));
            if (d.published != null) {
                features.forEach(
                        (f, n) -> byMonth.computeIfAbsent(d.published.toString().substring(0, 7), k -> new TreeMap<>())
                                .merge(f, n, Long::sum));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String group : byOutlet.keySet()) {
            Map<String, Long> others = new TreeMap<>();
            byOutlet.forEach((g, f) -> {
                if (!g.equals(group)) {
                    f.forEach((k, n) -> others.merge(k, n, Long::sum));
                }
            });
            keynessRows(rows, "outlet", group, byOutlet.get(group), others);
        }
        Map<String, Long> earlier = new TreeMap<>();
        for (Map.Entry<String, Map<String, Long>> month : byMonth.entrySet()) {
            if (!earlier.isEmpty()) {
                keynessRows(rows, "period", month.getKey(), month.getValue(), earlier);
            }
            month.getValue().forEach((k, n) -> earlier.merge(k, n, Long::sum));
        }
        return rows;
    }

    private static void keynessRows(
            List<Row> rows, String grouping, String group, Map<String, Long> in, Map<String, Long> out) {
        for (String kind : List.of("term", "entity")) {
            long totalIn = total(in, kind);
            long totalOut = total(out, kind);
            in.forEach((key, countIn) -> {
                if (key.startsWith(kind + "|") && totalOut > 0) {
                    String feature = key.substring(kind.length() + 1);
                    long countOut = out.getOrDefault(key, 0L);
                    rows.add(RowFactory.create(
                            grouping,
                            group,
                            kind,
                            kind.equals("term") ? feature : entity(feature).name,
                            kind.equals("term") ? null : feature,
                            countIn,
                            countOut,
                            totalIn,
                            totalOut,
                            org.newslens.stats.Keyness.signedG2(countIn, countOut, totalIn, totalOut),
                            org.newslens.stats.Keyness.pValue(
                                    org.newslens.stats.Keyness.signedG2(countIn, countOut, totalIn, totalOut)),
                            org.newslens.stats.Keyness.logRatio(countIn, countOut, totalIn, totalOut)));
                }
            });
        }
    }

    private static long total(Map<String, Long> features, String kind) {
        return features.entrySet().stream()
                .filter(e -> e.getKey().startsWith(kind + "|"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static boolean fisheries(Doc d) {
        return d.text().contains("salmon");
    }

    private static List<String> tokens(String text) {
        return Arrays.stream(text.split("[^\\p{L}]+"))
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .toList();
    }

    private static List<String> contentTerms(String text) {
        return tokens(text).stream().filter(t -> !StopWords.isStopTerm(t)).toList();
    }

    private static List<Row> sentences() {
        List<Row> rows = new ArrayList<>();
        for (Doc d : DOCS) {
            int begin = 0;
            for (int s = 0; s < d.sentences.length; s++) {
                String text = d.sentences[s];
                rows.add(RowFactory.create(
                        d.id,
                        s,
                        begin,
                        begin + text.length(),
                        text,
                        scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<Object>(tokens(text)))
                                .toSeq()));
                begin += text.length() + 1;
            }
        }
        return rows;
    }

    private static List<Row> tokenRows() {
        List<Row> rows = new ArrayList<>();
        for (Doc d : DOCS) {
            int tok = 0;
            for (String t : tokens(d.text())) {
                rows.add(RowFactory.create(d.id, 0, tok, t, t, "NN", "O", StopWords.isStopTerm(t), tok, tok + 1));
                tok++;
            }
        }
        return rows;
    }

    /** Every occurrence of an entity's name in a sentence, with document offsets. */
    private static List<Row> mentions() {
        List<Row> rows = new ArrayList<>();
        for (Doc d : DOCS) {
            int begin = 0;
            for (int s = 0; s < d.sentences.length; s++) {
                String text = d.sentences[s];
                for (Ent e : ENTS) {
                    for (int at = text.indexOf(e.name); at >= 0; at = text.indexOf(e.name, at + 1)) {
                        rows.add(RowFactory.create(
                                d.id, s, begin + at, begin + at + e.name.length(), e.name, e.type, e.id, e.name));
                    }
                }
                begin += text.length() + 1;
            }
        }
        return rows;
    }

    private static Map<String, Set<String>> sentenceEntities() {
        Map<String, Set<String>> bySentence = new TreeMap<>();
        for (Doc d : DOCS) {
            for (int s = 0; s < d.sentences.length; s++) {
                for (Ent e : ENTS) {
                    if (d.sentences[s].contains(e.name)) {
                        bySentence
                                .computeIfAbsent(d.id + "#" + s, k -> new TreeSet<>())
                                .add(e.id);
                    }
                }
            }
        }
        return bySentence;
    }

    private static List<Row> entities() {
        List<Row> rows = new ArrayList<>();
        for (Ent e : ENTS) {
            long mentions = 0;
            long docs = 0;
            for (Doc d : DOCS) {
                int inDoc = d.text().split(java.util.regex.Pattern.quote(e.name), -1).length - 1;
                mentions += inDoc;
                docs += inDoc > 0 ? 1 : 0;
            }
            rows.add(RowFactory.create(
                    e.id,
                    e.name,
                    e.type,
                    scala.jdk.javaapi.CollectionConverters.asScala(List.<Object>of(RowFactory.create(e.name, mentions)))
                            .toSeq(),
                    mentions,
                    docs));
        }
        return rows;
    }

    private static List<Row> entityPairs() {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Set<String>> docs = new TreeMap<>();
        Map<String, Long> single = new TreeMap<>();
        Map<String, Set<String>> bySentence = sentenceEntities();
        bySentence.forEach((key, ids) -> {
            ids.forEach(id -> single.merge(id, 1L, Long::sum));
            List<String> list = new ArrayList<>(ids);
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    String pair = list.get(i) + "|" + list.get(j);
                    counts.computeIfAbsent(pair, k -> new long[1])[0]++;
                    docs.computeIfAbsent(pair, k -> new TreeSet<>()).add(key.substring(0, key.indexOf('#')));
                }
            }
        });
        double n = bySentence.size();
        List<Row> rows = new ArrayList<>();
        counts.forEach((pair, c) -> {
            String[] ab = pair.split("\\|");
            double pab = c[0] / n;
            double pa = single.get(ab[0]) / n;
            double pb = single.get(ab[1]) / n;
            double pmi = Math.log(pab / (pa * pb));
            double npmi = pab >= 1 ? 1 : pmi / -Math.log(pab);
            double jaccard = c[0] / (double) (single.get(ab[0]) + single.get(ab[1]) - c[0]);
            rows.add(RowFactory.create(
                    ab[0],
                    ab[1],
                    "sentence",
                    c[0],
                    (long) docs.get(pair).size(),
                    pmi,
                    npmi,
                    2 * c[0] * pmi,
                    jaccard,
                    entity(ab[0]).name,
                    entity(ab[1]).name));
        });
        return rows;
    }

    private static Ent entity(String id) {
        return ENTS.stream().filter(e -> e.id.equals(id)).findFirst().orElseThrow();
    }

    private static List<Row> entityGraph() {
        Map<String, Set<String>> neighbours = new TreeMap<>();
        Map<String, Double> weighted = new TreeMap<>();
        for (Row pair : entityPairs()) {
            String a = pair.getString(0);
            String b = pair.getString(1);
            neighbours.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
            neighbours.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
            weighted.merge(a, (double) pair.getLong(3), Double::sum);
            weighted.merge(b, (double) pair.getLong(3), Double::sum);
        }
        double total =
                weighted.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Row> rows = new ArrayList<>();
        for (Ent e : ENTS) {
            Set<String> near = neighbours.getOrDefault(e.id, Set.of());
            double w = weighted.getOrDefault(e.id, 0.0);
            rows.add(RowFactory.create(
                    e.id,
                    (long) near.size(),
                    w,
                    total == 0 ? 0 : (0.15 + w) / (0.15 * ENTS.size() + total),
                    e.community,
                    e.name,
                    e.type));
        }
        return rows;
    }

    private static Map<String, Map<String, Integer>> termCounts() {
        Map<String, Map<String, Integer>> byDoc = new LinkedHashMap<>();
        for (Doc d : DOCS) {
            Map<String, Integer> tf = new TreeMap<>();
            contentTerms(d.text()).forEach(t -> tf.merge(t, 1, Integer::sum));
            byDoc.put(d.id, tf);
        }
        return byDoc;
    }

    private static double idf(long df) {
        return Math.log((1.0 + DOCS.size()) / (1.0 + df)) + 1;
    }

    private static List<Row> termStats() {
        Map<String, long[]> stats = new TreeMap<>();
        termCounts()
                .values()
                .forEach(tf -> tf.forEach((t, c) -> {
                    long[] s = stats.computeIfAbsent(t, k -> new long[2]);
                    s[0] += c;
                    s[1]++;
                }));
        return stats.entrySet().stream()
                .map(e -> RowFactory.create(e.getKey(), e.getValue()[0], e.getValue()[1], idf(e.getValue()[1])))
                .toList();
    }

    private static Map<String, Double> idfs() {
        Map<String, Double> idf = new TreeMap<>();
        termStats().forEach(r -> idf.put(r.getString(0), r.getDouble(3)));
        return idf;
    }

    private static List<Row> docTerms() {
        Map<String, Double> idf = idfs();
        List<Row> rows = new ArrayList<>();
        termCounts().forEach((doc, tf) -> tf.forEach((t, c) -> rows.add(RowFactory.create(doc, t, c, c * idf.get(t)))));
        return rows;
    }

    private static List<Row> docKeywords() {
        Map<String, Double> idf = idfs();
        List<Row> rows = new ArrayList<>();
        termCounts().forEach((doc, tf) -> {
            List<Map.Entry<String, Integer>> ranked = new ArrayList<>(tf.entrySet());
            ranked.sort((x, y) -> {
                int c = Double.compare(y.getValue() * idf.get(y.getKey()), x.getValue() * idf.get(x.getKey()));
                return c != 0 ? c : x.getKey().compareTo(y.getKey());
            });
            for (int r = 0; r < Math.min(5, ranked.size()); r++) {
                Map.Entry<String, Integer> e = ranked.get(r);
                rows.add(RowFactory.create(doc, r + 1, e.getKey(), e.getValue() * idf.get(e.getKey())));
            }
        });
        return rows;
    }

    private static List<Row> topics() {
        List<Row> rows = new ArrayList<>();
        String[][] terms = {
            {"salmon", "quota", "fisheries", "council", "norway"}, {"solar", "tariffs", "grid", "kenya", "nairobi"}
        };
        for (int k = 0; k < terms.length; k++) {
            for (int r = 0; r < terms[k].length; r++) {
                rows.add(RowFactory.create(
                        "lda",
                        k,
                        r + 1,
                        terms[k][r],
                        0.2 - 0.03 * r,
                        terms[k][0] + ", " + terms[k][1] + ", " + terms[k][2],
                        "fixture",
                        true));
            }
        }
        return rows;
    }

    private static List<Row> docTopics() {
        List<Row> rows = new ArrayList<>();
        for (Doc d : DOCS) {
            double w = fisheries(d) ? 0.85 : 0.2;
            rows.add(RowFactory.create(d.id, "lda", 0, w, w > 0.5));
            rows.add(RowFactory.create(d.id, "lda", 1, 1 - w, w <= 0.5));
        }
        return rows;
    }

    private static List<Row> topicTrends() {
        Map<String, long[]> byMonth = new TreeMap<>();
        for (Doc d : DOCS) {
            if (d.published != null) {
                long[] c = byMonth.computeIfAbsent(d.published.toString().substring(0, 7), k -> new long[2]);
                c[fisheries(d) ? 0 : 1]++;
            }
        }
        List<Row> rows = new ArrayList<>();
        byMonth.forEach((month, c) -> {
            double total = c[0] + c[1];
            for (int k = 0; k < 2; k++) {
                rows.add(RowFactory.create(month, "lda", k, c[k] / total, c[k]));
            }
        });
        return rows;
    }
}
