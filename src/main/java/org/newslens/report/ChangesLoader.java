package org.newslens.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.newslens.io.Columns;
import org.newslens.io.ParquetTables;
import org.newslens.io.Table;
import org.newslens.report.ReportData.Changes;
import org.newslens.report.ReportData.Distinctive;
import org.newslens.report.ReportData.OutletProfile;
import org.newslens.report.ReportData.PairRow;
import org.newslens.report.ReportData.RisingEntity;
import org.newslens.report.ReportData.RisingPair;
import org.newslens.report.ReportData.Timeline;

/**
 * Reduces entity_trends, pair_trends and keyness to the report's "What changed" section, streaming each table
 * into bounded top-k lists: the latest period, what rises in it (documents above the expected value, highest
 * burst score first), the top rising entities' timelines, their sentences in that period, and each outlet's
 * most distinctive terms and entities.
 */
final class ChangesLoader {
    private static final int RISING = 10;
    private static final int TIMELINES = 6;
    private static final int EXAMPLE_ITEMS = 4;
    private static final int DISTINCTIVE = 8;

    private final ParquetTables tables;
    private final int top;

    ChangesLoader(ParquetTables tables, int top) {
        this.tables = tables;
        this.top = Math.min(top, RISING);
    }

    Changes load() {
        if (!tables.exists(Table.ENTITY_TRENDS)) {
            return Changes.NONE;
        }
        TreeMap<LocalDate, String> periods = new TreeMap<>();
        Map<String, Long> periodDocs = new HashMap<>();
        LocalDate[] latestEnd = new LocalDate[1];
        tables.scan(
                Table.ENTITY_TRENDS,
                List.of(Columns.PERIOD, Columns.PERIOD_START, Columns.PERIOD_END, Columns.PERIOD_DOCS),
                row -> {
                    LocalDate start = (LocalDate) row.get(Columns.PERIOD_START);
                    if (periods.put(start, (String) row.get(Columns.PERIOD)) == null
                            && start.equals(periods.lastKey())) {
                        latestEnd[0] = (LocalDate) row.get(Columns.PERIOD_END);
                    }
                    periodDocs.put((String) row.get(Columns.PERIOD), (Long) row.get(Columns.PERIOD_DOCS));
                });
        if (periods.isEmpty()) {
            return Changes.NONE;
        }
        String latest = periods.lastEntry().getValue();
        List<RisingEntity> entities = risingEntities(latest);
        List<RisingPair> pairs = risingPairs(latest);
        List<Timeline> timelines =
                timelines(entities.subList(0, Math.min(TIMELINES, entities.size())), List.copyOf(periods.values()));
        return new Changes(
                latest,
                periods.lastKey(),
                latestEnd[0],
                periodDocs.getOrDefault(latest, 0L),
                entities,
                pairs,
                timelines,
                List.of(), // found with the report's other examples, in the same pass: see examplesRequest
                outlets());
    }

    private static final Comparator<RisingEntity> STRONGEST_ENTITY = Comparator.comparingDouble(RisingEntity::score)
            .reversed()
            .thenComparing(Comparator.comparingLong(RisingEntity::docs).reversed())
            .thenComparing(RisingEntity::id);
    private static final Comparator<RisingPair> STRONGEST_PAIR = Comparator.comparingDouble(RisingPair::score)
            .reversed()
            .thenComparing(Comparator.comparingLong(RisingPair::docs).reversed())
            .thenComparing(RisingPair::idA)
            .thenComparing(RisingPair::idB);

    /** Rising: more documents than expected from the history (periods without history cannot rise). */
    private static boolean rising(Map<String, Object> row) {
        Double expected = (Double) row.get(Columns.EXPECTED);
        return expected != null && (Long) row.get(Columns.DOCS) > expected;
    }

    private List<RisingEntity> risingEntities(String latest) {
        TopK<RisingEntity> best = new TopK<>(top, STRONGEST_ENTITY);
        tables.scan(
                Table.ENTITY_TRENDS,
                List.of(
                        "period",
                        "entity_id",
                        "name",
                        "docs",
                        "share",
                        "expected",
                        "burst_score",
                        "q_value",
                        "is_burst",
                        "is_new"),
                row -> {
                    if (latest.equals(row.get(Columns.PERIOD)) && rising(row)) {
                        best.offer(new RisingEntity(
                                (String) row.get(Columns.ENTITY_ID),
                                (String) row.get(Columns.NAME),
                                (Long) row.get(Columns.DOCS),
                                (Double) row.get(Columns.SHARE),
                                (Double) row.get(Columns.EXPECTED),
                                (Double) row.get(Columns.BURST_SCORE),
                                (Double) row.get(Columns.Q_VALUE),
                                (Boolean) row.get(Columns.IS_BURST),
                                (Boolean) row.get(Columns.IS_NEW)));
                    }
                });
        return best.sorted();
    }

