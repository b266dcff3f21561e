package org.newslens.topics.model;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Spherical k-means: k-means on L2-normalised vectors with cosine similarity, centroids re-normalised after
 * each update. Seeded k-means++ initialisation and several seeded restarts, keeping the restart with the
 * highest total cosine similarity. Plain Java on an in-memory sample, so the result depends only on the
 * documents (in the order given), k and the seed: no partition layout, no summation order from a shuffle.
 */
public final class SphericalKMeans {
    /** Fitted clusters: unit-length centroids, the sample's assignment and its total cosine similarity. */
    public record Model(double[][] centroids, int[] assignment, double objective) {
        public int k() {
            return centroids.length;
        }
    }

    /** Relative gain of the total cosine below which Lloyd iterations stop. */
    static final double TOLERANCE = 1e-5;

    private SphericalKMeans() {}

    public static Model fit(List<SparseDoc> docs, int dim, int k, int restarts, int maxIterations, long seed) {
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("k-means needs at least one document");
        }
        int clusters = Math.max(1, Math.min(k, docs.size()));
        // Restarts are independent, so they run in parallel; the best is then picked in restart order.
        List<Model> models = IntStream.range(0, restarts)
                .parallel()
                .mapToObj(r -> lloyd(
                        docs, dim, seedPlusPlus(docs, dim, clusters, new Random(seed * 1_000_003L + r)), maxIterations))
                .toList();
        Model best = null;
        for (Model model : models) {
            if (best == null || model.objective() > best.objective() + 1e-12) {
                best = model;
            }
        }
        return best;
    }

    /** Index of the centroid most similar to the document (lowest index on ties). */
    public static int nearest(SparseDoc doc, double[][] centroids) {
        return highest(similarities(doc, centroids));
    }

    /** The document's cosine similarity with each centroid, one at a time. */
    static double[] similarities(SparseDoc doc, double[][] centroids) {
        double[] similarities = new double[centroids.length];
        for (int c = 0; c < centroids.length; c++) {
            similarities[c] = doc.dot(centroids[c]);
        }
        return similarities;
    }

    /** Index of the highest similarity (lowest index on ties). */
    static int highest(double[] similarities) {
        int best = 0;
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < similarities.length; c++) {
            if (similarities[c] > bestSim) {
                bestSim = similarities[c];
                best = c;
            }
        }
        return best;
    }

    /** k-means++ with cosine distance (1 - cos, proportional to squared Euclidean distance on the sphere). */
    static double[][] seedPlusPlus(List<SparseDoc> docs, int dim, int k, Random random) {
        int n = docs.size();
        double[][] centroids = new double[k][];
        double[] distance = new double[n];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        int first = random.nextInt(n);
        centroids[0] = dense(docs.get(first), dim);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                distance[i] = Math.min(distance[i], Math.max(0, 1 - docs.get(i).dot(centroids[c - 1])));
                total += distance[i];
            }
            int chosen;
            if (total <= 0) {
                chosen = random.nextInt(n);
            } else {
                double target = random.nextDouble() * total;
                chosen = n - 1;
                for (int i = 0; i < n; i++) {
                    target -= distance[i];
                    if (target < 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            centroids[c] = dense(docs.get(chosen), dim);
        }
        return centroids;
    }

    static Model lloyd(List<SparseDoc> docs, int dim, double[][] centroids, int maxIterations) {
        int n = docs.size();
        int k = centroids.length;
        NearestCentroids nearest = new NearestCentroids(docs);
        int[] assignment = nearest.assignment();
        double[] similarity = nearest.similarity();
        double previous = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            boolean changed = nearest.assign(centroids);
            double objective = sum(similarity);
            // Converged: no document moved, or the total cosine grew by less than TOLERANCE of itself.
            if (iteration > 0 && (!changed || objective - previous <= TOLERANCE * Math.abs(objective))) {
                break;
            }
            previous = objective;
            double[][] sums = new double[k][dim];
            int[] sizes = new int[k];
            for (int i = 0; i < n; i++) {
                docs.get(i).addTo(sums[assignment[i]], 1.0);
                sizes[assignment[i]]++;
            }
            for (int c = 0; c < k; c++) {
                if (sizes[c] == 0 || !normalise(sums[c])) {
                    // An empty cluster takes the document that fits its own cluster worst.
                    int worst = worstFitting(similarity, assignment, sizes);
                    sums[c] = dense(docs.get(worst), dim);
                    similarity[worst] = Double.POSITIVE_INFINITY;
                }
            }
            centroids = sums;
        }
        nearest.assign(centroids);
        return new Model(centroids, assignment, sum(similarity));
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    private static int worstFitting(double[] similarity, int[] assignment, int[] sizes) {
        int worst = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < similarity.length; i++) {
            if (similarity[i] < lowest && sizes[assignment[i]] > 1) {
                lowest = similarity[i];
                worst = i;
            }
        }
        sizes[assignment[worst]]--;
        return worst;
    }

    static double[] dense(SparseDoc doc, int dim) {
        double[] vector = new double[dim];
        doc.addTo(vector, 1.0);
        return vector;
    }

    /** Scales to unit length; false when the vector is zero. */
    static boolean normalise(double[] vector) {
        double norm = 0;
        for (double v : vector) {
            norm += v * v;
        }
        if (norm <= 0) {
            return false;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
        return true;
    }
}
