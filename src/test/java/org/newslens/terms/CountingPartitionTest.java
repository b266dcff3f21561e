package org.newslens.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newslens.terms.NgramExtractor.Ngram;
import scala.jdk.javaapi.CollectionConverters;

class CountingPartitionTest {
    private static final StructType SENTENCES = new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("terms", DataTypes.createArrayType(DataTypes.StringType, true));

    /** A sentence row as Spark hands it over: the terms array as a Scala sequence. */
    private static Row sentence(String docId, String... terms) {
        return RowFactory.create(
                docId, CollectionConverters.asScala(Arrays.asList(terms)).toSeq());
    }

    private static List<Row> run(List<Row> sentences, int flushAt) {
        List<Row> out = new ArrayList<>();
        Iterator<Row> rows = new CountingPartition(SENTENCES, flushAt).call(sentences.iterator());
        rows.forEachRemaining(out::add);
        return out;
    }

    /** (count, documents) of each gram, summed over the partial rows. */
    private static Map<Ngram, List<Long>> corpusSums(List<Row> rows) {
        Map<Ngram, List<Long>> sums = new HashMap<>();
        for (Row row : rows) {
            if (row.isNullAt(0)) {
                Ngram gram = new Ngram(row.getString(1), row.getInt(2), row.getBoolean(3));
                sums.merge(
                        gram,
                        List.of(row.getLong(4), row.getLong(5)),
                        (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
            }
        }
        return sums;
    }

    @Test
    void givesEachDocumentsContentTermsAndTheCorpusSums() {
        List<Row> rows = run(
                List.of(
                        sentence("d1", "red", "wine", "be", "red", "wine"),
                        sentence("d1", "white", null, "wine"),
                        sentence("d2", "red", "wine", "and", "cheese")),
                CountingPartition.FLUSH_AT);

        Set<List<Object>> documentRows = new HashSet<>();
        rows.stream()
                .filter(r -> !r.isNullAt(0))
                .forEach(r -> documentRows.add(List.of(r.getString(0), r.getString(1), r.getLong(4))));
        // Stop words ("be", "and") count as tokens but are no document terms.
        assertThat(documentRows)
                .containsExactlyInAnyOrder(
                        List.of("d1", "red", 2L),
                        List.of("d1", "wine", 3L),
                        List.of("d1", "white", 1L),
                        List.of("d2", "red", 1L),
                        List.of("d2", "wine", 1L),
                        List.of("d2", "cheese", 1L));

        Map<Ngram, List<Long>> sums = corpusSums(rows);
        assertThat(sums.get(CorpusCounts.unigram("wine"))).containsExactly(4L, 2L);
        assertThat(sums.get(CorpusCounts.unigram("be"))).containsExactly(1L, 1L);
        assertThat(sums.get(new Ngram("red wine", 2, true))).containsExactly(3L, 2L);
        assertThat(sums.get(new Ngram("wine be red", 3, true))).containsExactly(1L, 1L);
        assertThat(sums.get(new Ngram("wine and", 2, false))).containsExactly(1L, 1L);
        assertThat(sums).doesNotContainKey(new Ngram("white wine", 2, true)); // never spans punctuation
    }

    @Test
    void partialSumsAddUpToTheSameCountsHoweverOftenTheyAreHandedOn() {
        Random random = new Random(5);
        String[] pool = {"the", "oil", null, "of", "price", "minister", "and", "rise", "prime"};
        List<Row> sentences = new ArrayList<>();
        Map<Ngram, long[]> expected = new HashMap<>();
        for (int doc = 0; doc < 40; doc++) {
            Map<Ngram, Integer> inDocument = new HashMap<>();
            for (int s = random.nextInt(4); s >= 0; s--) {
                String[] terms = new String[random.nextInt(10)];
                for (int j = 0; j < terms.length; j++) {
                    terms[j] = pool[random.nextInt(pool.length)];
                }
                sentences.add(sentence("doc" + doc, terms));
                for (String term : terms) {
                    if (term != null) {
                        inDocument.merge(CorpusCounts.unigram(term), 1, Integer::sum);
                    }
                }
                NgramExtractor.extract(Arrays.asList(terms)).forEach(g -> inDocument.merge(g, 1, Integer::sum));
            }
            inDocument.forEach((gram, count) -> {
                long[] sums = expected.computeIfAbsent(gram, g -> new long[2]);
                sums[0] += count;
                sums[1]++;
            });
        }
        Map<Ngram, List<Long>> want = new HashMap<>();
        expected.forEach((gram, sums) -> want.put(gram, List.of(sums[0], sums[1])));

        for (int flushAt : new int[] {1, 7, CountingPartition.FLUSH_AT}) {
            assertThat(corpusSums(run(sentences, flushAt)))
                    .as("flush at %d", flushAt)
                    .isEqualTo(want);
        }
    }

    @Test
    void emptyPartitionGivesNoRows() {
        assertThat(run(List.of(), 1)).isEmpty();
    }
}
