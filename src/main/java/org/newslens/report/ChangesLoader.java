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
import org.newslens.io.Table;
import org.newslens.report.ReportData.Changes;
import org.newslens.report.ReportData.Distinctive;
import org.newslens.report.ReportData.Kwic;
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
    private final ReportLoader sentences;

    ChangesLoader(ParquetTables tables, int top, ReportLoader sentences) {
        this.tables = tables;
        this.top = Math.min(top, RISING);
        this.sentences = sentences;
    }

    Changes load() {
        if (!tables.exists(Table.ENTITY_TRENDS)) {
            return Changes.NONE;
        }
        TreeMap<LocalDate, String> periods = new TreeMap<>();
        Map<String, Long> periodDocs = new HashMap<>();
        LocalDate[] latestEnd = new LocalDate[1];
        tables.scan(Table.ENTITY_TRENDS, List.of("period", "period_start", "period_end", "period_docs"), row -> {
            LocalDate start = (LocalDate) row.get("period_start");
            if (periods.put(start, (String) row.get("period")) == null && start.equals(periods.lastKey())) {
                latestEnd[0] = (LocalDate) row.get("period_end");
            }
            periodDocs.put((String) row.get("period"), (Long) row.get("period_docs"));
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
                examples(entities, pairs, periods.lastKey(), latestEnd[0]),
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
        Double expected = (Double) row.get("expected");
        return expected != null && (Long) row.get("docs") > expected;
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
                    if (latest.equals(row.get("period")) && rising(row)) {
                        best.offer(new RisingEntity(
                                (String) row.get("entity_id"),
                                (String) row.get("name"),
                                (Long) row.get("docs"),
                                (Double) row.get("share"),
                                (Double) row.get("expected"),
                                (Double) row.get("burst_score"),
                                (Double) row.get("q_value"),
                                (Boolean) row.get("is_burst"),
                                (Boolean) row.get("is_new")));
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
                    if (latest.equals(row.get("period")) && rising(row)) {
                        best.offer(new RisingPair(
                                (String) row.get("entity_a"),
                                (String) row.get("name_a"),
                                (String) row.get("entity_b"),
                                (String) row.get("name_b"),
                                (Long) row.get("count"),
                                (Long) row.get("docs"),
                                (Double) row.get("expected"),
                                (Double) row.get("burst_score"),
                                (Boolean) row.get("is_burst"),
                                (Boolean) row.get("is_new")));
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
        tables.scan(Table.ENTITY_TRENDS, List.of("period", "entity_id", "share"), row -> {
            double[] series = shares.get((String) row.get("entity_id"));
            if (series != null) {
                series[position.get((String) row.get("period"))] = (Double) row.get("share");
            }
        });
        return entities.stream()
                .map(e -> new Timeline(e.id(), e.name(), periods, shares.get(e.id())))
                .toList();
    }

    /** Sentences of the latest period's documents: for each top rising entity, then for each top rising pair. */
    private List<Kwic> examples(List<RisingEntity> entities, List<RisingPair> pairs, LocalDate start, LocalDate end) {
        if (!tables.exists(Table.DOCUMENTS)) {
            return List.of();
        }
        Set<String> inPeriod = new HashSet<>();
        tables.scan(Table.DOCUMENTS, List.of("doc_id", "published"), row -> {
            LocalDate date = (LocalDate) row.get("published");
            if (date != null && !date.isBefore(start) && !date.isAfter(end)) {
                inPeriod.add((String) row.get("doc_id"));
            }
        });
        List<PairRow> wanted = new ArrayList<>();
        entities.stream()
                .limit(EXAMPLE_ITEMS)
                .forEach(e ->
                        wanted.add(new PairRow(e.id(), e.name(), e.id(), e.name(), "sentence", e.docs(), e.docs(), 0)));
        pairs.stream()
                .limit(EXAMPLE_ITEMS)
                .forEach(p -> wanted.add(
                        new PairRow(p.idA(), p.nameA(), p.idB(), p.nameB(), "sentence", p.count(), p.docs(), 0)));
        return sentences.examples(wanted, inPeriod::contains);
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
                List.of("grouping", "group", "kind", "term", "count_in", "count_out", "g2", "log_ratio"),
                row -> {
                    if ("outlet".equals(row.get("grouping")) && (Double) row.get("g2") > 0) {
                        byOutlet.computeIfAbsent((String) row.get("group"), g -> new TreeMap<>())
                                .computeIfAbsent((String) row.get("kind"), k -> new TopK<>(DISTINCTIVE, strongest))
                                .offer(new Distinctive(
                                        (String) row.get("term"),
                                        (Long) row.get("count_in"),
                                        (Long) row.get("count_out"),
                                        (Double) row.get("g2"),
                                        (Double) row.get("log_ratio")));
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
