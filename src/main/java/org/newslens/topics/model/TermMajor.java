package org.newslens.topics.model;

/**
 * k dense vectors over the same terms, stored term by term (the k values of term 0, then those of term 1, ...),
 * so that one pass over a sparse document gives its dot product with all k vectors while reading memory in
 * order, instead of k passes that each jump around one long vector. Each product is summed over the document's
 * terms in ascending order with the same operations as {@link SparseDoc#dot}, so the results are equal to the
 * last bit.
 */
final class TermMajor {
    private final int k;
    private final double[] byTerm;

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