    private List<RisingPair> risingPairs(String latest) {
        if (!tables.exists(Table.PAIR_TRENDS)) {
            return List.of();
        }
        TopK<RisingPair> best = new TopK<>(top, STRONGEST_PAIR);
        tables.scan(
                Table.PAIR_TRENDS,
                List.of(
                        "period",
                        "entity_a",
                        "entity_b",
                        "name_a",
                        "name_b",
                        "count",
                        "docs",
                        "expected",
                        "burst_score",
                        "is_burst",
                        "is_new"),
                row -> {
                    if (latest.equals(row.get(Columns.PERIOD)) && rising(row)) {
                        best.offer(new RisingPair(
                                (String) row.get(Columns.ENTITY_A),
                                (String) row.get(Columns.NAME_A),
                                (String) row.get(Columns.ENTITY_B),
                                (String) row.get(Columns.NAME_B),
                                (Long) row.get(Columns.COUNT),
                                (Long) row.get(Columns.DOCS),
                                (Double) row.get(Columns.EXPECTED),
                                (Double) row.get(Columns.BURST_SCORE),
                                (Boolean) row.get(Columns.IS_BURST),
                                (Boolean) row.get(Columns.IS_NEW)));
                    }
                });
        return best.sorted();
    }

    private List<Timeline> timelines(List<RisingEntity> entities, List<String> periods) {
        if (entities.isEmpty()) {
            return List.of();
        }
        Map<String, double[]> shares = new HashMap<>();
        entities.forEach(e -> shares.put(e.id(), new double[periods.size()]));
        Map<String, Integer> position = new HashMap<>();
        for (int p = 0; p < periods.size(); p++) {
            position.put(periods.get(p), p);
        }
        tables.scan(Table.ENTITY_TRENDS, List.of(Columns.PERIOD, Columns.ENTITY_ID, Columns.SHARE), row -> {
            double[] series = shares.get((String) row.get(Columns.ENTITY_ID));
            if (series != null) {
                series[position.get((String) row.get(Columns.PERIOD))] = (Double) row.get(Columns.SHARE);
            }
        });
        return entities.stream()
                .map(e -> new Timeline(e.id(), e.name(), periods, shares.get(e.id())))
                .toList();
    }

    /**
     * What the examples of {@code changes} are: sentences of the latest period's documents, for each top rising
     * entity, then for each top rising pair.
     */
    ExampleSentences.Request examplesRequest(Changes changes) {
        if (changes.latestStart() == null || !tables.exists(Table.DOCUMENTS)) {
            return new ExampleSentences.Request(List.of(), docId -> false);
        }
        LocalDate start = changes.latestStart();
        LocalDate end = changes.latestEnd();
        Set<String> inPeriod = new HashSet<>();
        tables.scan(Table.DOCUMENTS, List.of(Columns.DOC_ID, Columns.PUBLISHED), row -> {
            LocalDate date = (LocalDate) row.get(Columns.PUBLISHED);
            if (date != null && !date.isBefore(start) && !date.isAfter(end)) {
                inPeriod.add((String) row.get(Columns.DOC_ID));
            }
        });
        List<PairRow> wanted = new ArrayList<>();
        changes.entities().stream()
                .limit(EXAMPLE_ITEMS)
                .forEach(e ->
                        wanted.add(new PairRow(e.id(), e.name(), e.id(), e.name(), "sentence", e.docs(), e.docs(), 0)));
        changes.pairs().stream()
                .limit(EXAMPLE_ITEMS)
                .forEach(p -> wanted.add(
                        new PairRow(p.idA(), p.nameA(), p.idB(), p.nameB(), "sentence", p.count(), p.docs(), 0)));
        return new ExampleSentences.Request(wanted, inPeriod::contains);
    }

    private List<OutletProfile> outlets() {
        if (!tables.exists(Table.KEYNESS)) {
            return List.of();
        }
        Comparator<Distinctive> strongest =
                Comparator.comparingDouble(Distinctive::g2).reversed().thenComparing(Distinctive::term);
        Map<String, Map<String, TopK<Distinctive>>> byOutlet = new TreeMap<>();
        tables.scan(
                Table.KEYNESS,
                List.of(
                        Columns.GROUPING,
                        Columns.GROUP,
                        Columns.KIND,
                        Columns.TERM,
                        Columns.COUNT_IN,
                        Columns.COUNT_OUT,
                        Columns.G2,
                        Columns.LOG_RATIO),
                row -> {
                    if ("outlet".equals(row.get(Columns.GROUPING)) && (Double) row.get(Columns.G2) > 0) {
                        byOutlet.computeIfAbsent((String) row.get(Columns.GROUP), g -> new TreeMap<>())
                                .computeIfAbsent(
                                        (String) row.get(Columns.KIND), k -> new TopK<>(DISTINCTIVE, strongest))
                                .offer(new Distinctive(
                                        (String) row.get(Columns.TERM),
                                        (Long) row.get(Columns.COUNT_IN),
                                        (Long) row.get(Columns.COUNT_OUT),
                                        (Double) row.get(Columns.G2),
                                        (Double) row.get(Columns.LOG_RATIO)));
                    }
                });
        List<OutletProfile> profiles = new ArrayList<>();
        byOutlet.forEach((outlet, kinds) -> profiles.add(new OutletProfile(
                outlet,
                kinds.containsKey("term") ? kinds.get("term").sorted() : List.of(),
                kinds.containsKey("entity") ? kinds.get("entity").sorted() : List.of())));
        return profiles;
    }
}
