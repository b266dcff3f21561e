package org.newslens.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newslens.testing.SharedSpark;

/** Banded MinHash LSH on the shared session: near-copies found with their exact similarity, half-copies not. */
class NearDuplicatesTest {
    private static final StructType DOCS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("doc_id", DataTypes.StringType, false),
            DataTypes.createStructField("content_sha", DataTypes.StringType, false),
            DataTypes.createStructField("published", DataTypes.DateType, true),
            DataTypes.createStructField(
                    "sentences",
                    DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType, true), false),
                    false)));

    private final SparkSession spark = SharedSpark.session();

    @Test
    void nearCopiesAreFoundAndHalfCopiesAndSharedSentencesAreNot() {
        Random random = new Random(3);
        List<String> sentencePool = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            sentencePool.add(String.join(" ", words(random, 12)));
        }
        Map<String, List<String>> texts = new HashMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        // 200 articles of 20 sentences drawn from a shared pool: many pairs share a sentence or two.
        for (int d = 0; d < 200; d++) {
            List<String> sentences = new ArrayList<>();
            for (int s = 0; s < 20; s++) {
                sentences.add(sentencePool.get(random.nextInt(sentencePool.size())));
            }
            texts.put(String.format("pool-%03d", d), sentences);
            dates.put(String.format("pool-%03d", d), LocalDate.of(2024, 1, 1).plusDays(d % 30));
        }
        List<String> original = words(random, 300);
        texts.put("wire-original", List.of(String.join(" ", original)));
        dates.put("wire-original", LocalDate.of(2024, 3, 1));
        // Two reposts a day later, five words edited each: about 0.9 Jaccard on 3-shingles.
        for (String copy : List.of("wire-repost-a", "wire-repost-b")) {
            List<String> edited = new ArrayList<>(original);
            for (int e = 0; e < 5; e++) {
                edited.set(30 + 55 * e + random.nextInt(20), "edited" + copy.charAt(copy.length() - 1) + e);
            }
            texts.put(copy, List.of(String.join(" ", edited)));
            dates.put(copy, LocalDate.of(2024, 3, 2));
        }
        // Shares its first two thirds with the original and goes on differently: about 0.5.
        List<String> half = new ArrayList<>(original.subList(0, 200));
        half.addAll(words(random, 100));
        texts.put("wire-followup", List.of(String.join(" ", half)));
        dates.put("wire-followup", LocalDate.of(2024, 3, 3));
        // No date: a copy of an undated text comes after the dated ones.
        texts.put("undated-copy", texts.get("pool-007"));
        dates.put("undated-copy", null);

        assertThat(similarity(texts.get("wire-original"), texts.get("wire-repost-a")))
                .isBetween(0.85, 0.95);
        assertThat(similarity(texts.get("wire-original"), texts.get("wire-followup")))
                .isBetween(0.4, 0.6);

        List<Row> rows = new ArrayList<>();
        texts.forEach((id, sentences) -> rows.add(RowFactory.create(
                id, "sha-" + id, dates.get(id) == null ? null : Date.valueOf(dates.get(id)), split(sentences))));
        Dataset<Row> docs = spark.createDataFrame(rows, DOCS).repartition(3);

        NearDuplicates.Result result = NearDuplicates.find(docs, Optional.empty(), 0.8, 200, 42);
        Map<String, Row> found = new HashMap<>();
        result.duplicates().collectAsList().forEach(r -> found.put(r.getString(0), r));
        result.release();

        assertThat(found.keySet()).containsExactlyInAnyOrder("wire-repost-a", "wire-repost-b", "undated-copy");
        assertThat(found.get("wire-repost-a").getString(1)).isEqualTo("wire-original");
        assertThat(found.get("wire-repost-a").getDouble(2))
                .isCloseTo(
                        similarity(texts.get("wire-original"), texts.get("wire-repost-a")),
                        org.assertj.core.data.Offset.offset(0.01));
        assertThat(found.get("wire-repost-b").getString(1)).isEqualTo("wire-original");
        assertThat(found.get("undated-copy").getString(1)).isEqualTo("pool-007");
        assertThat(found.get("undated-copy").getDouble(2)).isEqualTo(1.0);
        // Articles that only share sentences with others do not reach the exact check in numbers.
        assertThat(result.candidatePairs()).isLessThan(50);
        assertThat(result.oversizedBuckets()).isZero();
    }

    @Test
    void aBucketOverTheCapStillFindsCopiesOfTheEarliestDocument() {
        List<Row> rows = new ArrayList<>();
        List<String> text = words(new Random(5), 80);
        for (int d = 0; d < 12; d++) {
            rows.add(RowFactory.create(
                    String.format("copy-%02d", d),
                    "sha",
                    Date.valueOf(LocalDate.of(2024, 1, 1 + d)),
                    split(List.of(String.join(" ", text)))));
        }
        NearDuplicates.Result result =
                NearDuplicates.find(spark.createDataFrame(rows, DOCS), Optional.empty(), 0.8, 5, 1);
        List<Row> found = result.duplicates().collectAsList();
        result.release();
        assertThat(found).hasSize(11).allSatisfy(r -> assertThat(r.getString(1)).isEqualTo("copy-00"));
        assertThat(result.oversizedBuckets()).isPositive();
        assertThat(result.candidatePairs()).isEqualTo(11);
    }

    /**
     * An append reuses the stored signature of every document whose text is unchanged, signs only the new and
     * changed ones, and finds what a search from scratch finds; signatures made with another banding are not used.
     */
    @Test
    void storedSignaturesOfUnchangedDocumentsAreReusedAndGiveTheSameDuplicates() {
        Random random = new Random(11);
        List<String> story = words(random, 120);
        List<Row> before = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            before.add(doc("other-" + d, "v1", 1 + d, words(random, 120)));
        }
        before.add(doc("story", "v1", 10, story));
        NearDuplicates.Result first =
                NearDuplicates.find(spark.createDataFrame(before, DOCS).repartition(2), Optional.empty(), 0.8, 200, 42);
        List<Row> stored = first.signatures().collectAsList();
        first.release();
        assertThat(first.signatureReuse().made()).isEqualTo(7);
        assertThat(first.signatureReuse().reused()).isZero();

        // other-0 changed (new content_sha, now a copy of the story), a reprint of the story arrived.
        List<Row> after = new ArrayList<>(before.subList(1, before.size()));
        after.add(doc("other-0", "v2", 11, story));
        after.add(doc("reprint", "v1", 12, story));
        Dataset<Row> docs = spark.createDataFrame(after, DOCS).repartition(3);
        Dataset<Row> state = spark.createDataFrame(stored, first.signatures().schema());
        NearDuplicates.Result appended = NearDuplicates.find(docs, Optional.of(state), 0.8, 200, 42);
        List<String> found = sortedRows(appended.duplicates());
        List<String> appendedState = sortedRows(appended.signatures());
        appended.release();
        NearDuplicates.Result scratch = NearDuplicates.find(docs, Optional.empty(), 0.8, 200, 42);
        assertThat(found).isEqualTo(sortedRows(scratch.duplicates())).hasSize(2);
        assertThat(appendedState).isEqualTo(sortedRows(scratch.signatures()));
        scratch.release();
        assertThat(appended.signatureReuse().made())
                .as("the changed document and the reprint")
                .isEqualTo(2);
        assertThat(appended.signatureReuse().reused()).isEqualTo(6);
        assertThat(appended.storedAllReused())
                .as("other-0's stored signature is replaced")
                .isFalse();

        // Only a reprint arrived: every stored signature still holds, and the state gains the reprint's alone.
        List<Row> added = new ArrayList<>(before);
        added.add(doc("reprint", "v1", 12, story));
        Dataset<Row> addedDocs = spark.createDataFrame(added, DOCS).repartition(2);
        NearDuplicates.Result onlyAdded = NearDuplicates.find(addedDocs, Optional.of(state), 0.8, 200, 42);
        List<String> addedFound = sortedRows(onlyAdded.duplicates());
        List<String> gained = sortedRows(onlyAdded.signedNow());
        onlyAdded.release();
        assertThat(onlyAdded.storedAllReused()).isTrue();
        assertThat(gained).hasSize(1).allMatch(row -> row.startsWith("[reprint,"));
        List<String> keptAndGained = new ArrayList<>(sortedRows(state));
        keptAndGained.addAll(gained);
        NearDuplicates.Result addedScratch = NearDuplicates.find(addedDocs, Optional.empty(), 0.8, 200, 42);
        assertThat(addedFound).isEqualTo(sortedRows(addedScratch.duplicates())).hasSize(1);
        assertThat(keptAndGained.stream().sorted().toList()).isEqualTo(sortedRows(addedScratch.signatures()));
        addedScratch.release();

        NearDuplicates.Result otherBanding = NearDuplicates.find(docs, Optional.of(state), 0.5, 200, 42);
        otherBanding.release();
        assertThat(otherBanding.signatureReuse().reused()).isZero();
        assertThat(otherBanding.signatureReuse().made()).isEqualTo(8);
    }

    /**
     * An append that only adds documents searches only the buckets the new ones fall in and keeps the previous
     * run's earliest copies unless a new document came earlier: the same duplicates as a search from scratch. A
     * bucket growing past the cap, or a stored document with another date, sends it back to searching everything.
     */
    @Test
    void anAppendOfNewDocumentsSearchesTheirBucketsAndFindsWhatASearchFromScratchFinds() {
        Random random = new Random(23);
        List<String> story = words(random, 120);
        List<String> other = words(random, 120);
        List<String> third = words(random, 120);
        List<Row> before = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            before.add(doc("filler-" + d, "v1", 1 + d, words(random, 120)));
        }
        before.add(doc("story-b", "v1", 10, story));
        before.add(doc("story-c", "v1", 12, story));
        before.add(doc("other-a", "v1", 8, other));
        before.add(doc("third-a", "v1", 2, third));
        before.add(doc("third-b", "v1", 3, third));
        // An earlier copy of the story (it becomes the first copy of both), a later copy of the other, and news.
        List<Row> after = new ArrayList<>(before);
        after.add(doc("story-a", "v1", 6, story));
        after.add(doc("other-b", "v1", 20, other));
        after.add(doc("filler-5", "v1", 21, words(random, 120)));
        Dataset<Row> beforeDocs = spark.createDataFrame(before, DOCS).repartition(2);
        Dataset<Row> afterDocs = spark.createDataFrame(after, DOCS).repartition(3);

        NearDuplicates.Result appended = appendTo(beforeDocs, afterDocs, 200);
        assertThat(appended.searchedAll()).isFalse();
        assertThat(appended.candidatePairs())
                .as("only pairs with a new document are compared")
                .isEqualTo(3);
        assertThat(sortedRows(appended.duplicates()))
                .isEqualTo(fromScratch(afterDocs, 200))
                .as("third-b's copy of third-a was found by the previous run")
                .containsExactlyInAnyOrder(
                        "[other-b,other-a,1.0]",
                        "[story-b,story-a,1.0]",
                        "[story-c,story-a,1.0]",
                        "[third-b,third-a,1.0]");
        appended.release();

        // With a cap of 2 the story's buckets (2 copies before, 3 now) pass the cap: all pairs are searched again.
        NearDuplicates.Result capped = appendTo(beforeDocs, afterDocs, 2);
        assertThat(capped.searchedAll()).isTrue();
        assertThat(sortedRows(capped.duplicates())).isEqualTo(fromScratch(afterDocs, 2));
        capped.release();

        // story-c now has another date: the order within its buckets may differ from the previous run's.
        List<Row> redated = new ArrayList<>(after);
        redated.replaceAll(row -> row.getString(0).equals("story-c") ? doc("story-c", "v1", 4, story) : row);
        Dataset<Row> redatedDocs = spark.createDataFrame(redated, DOCS);
        NearDuplicates.Result moved = appendTo(beforeDocs, redatedDocs, 200);
        assertThat(moved.searchedAll()).isTrue();
        assertThat(sortedRows(moved.duplicates()))
                .isEqualTo(fromScratch(redatedDocs, 200))
                .contains("[story-a,story-c,1.0]");
        moved.release();
    }

    /** A search over {@code before}, then one over {@code after} given its stored signatures and duplicates. */
    private NearDuplicates.Result appendTo(Dataset<Row> before, Dataset<Row> after, int maxBucket) {
        NearDuplicates.Result first = NearDuplicates.find(before, Optional.empty(), 0.8, maxBucket, 42);
        Dataset<Row> state = spark.createDataFrame(
                first.signatures().collectAsList(), first.signatures().schema());
        Dataset<Row> duplicates = spark.createDataFrame(
                first.duplicates().collectAsList(), first.duplicates().schema());
        first.release();
        NearDuplicates.Previous previous =
                new NearDuplicates.Previous(duplicates, before.select("doc_id", "content_sha", "published"));
        return NearDuplicates.find(
                DocumentSentences.grouped(after), Optional.of(state), Optional.of(previous), 0.8, maxBucket, 42);
    }

    private List<String> fromScratch(Dataset<Row> docs, int maxBucket) {
        NearDuplicates.Result scratch = NearDuplicates.find(docs, Optional.empty(), 0.8, maxBucket, 42);
        List<String> found = sortedRows(scratch.duplicates());
        scratch.release();
        return found;
    }

    private static Row doc(String id, String version, int day, List<String> words) {
        return RowFactory.create(
                id,
                "sha-" + id + "-" + version,
                Date.valueOf(LocalDate.of(2024, 1, day)),
                split(List.of(String.join(" ", words))));
    }

    private static List<String> sortedRows(Dataset<Row> rows) {
        return rows.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static List<String> words(Random random, int n) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add("w" + random.nextInt(5000));
        }
        return words;
    }

    private static List<List<String>> split(List<String> sentences) {
        List<List<String>> out = new ArrayList<>();
        sentences.forEach(s -> out.add(List.of(s.split(" "))));
        return out;
    }

    private static double similarity(List<String> a, List<String> b) {
        List<String> sa = Shingles.of(split(a), NearDuplicates.SHINGLE);
        List<String> sb = Shingles.of(split(b), NearDuplicates.SHINGLE);
        HashSet<String> union = new HashSet<>(sa);
        union.addAll(sb);
        HashSet<String> common = new HashSet<>(sa);
        common.retainAll(new HashSet<>(sb));
        return (double) common.size() / union.size();
    }
}
