package org.newslens.topics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The k-means assignment with Elkan's bounds gives exactly what comparing with every centroid gives. */
class NearestCentroidsTest {
    private static final int DIM = 40;

    /** Sparse unit vectors: a few terms each, so documents sit near several centroids at once. */
    private static List<SparseDoc> docs(int n, Random random) {
        List<SparseDoc> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = new double[DIM];
            for (int t = 0; t < 6; t++) {
                v[random.nextInt(DIM)] += random.nextDouble();
            }
            docs.add(AlgorithmsTest.unit("d" + i, v));
        }
        return docs;
    }

    private static double[][] unitCentroids(int k, Random random) {
        double[][] centroids = new double[k][DIM];
        for (double[] centroid : centroids) {
            for (int j = 0; j < DIM; j++) {
                centroid[j] = random.nextDouble();
            }
            SphericalKMeans.normalise(centroid);
        }
        return centroids;
    }

    /** Each centroid moved a little (or, with {@code jump}, one of them far), kept at unit length. */
    private static double[][] moved(double[][] centroids, Random random, double step, boolean jump) {
        double[][] next = new double[centroids.length][];
        for (int c = 0; c < centroids.length; c++) {
            next[c] = centroids[c].clone();
            for (int j = 0; j < DIM; j++) {
                next[c][j] = Math.max(0, next[c][j] + step * (random.nextDouble() - 0.5));
            }
            SphericalKMeans.normalise(next[c]);
        }
        if (jump) {
            next[random.nextInt(next.length)] = unitCentroids(1, random)[0];
        }
        return next;
    }

    private static void assertSameAsEveryCentroid(NearestCentroids nearest, List<SparseDoc> docs, double[][] c) {
        for (int i = 0; i < docs.size(); i++) {
            int expected = SphericalKMeans.nearest(docs.get(i), c);
            assertThat(nearest.assignment()[i]).as("document %d", i).isEqualTo(expected);
            assertThat(nearest.similarity()[i]).isEqualTo(docs.get(i).dot(c[expected]));
        }
    }

    /** Moves the centroids step by step, checking each assignment against a comparison with every centroid. */
    private static void assignWhileMoving(long seed, int documents, int k, int steps, double step, boolean jumps) {
        Random random = new Random(seed);
        List<SparseDoc> docs = docs(documents, random);
        NearestCentroids nearest = new NearestCentroids(docs);
        double[][] centroids = unitCentroids(k, random);
        for (int s = 0; s < steps; s++) {
            nearest.assign(centroids);
            assertSameAsEveryCentroid(nearest, docs, centroids);
            centroids = moved(centroids, random, s < steps / 2 ? step : step / 10, jumps && s % 7 == 3);
        }
    }

    @Test
    void everyStepOfMovingCentroidsAssignsAsAFullComparison() {
        assignWhileMoving(7, 400, 12, 40, 0.3, true);
    }

    @Test
    void closeCentroidsThatTradePlacesByTinyMovesAssignAsAFullComparison() {
        assignWhileMoving(5, 2000, 20, 60, 0.01, false);
    }

    @Test
    void unchangedCentroidsMoveNobodyAndACentroidOffTheSphereIsComparedInFull() {
        Random random = new Random(11);
        List<SparseDoc> docs = docs(200, random);
        NearestCentroids nearest = new NearestCentroids(docs);
        double[][] centroids = unitCentroids(5, random);
        assertThat(nearest.assign(centroids)).isTrue();
        assertThat(nearest.assign(centroids)).isFalse();
        assertSameAsEveryCentroid(nearest, docs, centroids);

        double[][] offSphere = moved(centroids, random, 0.1, false);
        offSphere[2] = new double[DIM]; // an empty cluster restarted on an empty document
        nearest.assign(offSphere);
        assertSameAsEveryCentroid(nearest, docs, offSphere);
    }

    @Test
    void aCentroidThatLeavesTheOriginIsComparedWithTheDocumentsNearIt() {
        double[] x = new double[DIM];
        x[0] = 1;
        double[] near = new double[DIM];
        near[0] = 1;
        near[1] = 0.3;
        SphericalKMeans.normalise(near);
        double[] other = new double[DIM];
        other[5] = 1;
        List<SparseDoc> docs = List.of(AlgorithmsTest.unit("x", x));
        NearestCentroids nearest = new NearestCentroids(docs);
        // An empty cluster restarted on an empty document: a zero centroid, so every centroid is compared.
        nearest.assign(new double[][] {near, other, new double[DIM]});
        assertThat(nearest.assignment()[0]).isZero();
        // It then moves onto the document itself: its bound must not have been taken as of a unit centroid.
        double[][] next = {near, other, x.clone()};
        nearest.assign(next);
        assertSameAsEveryCentroid(nearest, docs, next);
        assertThat(nearest.assignment()[0]).isEqualTo(2);
    }

    @Test
    void equallySimilarCentroidsGoToTheLowerIndex() {
        double[] v = new double[DIM];
        v[0] = 1;
        v[1] = 1;
        List<SparseDoc> docs = List.of(AlgorithmsTest.unit("tie", v));
        double[][] centroids = new double[3][DIM];
        centroids[0][5] = 1;
        centroids[1][1] = 1;
        centroids[2][0] = 1;
        NearestCentroids nearest = new NearestCentroids(docs);
        nearest.assign(centroids);
        assertThat(nearest.assignment()[0]).isEqualTo(1);
        // Its own centroid stays; an equally similar one moves in at a lower index and takes it.
        double[][] swapped = {centroids[2], centroids[1], centroids[0]};
        nearest.assign(swapped);
        assertThat(nearest.assignment()[0]).isZero();
        assertSameAsEveryCentroid(nearest, docs, swapped);
    }

    @Test
    void termMajorDotsAreTheSparseDotsToTheLastBit() {
        Random random = new Random(3);
        double[][] vectors = new double[7][DIM];
        for (double[] vector : vectors) {
            for (int j = 0; j < DIM; j++) {
                vector[j] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
            }
        }
        TermMajor byTerm = new TermMajor(vectors);
        for (SparseDoc doc : docs(100, random)) {
            double[] dots = byTerm.dots(doc);
            for (int c = 0; c < vectors.length; c++) {
                assertThat(Double.doubleToRawLongBits(dots[c]))
                        .isEqualTo(Double.doubleToRawLongBits(doc.dot(vectors[c])));
            }
        }
    }
}
