package org.newslens.topics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newslens.bench.Nmi;
import org.newslens.topics.Shingles;

/** The plain-Java model code, without Spark. */
class AlgorithmsTest {
    /** Unit vectors around two far-apart directions over 6 terms, plus noise. */
    private static List<SparseDoc> twoGroups(int perGroup, long seed) {
        Random random = new Random(seed);
        List<SparseDoc> docs = new ArrayList<>();
        for (int i = 0; i < 2 * perGroup; i++) {
            int offset = i % 2 == 0 ? 0 : 3;
            double[] v = new double[6];
            for (int j = 0; j < 3; j++) {
                v[offset + j] = 1 + random.nextDouble();
            }
            v[(offset + 3 + random.nextInt(3)) % 6] = 0.3 * random.nextDouble();
            docs.add(unit("d" + i, v));
        }
        return docs;
    }

    /** The dense vector scaled to unit length, as a SparseDoc of its non-zero entries. */
    static SparseDoc unit(String id, double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < v.length; j++) {
            if (v[j] != 0) {
                idx.add(j);
            }
        }
        int[] indices = idx.stream().mapToInt(Integer::intValue).toArray();
        double[] values = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            values[i] = v[indices[i]] / Math.sqrt(norm);
        }
        return new SparseDoc(id, indices, values);
    }

    @Test
    void sphericalKMeansFindsTwoGroupsAndIsRepeatable() {
        List<SparseDoc> docs = twoGroups(20, 1);
        SphericalKMeans.Model a = SphericalKMeans.fit(docs, 6, 2, 4, 50, 9);
        SphericalKMeans.Model b = SphericalKMeans.fit(docs, 6, 2, 4, 50, 9);
        for (int i = 0; i < docs.size(); i++) {
            assertThat(a.assignment()[i] == a.assignment()[0]).isEqualTo(i % 2 == 0);
        }
        assertThat(b.assignment()).containsExactly(a.assignment());
        assertThat(b.centroids()).isDeepEqualTo(a.centroids());
        assertThat(Silhouette.mean(docs, a.assignment(), 2, 6)).isGreaterThan(0.5);
    }

    @Test
    void silhouetteMatchesThePairwiseDefinition() {
        List<SparseDoc> docs = twoGroups(6, 4);
        int[] assignment = new int[docs.size()];
        for (int i = 0; i < assignment.length; i++) {
            assignment[i] = i % 3 == 0 ? 2 : i % 2; // three uneven clusters, not the true groups
        }
        double[] fast = Silhouette.values(docs, assignment, 3, 6);
        for (int i = 0; i < docs.size(); i++) {
            double[] sum = new double[3];
            int[] size = new int[3];
            for (int j = 0; j < docs.size(); j++) {
                if (j != i) {
                    sum[assignment[j]] += 1 - docs.get(i).dot(SphericalKMeans.dense(docs.get(j), 6));
                    size[assignment[j]]++;
                }
            }
            double a = sum[assignment[i]] / size[assignment[i]];
            double b = Double.MAX_VALUE;
            for (int c = 0; c < 3; c++) {
                if (c != assignment[i]) {
                    b = Math.min(b, sum[c] / size[c]);
                }
            }
            assertThat(fast[i]).isCloseTo((b - a) / Math.max(a, b), within(1e-9));
        }
    }

    @Test
    void nmfFoldInRecoversNonNegativeMixtures() {
        double[][] h = {{0.8, 0.6, 0, 0}, {0, 0, 0.6, 0.8}};
        SparseDoc doc = new SparseDoc("x", new int[] {0, 1, 2, 3}, new double[] {1.6, 1.2, 0.3, 0.4});
        double[] w = Nmf.foldIn(doc, h, Nmf.gram(h));
        assertThat(w[0]).isCloseTo(2.0, within(1e-6));
        assertThat(w[1]).isCloseTo(0.5, within(1e-6));
        SparseDoc negativeDirection = new SparseDoc("y", new int[] {0}, new double[] {-1});
        assertThat(Nmf.foldIn(negativeDirection, h, Nmf.gram(h))).containsOnly(0.0);
    }

    @Test
    void nmfSeededFromCentroidsKeepsTheGroupsApart() {
        List<SparseDoc> docs = twoGroups(20, 2);
        SphericalKMeans.Model km = SphericalKMeans.fit(docs, 6, 2, 2, 50, 3);
        Nmf.Model nmf = Nmf.fit(docs, km.centroids(), 50);
        for (double[] topic : nmf.topics()) {
            double first = topic[0] + topic[1] + topic[2];
            double second = topic[3] + topic[4] + topic[5];
            assertThat(Math.max(first, second)).isGreaterThan(5 * Math.min(first, second));
        }
        assertThat(nmf.relativeError()).isBetween(0.0, 0.5);
    }

    @Test
    void randomSparseInputsNeverThrow() {
        Random random = new Random(5);
        for (int round = 0; round < 30; round++) {
            int dim = 1 + random.nextInt(20);
            List<SparseDoc> docs = new ArrayList<>();
            int n = 1 + random.nextInt(15);
            for (int i = 0; i < n; i++) {
                double[] v = new double[dim];
                for (int j = 0; j < dim; j++) {
                    v[j] = random.nextDouble() < 0.3 ? random.nextDouble() : 0;
                }
                boolean empty = java.util.Arrays.stream(v).allMatch(x -> x == 0);
                docs.add(empty ? new SparseDoc("e" + i, new int[0], new double[0]) : unit("d" + i, v));
            }
            int k = 1 + random.nextInt(6);
            SphericalKMeans.Model km = SphericalKMeans.fit(docs, dim, k, 2, 20, round);
            assertThat(km.k()).isLessThanOrEqualTo(Math.min(k, n));
            Nmf.Model nmf = Nmf.fit(docs, km.centroids(), 10);
            for (SparseDoc doc : docs) {
                for (double w : Nmf.foldIn(doc, nmf.topics(), Nmf.gram(nmf.topics()))) {
                    assertThat(w).isFinite().isGreaterThanOrEqualTo(0.0);
                }
            }
            assertThat(Silhouette.mean(docs, km.assignment(), km.k(), dim)).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void kCandidatesGrowWithTheCorpusAndStaySmallForTinyOnes() {
        assertThat(KChoice.candidates(1, 30)).containsExactly(1);
        assertThat(KChoice.candidates(5, 30)).containsExactly(2);
        assertThat(KChoice.candidates(500, 30)).contains(16).allMatch(k -> k >= 8 && k <= 30);
        assertThat(KChoice.candidates(5_000_000, 30)).allMatch(k -> k <= 30).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void npmiIsOneForAlwaysTogetherAndNegativeForNeverTogether() {
        List<List<String>> docs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            docs.add(List.of("comet", "orbit", "filler", "filler"));
            docs.add(List.of("flour", "filler", "filler", "filler"));
            docs.add(List.of("filler", "filler"));
        }
        List<String> together = List.of("comet", "orbit");
        List<String> apart = List.of("comet", "flour");
        Map<String, Long> counts = Coherence.countAll(docs, List.of(together, apart));
        assertThat(Coherence.npmi(together, counts)).isCloseTo(1.0, within(1e-6));
        assertThat(Coherence.npmi(apart, counts)).isLessThan(-0.9);
    }

    @Test
    void slidingWindowsFollowGensimBooleanWindows() {
        List<String> doc = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            doc.add(i == 0 ? "comet" : i == 10 ? "orbit" : "filler");
        }
        Map<String, Long> counts = Coherence.countAll(List.of(doc), List.of(List.of("comet", "orbit")));
        assertThat(counts.get(Coherence.WINDOWS)).isEqualTo(3L);
        assertThat(counts.get("comet")).isEqualTo(1L);
        assertThat(counts.get("orbit")).isEqualTo(2L);
        assertThat(counts.get(Coherence.pairKey("comet", "orbit"))).isNull();
    }

    @Test
    void docTermsDropStopWordsAndCountCollocationsWithinSentences() {
        List<String> sentence =
                new java.util.ArrayList<>(java.util.Arrays.asList("the", "space", "station", null, "space"));
        Map<String, Integer> counts =
                DocTerms.counts(List.of(sentence, List.of("station", "of", "space")), Set.of("space station"));
        assertThat(counts)
                .containsEntry("space", 3)
                .containsEntry("station", 2)
                .containsEntry("space station", 1)
                .doesNotContainKey("the")
                .doesNotContainKey("of");
    }

    @Test
    void shinglesAreRunsOfThreeWords() {
        List<String> sentence =
                new java.util.ArrayList<>(java.util.Arrays.asList("a", "quiet", null, "harbour", "town"));
        assertThat(Shingles.of(List.of(sentence), 3)).containsExactly("a quiet harbour", "quiet harbour town");
        assertThat(Shingles.of(List.of(List.of("ahoy")), 3)).containsExactly("ahoy");
        assertThat(Shingles.of(List.of(), 3)).isEmpty();
    }

    @Test
    void jaccardOfSortedSets() {
        assertThat(Shingles.jaccard(new int[] {1, 2, 3, 4}, new int[] {3, 4, 5, 6}))
                .isCloseTo(2 / 6.0, within(1e-12));
        assertThat(Shingles.jaccard(new int[] {1, 2}, new int[] {1, 2})).isEqualTo(1.0);
        assertThat(Shingles.jaccard(new int[] {1}, new int[] {2})).isZero();
        assertThat(Shingles.jaccard(new int[0], new int[0])).isZero();
    }

    @Test
    void lshBandsCatchPairsAtTheThresholdAndFewBelowIt() {
        for (double threshold : new double[] {0.5, 0.7, 0.8, 0.9, 0.95}) {
            LshBands bands = LshBands.forThreshold(threshold);
            assertThat(bands.hashes()).isLessThanOrEqualTo(LshBands.MAX_HASHES);
            assertThat(bands.candidateProbability(threshold)).isGreaterThanOrEqualTo(LshBands.RECALL_AT_THRESHOLD);
            assertThat(bands.sCurvePoint()).isLessThan(threshold);
        }
        LshBands at08 = LshBands.forThreshold(0.8);
        assertThat(at08).isEqualTo(new LshBands(9, 5));
        // A pair sharing a tenth of its shingles almost never becomes a candidate: this is what keeps the join small.
        assertThat(at08.candidateProbability(0.1)).isLessThan(1e-4);
        assertThat(LshBands.forThreshold(0.95).rows()).isGreaterThan(at08.rows());
    }

    @Test
    void lshBandKeysAgreeExactlyWhenTheBandsMinhashesDo() {
        LshBands bands = new LshBands(3, 2);
        long[] a = bands.keys(new long[] {1, 2, 3, 4, 5, 6});
        long[] b = bands.keys(new long[] {1, 2, 9, 4, 5, 6});
        assertThat(a[0]).isEqualTo(b[0]);
        assertThat(a[1]).isNotEqualTo(b[1]);
        assertThat(a[2]).isEqualTo(b[2]);
        // The same values in another band give another key, so bands never meet each other.
        assertThat(bands.keys(new long[] {5, 6, 5, 6, 5, 6})).doesNotHaveDuplicates();
    }

    @Test
    void oversizedBucketsOnlyPairWithTheirEarliestMember() {
        assertThat(LshBands.pairs(3, 5)).hasSize(3);
        List<int[]> star = LshBands.pairs(6, 5);
        assertThat(star).hasSize(5).allSatisfy(p -> assertThat(p[0]).isZero());
    }

    @Test
    void nmiIsOneForTheSamePartitionAndZeroForIndependentOnes() {
        assertThat(Nmi.of(List.of(1, 1, 2, 2), List.of("x", "x", "y", "y"))).isCloseTo(1.0, within(1e-12));
        assertThat(Nmi.of(List.of(1, 1, 2, 2), List.of("x", "y", "x", "y"))).isCloseTo(0.0, within(1e-12));
    }
}
