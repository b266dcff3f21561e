package org.newslens.topics.model;

import java.io.Serializable;

/** One document as an L2-normalised sparse tf-idf vector: ascending term indices and their weights. */
public record SparseDoc(String docId, int[] indices, double[] values) implements Serializable {
    /** Dot product with a dense vector. */
    public double dot(double[] dense) {
        double sum = 0;
        for (int i = 0; i < indices.length; i++) {
            sum += values[i] * dense[indices[i]];
        }
        return sum;
    }

    /** Adds {@code scale} times this vector to a dense one. */
    public void addTo(double[] dense, double scale) {
        for (int i = 0; i < indices.length; i++) {
            dense[indices[i]] += scale * values[i];
        }
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }
}
