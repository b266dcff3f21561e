package org.newslens.topics.model;

import java.io.Serializable;

/**
 * What the fit produced, shipped to executors to score every document: topic vectors (unit length, over
 * the vocabulary's indices) with H H' for the fold-in, and cluster centroids, either over the vocabulary
 * or, when {@code clustersOnMixtures}, over the topics (clusters of the documents' topic mixtures).
 */
public record FittedModels(
        String topicModel, double[][] centroids, boolean clustersOnMixtures, double[][] topics, double[][] topicGram)
        implements Serializable {
    public static final double MIN_WEIGHT = 0.01;

    /**
     * One document's cluster (-1 when clusters are on topic mixtures and it has no topic weight), its cosine
     * distance to the centroid, and its topic weights (sum 1, or all 0).
     */
    public record Scores(int cluster, double distance, double[] weights, int dominant) {}

    public Scores score(SparseDoc doc) {
        double[] w = Nmf.foldIn(doc, topics, topicGram);
        SparseDoc clustered = clustersOnMixtures ? Nmf.unitVector(doc.docId(), w) : doc;
        int cluster = -1;
        double distance = 1.0;
        if (!clustered.isEmpty()) {
            cluster = SphericalKMeans.nearest(clustered, centroids);
            distance = Math.max(0, 1 - clustered.dot(centroids[cluster]));
        }
        double total = 0;
        int dominant = -1;
        for (int t = 0; t < w.length; t++) {
            total += w[t];
            if (w[t] > 0 && (dominant < 0 || w[t] > w[dominant])) {
                dominant = t;
            }
        }
        if (total > 0) {
            for (int t = 0; t < w.length; t++) {
                w[t] /= total;
            }
        }
        return new Scores(cluster, distance, w, dominant);
    }
}
