package org.newslens.topics.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The assignment step of Lloyd's k-means, made cheaper by Elkan's bounds (C. Elkan, "Using the triangle
 * inequality to accelerate k-means", ICML 2003): each document keeps, per centroid, a lower bound on its
 * Euclidean distance to it. When the centroids move, each bound drops by its own centroid's move; a centroid whose
 * bound is beyond the document's distance to its own centroid cannot be nearer and is not compared. Once the
 * clusters settle most centroids move little, so a document costs a few dot products instead of k (on 20 MB of
 * Brown, a third of them).
 *
 * <p>The result is the same as comparing with every centroid: on unit-length centroids the nearest in distance
 * is the most similar in cosine, every similarity used is computed exactly, and a centroid within {@link #MARGIN}
 * of being as near, where rounding could matter or a tie could go to a lower index, is compared. When a
 * centroid is not of unit length (an empty cluster restarted on an empty document), every document is compared
 * with every centroid, and so is a document whose similarity with its own centroid is not a number.
 */
final class NearestCentroids {
    /** A centroid whose bound is within this of the document's distance to its own centroid is compared. */
    static final double MARGIN = 1e-6;

    private final List<SparseDoc> docs;
    private final double[] squaredNorms;
    private final int[] assignment;
    private final double[] similarity;
    /** Per document and centroid: at most the document's distance to the centroid (valid for {@link #current}). */
    private double[] lowerBounds;

    private double[][] current;

    NearestCentroids(List<SparseDoc> docs) {
        this.docs = docs;
        int n = docs.size();
        squaredNorms = new double[n];
        for (int i = 0; i < n; i++) {
            squaredNorms[i] = squaredNorm(docs.get(i).values());
        }
        assignment = new int[n];
        Arrays.fill(assignment, -1);
        similarity = new double[n];
    }

    /** Each document's centroid (-1 before the first assignment). */
    int[] assignment() {
        return assignment;
    }

    /** Each document's cosine similarity with its centroid. */
    double[] similarity() {
        return similarity;
    }

    /** Assigns every document to its most similar centroid (lowest index on ties); true if any moved. */
    boolean assign(double[][] centroids) {
        int k = centroids.length;
        double[] centroidNorms = new double[k];
        for (int c = 0; c < k; c++) {
            centroidNorms[c] = squaredNorm(centroids[c]);
        }
        boolean bounded = current != null && allUnitLength(centroidNorms);
        double[] moves = new double[k];
        if (bounded) {
            for (int c = 0; c < k; c++) {
                moves[c] = distance(current[c], centroids[c]);
            }
        } else if (lowerBounds == null) {
            lowerBounds = new double[Math.multiplyExact(docs.size(), k)];
        }
        TermMajor byTerm = bounded ? null : new TermMajor(centroids);
        current = centroids;
        // Each document on its own, so in parallel.
        return IntStream.range(0, docs.size())
                        .parallel()
                        .map(i -> {
                            int own = assignment[i];
                            int nearest = bounded
                                    ? nearestWithin(i, centroids, moves, centroidNorms)
                                    : nearestOfAll(i, byTerm.dots(docs.get(i)), centroidNorms);
                            assignment[i] = nearest;
                            return nearest == own ? 0 : 1;
                        })
                        .sum()
                > 0;
    }

    /** Document i's nearest centroid, comparing only those its bounds do not rule out; updates its bounds. */
    private int nearestWithin(int i, double[][] centroids, double[] moves, double[] centroidNorms) {
        SparseDoc doc = docs.get(i);
        int from = i * centroids.length;
        int own = assignment[i];
        double ownSimilarity = doc.dot(centroids[own]);
        double ownDistance = distance(i, ownSimilarity, centroidNorms[own]);
        if (Double.isNaN(ownDistance)) {
            return nearestOfAll(i, SphericalKMeans.similarities(doc, centroids), centroidNorms);
        }
        lowerBounds[from + own] = ownDistance;
        int nearest = own;
        double nearestSimilarity = ownSimilarity;
        for (int c = 0; c < centroids.length; c++) {
            if (c == own) {
                continue;
            }
            lowerBounds[from + c] -= moves[c];
            if (lowerBounds[from + c] > ownDistance + MARGIN) {
                continue;
            }
            double s = doc.dot(centroids[c]);
            lowerBounds[from + c] = distance(i, s, centroidNorms[c]);
            if (s > nearestSimilarity || (s == nearestSimilarity && c < nearest)) {
                nearest = c;
                nearestSimilarity = s;
            }
        }
        similarity[i] = nearestSimilarity;
        return nearest;
    }

    /**
     * Document i's nearest centroid from its similarity with every centroid; sets its bounds to the exact
     * distances.
     */
    private int nearestOfAll(int i, double[] similarities, double[] centroidNorms) {
        int from = i * similarities.length;
        for (int c = 0; c < similarities.length; c++) {
            lowerBounds[from + c] = distance(i, similarities[c], centroidNorms[c]);
        }
        int nearest = SphericalKMeans.highest(similarities);
        similarity[i] = similarities[nearest];
        return nearest;
    }

    /** Euclidean distance of document i to a centroid of squared length {@code centroidNorm}, from their dot product. */
    private double distance(int i, double dot, double centroidNorm) {
        return Math.sqrt(Math.max(0, squaredNorms[i] + centroidNorm - 2 * dot));
    }

    private static double squaredNorm(double[] vector) {
        double sum = 0;
        for (double v : vector) {
            sum += v * v;
        }
        return sum;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static boolean allUnitLength(double[] squaredNorms) {
        for (double squaredNorm : squaredNorms) {
            // NaN fails the test too, so such centroids are compared in full.
            if (!(Math.abs(squaredNorm - 1) <= 1e-12)) {
                return false;
            }
        }
        return true;
    }
}
