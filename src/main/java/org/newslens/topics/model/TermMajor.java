package org.newslens.topics.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * k dense vectors over the same terms, stored term by term (the k values of term 0, then those of term 1, ...),
 * so that one pass over a sparse document gives its dot product with all k vectors while reading memory in
 * order, instead of k passes that each jump around one long vector. Each product is summed over the document's
 * terms in ascending order with the same operations as {@link SparseDoc#dot}, so the results are equal to the
 * last bit.
 */
final class TermMajor {
    /** Term ranges per core for {@link #weightedSums}: several, so that a core that finishes early takes another. */
    private static final int RANGES_PER_CORE = 4;

    private final int k;
    private final double[] byTerm;

    private TermMajor(int k, double[] byTerm) {
        this.k = k;
        this.byTerm = byTerm;
    }

    /** @param vectors k vectors of equal length */
    TermMajor(double[][] vectors) {
        k = vectors.length;
        int dim = vectors[0].length;
        byTerm = new double[Math.multiplyExact(dim, k)];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dim; j++) {
                byTerm[j * k + c] = vectors[c][j];
            }
        }
    }

    /**
     * The k weighted sums of the documents, sum c being the sum over documents i of {@code weights[i][c]} times
     * document i. Each term's k sums are added up next to each other in one short loop, where k calls of
     * {@link SparseDoc#addTo} would each jump around a long vector. Every sum adds the documents in list order
     * with the same operations as {@code addTo}, so it equals {@code addTo} to the last bit, also where a
     * caller skips the documents whose weight is 0: a zero product added to a sum that started at +0 changes
     * nothing. Parallel over ranges of terms, which leaves each sum's order as it is.
     *
     * @param weights one row of k weights per document
     * @param dim the number of terms
     * @param bounds the ranges of terms, from {@link #termRanges}: they depend only on the documents, so a caller
     *     summing the same documents again and again works them out once
     */
    static TermMajor weightedSums(List<SparseDoc> docs, double[][] weights, int dim, int[] bounds) {
        int k = weights.length == 0 ? 0 : weights[0].length;
        double[] sums = new double[Math.multiplyExact(dim, k)];
        IntStream.range(0, bounds.length - 1).parallel().forEach(r -> {
            int from = bounds[r];
            int to = bounds[r + 1];
            for (int i = 0; i < docs.size(); i++) {
                int[] indices = docs.get(i).indices();
                double[] values = docs.get(i).values();
                double[] w = weights[i];
                int m = Arrays.binarySearch(indices, from);
                for (m = m < 0 ? -m - 1 : m; m < indices.length && indices[m] < to; m++) {
                    double value = values[m];
                    int at = indices[m] * k;
                    for (int c = 0; c < k; c++) {
                        sums[at + c] += w[c] * value;
                    }
                }
            }
        });
        return new TermMajor(k, sums);
    }

    /** Vector c's value at a term. */
    double get(int c, int term) {
        return byTerm[term * k + c];
    }

    /** Term boundaries for {@link #weightedSums}: some ranges per core, holding about the same number of terms. */
    static int[] termRanges(List<SparseDoc> docs, int dim) {
        return termRanges(docs, dim, RANGES_PER_CORE * Runtime.getRuntime().availableProcessors());
    }

    /** Term boundaries of up to {@code ranges} ranges holding about the same number of the documents' terms. */
    static int[] termRanges(List<SparseDoc> docs, int dim, int ranges) {
        long[] perTerm = new long[dim];
        long total = 0;
        for (SparseDoc doc : docs) {
            for (int index : doc.indices()) {
                perTerm[index]++;
            }
            total += doc.indices().length;
        }
        List<Integer> bounds = new ArrayList<>(List.of(0));
        long share = Math.max(1, (total + ranges - 1) / ranges);
        long inRange = 0;
        for (int j = 0; j < dim; j++) {
            inRange += perTerm[j];
            if (inRange >= share && j + 1 < dim) {
                bounds.add(j + 1);
                inRange = 0;
            }
        }
        bounds.add(dim);
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The document's dot product with each of the k vectors. */
    double[] dots(SparseDoc doc) {
        double[] dots = new double[k];
        int[] indices = doc.indices();
        double[] values = doc.values();
        for (int i = 0; i < indices.length; i++) {
            double value = values[i];
            int from = indices[i] * k;
            for (int c = 0; c < k; c++) {
                dots[c] += value * byTerm[from + c];
            }
        }
        return dots;
    }
}
