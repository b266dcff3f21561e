package org.newslens.topics.model;

import java.util.List;
import java.util.TreeSet;

/**
 * Chooses k when the user did not: the candidates are a few values around sqrt(n / 2) (a common rule of
 * thumb for the number of clusters), capped by the corpus size and {@code kMax}; the one whose spherical
 * k-means clustering has the best mean cosine silhouette on the sample wins (the smaller k on ties).
 * Five documents get k = 2; one document gets k = 1.
 */
public final class KChoice {
    private KChoice() {}

    /** The values tried for n documents, ascending. */
    public static List<Integer> candidates(int n, int kMax) {
        int upper = Math.min(kMax, Math.max(1, n / 2));
        TreeSet<Integer> ks = new TreeSet<>();
        if (upper <= 1) {
            ks.add(1);
            return List.copyOf(ks);
        }
        double centre = Math.sqrt(n / 2.0);
        for (double factor : new double[] {0.5, 0.75, 1.0, 1.5, 2.0}) {
            ks.add((int) Math.max(2, Math.min(upper, Math.round(centre * factor))));
        }
        return List.copyOf(ks);
    }

    /**
     * The chosen clustering; {@code tried} receives each candidate with its silhouette, for the metrics.
     * Candidates are compared with at most two restarts each; the winner is refitted with all of them. A
     * single candidate (k-max caps them all, as on large corpora) is fitted once, with no silhouette to compare.
     */
    public static SphericalKMeans.Model choose(
            List<SparseDoc> docs,
            int dim,
            int kMax,
            int restarts,
            int iterations,
            long seed,
            java.util.function.BiConsumer<Integer, Double> tried) {
        List<Integer> candidates = candidates(docs.size(), kMax);
        if (candidates.size() == 1) {
            return SphericalKMeans.fit(docs, dim, candidates.get(0), restarts, iterations, seed);
        }
        int bestK = 1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k : candidates) {
            SphericalKMeans.Model model = SphericalKMeans.fit(docs, dim, k, Math.min(2, restarts), iterations, seed);
            double score = k == 1 ? 0 : Silhouette.mean(docs, model.assignment(), model.k(), dim);
            tried.accept(k, score);
            if (score > bestScore + 1e-9) {
                bestK = k;
                bestScore = score;
            }
        }
        return SphericalKMeans.fit(docs, dim, bestK, restarts, iterations, seed);
    }
}
