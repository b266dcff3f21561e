package org.newslens.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * PageRank and communities of a small entity graph computed in the driver, with the arithmetic of the Pregel
 * programs ({@link ExactPageRank}, {@link WeightedLabelPropagation}), so the numbers are the same to the last
 * digit. Both are synchronous: every step reads the values of the step before. Only vertices with an edge are
 * held: an isolated entity keeps its starting rank and its own label, which the caller fills in.
 */
final class DriverGraph {
    private final long[] vertexIds; // the pairs' ends, ascending
    private final int[] endA;
    private final int[] endB;
    private final double[] count;
    private final long entityCount;

    /**
     * @param pairs each undirected pair once: (vertex id a, vertex id b, count as double), read once into arrays
     *              (about 24 bytes a pair), so the driver never holds all the rows at once
     * @param entityCount the number of entities, for PageRank's fixed-point unit
     */
    DriverGraph(Iterator<Row> pairs, long entityCount) {
        long[] a = new long[1024];
        long[] b = new long[1024];
        double[] weight = new double[1024];
        int edges = 0;
        while (pairs.hasNext()) {
            Row pair = pairs.next();
            if (edges == a.length) {
                a = Arrays.copyOf(a, 2 * edges);
                b = Arrays.copyOf(b, 2 * edges);
                weight = Arrays.copyOf(weight, 2 * edges);
            }
            a[edges] = pair.getLong(0);
            b[edges] = pair.getLong(1);
            weight[edges] = pair.getDouble(2);
            edges++;
        }
        long[] ends = new long[2 * edges];
        System.arraycopy(a, 0, ends, 0, edges);
        System.arraycopy(b, 0, ends, edges, edges);
        vertexIds = Arrays.stream(ends).sorted().distinct().toArray();
        endA = new int[edges];
        endB = new int[edges];
        for (int e = 0; e < edges; e++) {
            endA[e] = Arrays.binarySearch(vertexIds, a[e]);
            endB[e] = Arrays.binarySearch(vertexIds, b[e]);
        }
        count = Arrays.copyOf(weight, edges);
        this.entityCount = entityCount;
    }

    /** Rows (vid, pagerank_raw, community) for every vertex with an edge. */
    List<Row> rows(int pagerankIterations, int communitySteps) {
        double[] ranks = pageRank(pagerankIterations);
        long[] communities = communities(communitySteps);
        List<Row> rows = new ArrayList<>(vertexIds.length);
        for (int v = 0; v < vertexIds.length; v++) {
            rows.add(RowFactory.create(vertexIds[v], ranks[v], communities[v]));
        }
        return rows;
    }

    /** As {@link ExactPageRank#run}: each edge both ways, weighted 1 / (degree of its source). */
    private double[] pageRank(int iterations) {
        double units = Math.scalb(1.0, 62) / Math.max(1, entityCount);
        long[] degree = new long[vertexIds.length];
        for (int e = 0; e < endA.length; e++) {
            degree[endA[e]]++;
            degree[endB[e]]++;
        }
        double[] rank = new double[vertexIds.length];
        Arrays.fill(rank, 1.0);
        for (int step = 0; step < iterations; step++) {
            long[] contributions = new long[rank.length];
            for (int e = 0; e < endA.length; e++) {
                contributions[endB[e]] += Math.round(rank[endA[e]] * (1.0 / degree[endA[e]]) * units);
                contributions[endA[e]] += Math.round(rank[endB[e]] * (1.0 / degree[endB[e]]) * units);
            }
            for (int v = 0; v < rank.length; v++) {
                rank[v] = ExactPageRank.RESET + (1 - ExactPageRank.RESET) * (contributions[v] / units);
            }
        }
        return rank;
    }

    /** As {@link WeightedLabelPropagation#run}: every vertex starts with its own id as label. */
    private long[] communities(int steps) {
        long[] label = vertexIds.clone();
        for (int step = 0; step < steps; step++) {
            List<TreeMap<Long, Double>> votes = new ArrayList<>(label.length);
            for (int v = 0; v < label.length; v++) {
                votes.add(new TreeMap<>());
            }
            for (int e = 0; e < endA.length; e++) {
                votes.get(endB[e]).merge(label[endA[e]], count[e], Double::sum);
                votes.get(endA[e]).merge(label[endB[e]], count[e], Double::sum);
            }
            long[] next = new long[label.length];
            for (int v = 0; v < label.length; v++) {
                next[v] = WeightedLabelPropagation.winner(label[v], votes.get(v));
            }
            label = next;
        }
        return label;
    }
}
