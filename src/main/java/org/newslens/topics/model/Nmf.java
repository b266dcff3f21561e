package org.newslens.topics.model;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Non-negative matrix factorisation X ~ W H of the documents' tf-idf vectors by hierarchical alternating
 * least squares (HALS, Cichocki and Phan 2009), the coordinate-descent method scikit-learn's NMF uses.
 * H (topics x terms) is initialised from the spherical k-means centroids, so no random initialisation is
 * involved at all: the result depends only on the sample and the centroids. Rows of H are kept at unit
 * length; a document's topic weights are found by non-negative least squares against H ({@link #foldIn}).
 */
public final class Nmf {
    private static final double FLOOR = 1e-12;
    private static final int FOLD_IN_ITERATIONS = 50;

    /** Topics (unit-length rows, non-negative) and the relative reconstruction error on the sample. */
    public record Model(double[][] topics, double relativeError) {}

    private Nmf() {}

    public static Model fit(List<SparseDoc> docs, double[][] initialTopics, int iterations) {
        int k = initialTopics.length;
        int dim = initialTopics[0].length;
        double[][] h = new double[k][];
        for (int t = 0; t < k; t++) {
            h[t] = initialTopics[t].clone();
            for (int j = 0; j < dim; j++) {
                h[t][j] = Math.max(0, h[t][j]);
            }
        }
        int n = docs.size();
        double[][] w = new double[n][];
        double[][] gram = gram(h);
        TermMajor initial = new TermMajor(h);
        IntStream.range(0, n).parallel().forEach(i -> w[i] = foldIn(initial.dots(docs.get(i)), gram));
        int[] termRanges = TermMajor.termRanges(docs, dim); // for W'X: the same documents every iteration
        // No early stop: scikit-learn's criterion (an iteration gaining less than 1e-4 of the first error)
        // stopped after 11 iterations on Brown and cost 0.02 NMI and 0.02 NPMI (topics.md, Quality).
        for (int iteration = 0; iteration < iterations; iteration++) {
            updateTopics(docs, termRanges, w, h);
            double[][] g = gram(h);
            TermMajor byTerm = new TermMajor(h);
            // Each document's weights depend only on it and H, so they are updated in parallel.
            IntStream.range(0, n).parallel().forEach(i -> coordinateDescent(w[i], byTerm.dots(docs.get(i)), g, 1));
        }
        return new Model(h, relativeError(docs, w, h));
    }

    /** H rows updated one at a time from W'W and W'X (over {@code termRanges}), then scaled to unit length. */
    private static void updateTopics(List<SparseDoc> docs, int[] termRanges, double[][] w, double[][] h) {
        int k = h.length;
        int dim = h[0].length;
        double[][] wtw = new double[k][k];
        // One topic per task, each summing over the documents in order: parallel, yet the same sums as serial.
        IntStream.range(0, k).parallel().forEach(a -> {
            for (double[] wi : w) {
                if (wi[a] == 0) {
                    continue;
                }
                for (int b = 0; b < k; b++) {
                    wtw[a][b] += wi[a] * wi[b];
                }
            }
        });
        TermMajor wtx = TermMajor.weightedSums(docs, w, dim, termRanges);
        for (int t = 0; t < k; t++) {
            double scale = Math.max(wtw[t][t], FLOOR);
            for (int j = 0; j < dim; j++) {
                double residual = wtx.get(t, j);
                for (int s = 0; s < k; s++) {
                    residual -= wtw[t][s] * h[s][j];
                }
                h[t][j] = Math.max(0, h[t][j] + residual / scale);
            }
            if (!SphericalKMeans.normalise(h[t])) {
                h[t][t % dim] = 1.0; // a topic that lost every term restarts on one term rather than vanishing
            }
        }
    }

    public static double[][] gram(double[][] h) {
        int k = h.length;
        double[][] gram = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                double sum = 0;
                for (int j = 0; j < h[a].length; j++) {
                    sum += h[a][j] * h[b][j];
                }
                gram[a][b] = sum;
                gram[b][a] = sum;
            }
        }
        return gram;
    }

    /** Non-negative topic weights w minimising |x - w H|^2, with {@code gram} = H H'. */
    public static double[] foldIn(SparseDoc doc, double[][] h, double[][] gram) {
        return foldIn(project(doc, h), gram);
    }

    /** As {@link #foldIn(SparseDoc, double[][], double[][])}, from the document's x H' ({@code xh}). */
    private static double[] foldIn(double[] xh, double[][] gram) {
        double[] w = new double[xh.length];
        for (int t = 0; t < w.length; t++) {
            w[t] = Math.max(0, xh[t]) / Math.max(gram[t][t], FLOOR);
        }
        coordinateDescent(w, xh, gram, FOLD_IN_ITERATIONS);
        return w;
    }

    /** The document's topic weights scaled to unit length, as a (dense) SparseDoc; empty when all are 0. */
    public static SparseDoc mixture(SparseDoc doc, double[][] h, double[][] gram) {
        return unitVector(doc.docId(), foldIn(doc, h, gram));
    }

    static SparseDoc unitVector(String docId, double[] w) {
        double norm = 0;
        for (double v : w) {
            norm += v * v;
        }
        if (norm <= 0) {
            return new SparseDoc(docId, new int[0], new double[0]);
        }
        norm = Math.sqrt(norm);
        int[] indices = new int[w.length];
        double[] values = new double[w.length];
        for (int t = 0; t < w.length; t++) {
            indices[t] = t;
            values[t] = w[t] / norm;
        }
        return new SparseDoc(docId, indices, values);
    }

    private static double[] project(SparseDoc doc, double[][] h) {
        double[] xh = new double[h.length];
        for (int t = 0; t < h.length; t++) {
            xh[t] = doc.dot(h[t]);
        }
        return xh;
    }

    private static void coordinateDescent(double[] w, double[] xh, double[][] gram, int sweeps) {
        int k = w.length;
        for (int sweep = 0; sweep < sweeps; sweep++) {
            double change = 0;
            for (int t = 0; t < k; t++) {
                double gradient = xh[t];
                for (int s = 0; s < k; s++) {
                    gradient -= gram[t][s] * w[s];
                }
                double updated = Math.max(0, w[t] + gradient / Math.max(gram[t][t], FLOOR));
                change += Math.abs(updated - w[t]);
                w[t] = updated;
            }
            if (change < 1e-9) {
                break;
            }
        }
    }

    /** |x - w H|^2 for one document, from x H' ({@code xh}) and H H' ({@code gram}). */
    private static double squaredError(SparseDoc doc, double[] w, double[] xh, double[][] gram) {
        double xx = 0;
        for (double v : doc.values()) {
            xx += v * v;
        }
        double cross = 0;
        double quad = 0;
        for (int a = 0; a < w.length; a++) {
            if (w[a] == 0) {
                continue;
            }
            cross += w[a] * xh[a];
            for (int b = 0; b < w.length; b++) {
                quad += w[a] * w[b] * gram[a][b];
            }
        }
        return Math.max(0, xx - 2 * cross + quad);
    }

    /** |X - W H|_F / |X|_F on the sample. */
    static double relativeError(List<SparseDoc> docs, double[][] w, double[][] h) {
        double[][] gram = gram(h);
        TermMajor byTerm = new TermMajor(h);
        double total = 0;
        double norm = 0;
        for (int i = 0; i < docs.size(); i++) {
            SparseDoc doc = docs.get(i);
            total += squaredError(doc, w[i], byTerm.dots(doc), gram);
            for (double v : doc.values()) {
                norm += v * v;
            }
        }
        return norm == 0 ? 0 : Math.sqrt(total / norm);
    }
}
