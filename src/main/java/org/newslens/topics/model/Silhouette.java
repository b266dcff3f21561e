package org.newslens.topics.model;

import java.util.List;

/**
 * Mean silhouette with cosine distance, exact, in O(n k nnz): for unit vectors the mean distance from x to
 * the members of a cluster is 1 - x . S / |C| with S the sum of the members, so no pairwise loop is needed
 * (the same identity MLlib's ClusteringEvaluator uses).
 */
public final class Silhouette {
    private Silhouette() {}

    /** Per-document silhouettes; 0 for members of single-document clusters, as in scikit-learn. */
    public static double[] values(List<SparseDoc> docs, int[] assignment, int k, int dim) {
        double[][] sums = new double[k][dim];
        int[] sizes = new int[k];
        for (int i = 0; i < docs.size(); i++) {
            docs.get(i).addTo(sums[assignment[i]], 1.0);
            sizes[assignment[i]]++;
        }
        TermMajor byTerm = new TermMajor(sums);
        double[] result = new double[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            int own = assignment[i];
            if (sizes[own] < 2) {
                continue;
            }
            double[] dots = byTerm.dots(docs.get(i));
            double a = (sizes[own] - dots[own]) / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, 1 - dots[c] / sizes[c]);
                }
            }
            if (b == Double.POSITIVE_INFINITY) {
                continue;
            }
            double scale = Math.max(a, b);
            result[i] = scale <= 0 ? 0 : (b - a) / scale;
        }
        return result;
    }

    public static double mean(List<SparseDoc> docs, int[] assignment, int k, int dim) {
        double[] values = values(docs, assignment, k, dim);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
