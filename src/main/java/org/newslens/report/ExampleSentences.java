package org.newslens.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.newslens.io.Columns;
import org.newslens.io.ParquetTables;
import org.newslens.io.Table;
import org.newslens.report.ReportData.Kwic;
import org.newslens.report.ReportData.PairRow;

/**
 * Example sentences (keyword in context) for several lists of entity pairs, found in one pass over mentions
 * and one over sentences however many lists there are: both passes read every row of large tables, so the
 * report's sections share them. Mentions of the wanted entities are grouped by sentence in a bounded buffer
 * (the mentions of one document are written together, so a sentence is rarely split across a flush); a
 * sentence holding both entities of a pair becomes one of its examples, first found first.
 */
final class ExampleSentences {
    /** Sentences buffered while looking for co-occurrence examples before the buffer is searched and cleared. */
    private static final int SENTENCE_BUFFER = 100_000;

    /**
     * The pairs to find sentences for, from the documents {@code inDocs} accepts. A pair of an entity with itself
     * finds the sentences that mention the entity.
     */
    record Request(List<PairRow> pairs, Predicate<String> inDocs) {}

    private record SentenceKey(String docId, int sentId) {}

    private record Mention(String entityId, int begin, int end, String text) {}

    private record Found(PairRow pair, SentenceKey sentence, List<Mention> mentions) {}

    private final ParquetTables tables;
    private final int perPair;
    private final Function<Collection<String>, Map<String, String>> titles;

    /**
     * @param perPair the most examples of one pair
     * @param titles the titles of the given documents
     */
    ExampleSentences(ParquetTables tables, int perPair, Function<Collection<String>, Map<String, String>> titles) {
        this.tables = tables;
        this.perPair = perPair;
        this.titles = titles;
    }

    /** The examples of each request, in the order of the requests and of their pairs. */
    List<List<Kwic>> find(List<Request> requests) {
        if (perPair == 0
                || !tables.exists(Table.MENTIONS)
                || !tables.exists(Table.SENTENCES)
                || requests.stream().allMatch(r -> r.pairs().isEmpty())) {
            return requests.stream().map(r -> List.<Kwic>of()).toList();
        }
        List<Search> searches = requests.stream().map(Search::new).toList();
        Set<String> ids = new HashSet<>();
        searches.forEach(s -> ids.addAll(s.ids));
        tables.scan(
                Table.MENTIONS,
                List.of(Columns.DOC_ID, Columns.SENT_ID, Columns.BEGIN, Columns.END, Columns.TEXT, Columns.ENTITY_ID),
                row -> {
                    String id = (String) row.get(Columns.ENTITY_ID);
                    if (id != null && ids.contains(id)) {
                        String docId = (String) row.get(Columns.DOC_ID);
                        SentenceKey key = new SentenceKey(docId, (Integer) row.get(Columns.SENT_ID));
                        Mention mention = new Mention(
                                id, (Integer) row.get(Columns.BEGIN), (Integer) row.get(Columns.END), (String)
                                        row.get(Columns.TEXT));
                        searches.forEach(s -> s.offer(key, mention));
                    }
                });
        searches.forEach(Search::collect);

        Map<SentenceKey, Map<String, Object>> sentences = new HashMap<>();
        searches.forEach(s -> s.found.values().forEach(list -> list.forEach(f -> sentences.put(f.sentence(), null))));
        tables.scan(Table.SENTENCES, List.of(Columns.DOC_ID, Columns.SENT_ID, Columns.BEGIN, Columns.TEXT), row -> {
            SentenceKey key = new SentenceKey((String) row.get(Columns.DOC_ID), (Integer) row.get(Columns.SENT_ID));
            if (sentences.containsKey(key)) {
                sentences.put(key, row);
            }
        });
        Map<String, String> titleOf =
                titles.apply(sentences.keySet().stream().map(SentenceKey::docId).toList());
        return searches.stream().map(s -> s.examples(sentences, titleOf)).toList();
    }

    /** One request's search: its buffer of sentences with wanted mentions and the examples found so far. */
    private final class Search {
        private final Request request;
        private final Set<String> ids = new HashSet<>();
        private final Map<SentenceKey, List<Mention>> buffer = new LinkedHashMap<>();
        private final Map<PairRow, List<Found>> found = new LinkedHashMap<>();

        Search(Request request) {
            this.request = request;
            request.pairs().forEach(p -> {
                ids.add(p.idA());
                ids.add(p.idB());
                found.put(p, new ArrayList<>());
            });
        }

        void offer(SentenceKey sentence, Mention mention) {
            if (ids.contains(mention.entityId()) && request.inDocs().test(sentence.docId())) {
                buffer.computeIfAbsent(sentence, k -> new ArrayList<>()).add(mention);
                if (buffer.size() >= SENTENCE_BUFFER) {
                    collect();
                }
            }
        }

        void collect() {
            buffer.forEach((key, mentions) -> found.forEach((pair, list) -> {
                if (list.size() < perPair) {
                    List<Mention> both = mentions.stream()
                            .filter(m -> m.entityId().equals(pair.idA())
                                    || m.entityId().equals(pair.idB()))
                            .toList();
                    boolean hasA = both.stream().anyMatch(m -> m.entityId().equals(pair.idA()));
                    boolean hasB = both.stream().anyMatch(m -> m.entityId().equals(pair.idB()));
                    if (hasA && hasB) {
                        list.add(new Found(pair, key, both));
                    }
                }
            }));
            buffer.clear();
        }

        List<Kwic> examples(Map<SentenceKey, Map<String, Object>> sentences, Map<String, String> titleOf) {
            List<Kwic> examples = new ArrayList<>();
            found.forEach((pair, list) -> list.forEach(f -> {
                Map<String, Object> sentence = sentences.get(f.sentence());
                if (sentence != null) {
                    String text = (String) sentence.get(Columns.TEXT);
                    int offset = (Integer) sentence.get(Columns.BEGIN);
                    List<int[]> marks = f.mentions().stream()
                            .map(m -> highlight(text, offset, m))
                            .filter(Objects::nonNull)
                            .sorted(Comparator.comparingInt(h -> h[0]))
                            .toList();
                    examples.add(new Kwic(
                            pair.nameA(),
                            pair.nameB(),
                            f.sentence().docId(),
                            titleOf.get(f.sentence().docId()),
                            text,
                            marks));
                }
            }));
            return examples;
        }
    }

    /**
     * Where a mention sits in its sentence: mention offsets are document offsets, so subtract the sentence
     * start; when they do not line up with the mention text, fall back to finding the text.
     */
    private static int[] highlight(String sentence, int sentenceBegin, Mention mention) {
        int begin = mention.begin() - sentenceBegin;
        int end = mention.end() - sentenceBegin;
        if (begin >= 0
                && end <= sentence.length()
                && begin < end
                && sentence.substring(begin, end).equals(mention.text())) {
            return new int[] {begin, end};
        }
        int at = mention.text() == null || mention.text().isEmpty() ? -1 : sentence.indexOf(mention.text());
        return at < 0 ? null : new int[] {at, at + mention.text().length()};
    }
}
