package org.newslens.topics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TermMajorTest {
    @Test
    void weightedSumsEqualTheSumsOfAddToToTheLastBit() {
        Random random = new Random(7);
        int dim = 300;
        int k = 5;
        List<SparseDoc> docs = new ArrayList<>();
        double[][] weights = new double[400][k];
        for (int i = 0; i < weights.length; i++) {
            TreeSet<Integer> terms = new TreeSet<>();
            // Skewed: low term numbers are common, as in a vocabulary ordered by frequency.
            int size = random.nextInt(40);
            while (terms.size() < size) {
                terms.add((int) (dim * Math.pow(random.nextDouble(), 3)));
            }
            int[] indices = terms.stream().mapToInt(Integer::intValue).toArray();
            double[] values = new double[indices.length];
            for (int m = 0; m < values.length; m++) {
                values[m] = random.nextDouble() / 3;
            }
            docs.add(new SparseDoc("d" + i, indices, values));
            for (int c = 0; c < k; c++) {
                weights[i][c] = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 1e3;
            }
        }
        // What the sums were before: one pass per vector, documents with a zero weight skipped.
        double[][] expected = new double[k][dim];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < docs.size(); i++) {
                if (weights[i][c] != 0) {
                    docs.get(i).addTo(expected[c], weights[i][c]);
                }
            }
        }
        for (int ranges : new int[] {1, 3, 8, 1000}) {
            TermMajor sums = TermMajor.weightedSums(docs, weights, dim, TermMajor.termRanges(docs, dim, ranges));
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < dim; j++) {
                    assertThat(Double.doubleToRawLongBits(sums.get(c, j)))
                            .as("ranges %d, vector %d, term %d", ranges, c, j)
                            .isEqualTo(Double.doubleToRawLongBits(expected[c][j]));
                }
            }
        }
    }

    @Test
    void termRangesCoverEveryTermOnceWithSimilarShares() {
        List<SparseDoc> docs = List.of(
                new SparseDoc("a", new int[] {0, 1, 2, 3}, new double[] {1, 1, 1, 1}),
                new SparseDoc("b", new int[] {0, 1, 8, 9}, new double[] {1, 1, 1, 1}));
        assertThat(TermMajor.termRanges(docs, 10, 4)).containsExactly(0, 1, 2, 4, 10);
        assertThat(TermMajor.termRanges(docs, 10, 1)).containsExactly(0, 10);
        assertThat(TermMajor.termRanges(List.of(), 10, 4)).containsExactly(0, 10);
    }
}
