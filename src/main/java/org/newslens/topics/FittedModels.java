package org.newslens.topics;

import java.io.Serializable;

/**
 * What the fit produced, shipped to executors to score every document: cluster centroids and topic
 * vectors (both unit length, over the vocabulary's indices) and H H' for the topic fold-in.
 */
record FittedModels(String topicModel, double[][] centroids, double[][] topics, double[][] topicGram)
        implements Serializable {
    static final double MIN_WEIGHT = 0.01;

    /** One document's cluster, its cosine distance to the centroid, and its topic weights (sum 1, or all 0). */
    record Scores(int cluster, double distance, double[] weights, int dominant) {
    }

    Scores score(SparseDoc doc) {
        int cluster = SphericalKMeans.nearest(doc, centroids);
        double distance = Math.max(0, 1 - doc.dot(centroids[cluster]));
        double[] w = Nmf.foldIn(doc, topics, topicGram);
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
