package org.newslens.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * PageRank and communities of a small entity graph computed in the driver, with the arithmetic of the Pregel
 * programs ({@link ExactPageRank}, {@link WeightedLabelPropagation}), so the numbers are the same to the last
 * digit. Both are synchronous: every step reads the values of the step before. A graph of a few thousand edges
 * takes GraphX dozens of Spark jobs; here it takes a few milliseconds.
 */
final class DriverGraph {
    private final long[] vertexIds; // ascending
    private final int[] endA;
    private final int[] endB;
    private final double[] count;

    /**
     * @param vertexIds the entities' vertex ids
     * @param pairs each undirected pair once: (vertex id a, vertex id b, count as double)
     */
    DriverGraph(long[] vertexIds, List<Row> pairs) {
        long[] ids = Arrays.copyOf(vertexIds, vertexIds.length + 2 * pairs.size());
        int n = vertexIds.length;
        for (Row pair : pairs) { // an edge to a vertex the entities do not list is a vertex too, as in GraphX
            ids[n++] = pair.getLong(0);
            ids[n++] = pair.getLong(1);
        }
        this.vertexIds = Arrays.stream(ids).sorted().distinct().toArray();
        endA = new int[pairs.size()];
        endB = new int[pairs.size()];
        count = new double[pairs.size()];
        for (int e = 0; e < pairs.size(); e++) {
            endA[e] = index(pairs.get(e).getLong(0));
            endB[e] = index(pairs.get(e).getLong(1));
            count[e] = pairs.get(e).getDouble(2);
        }
    }

    private int index(long vertexId) {
        return Arrays.binarySearch(vertexIds, vertexId);
    }

    /** Rows (vid, pagerank_raw, community) for every vertex. */
    List<Row> rows(int pagerankIterations, int communitySteps, long entityCount) {
        double[] ranks = pageRank(pagerankIterations, entityCount);
        long[] communities = communities(communitySteps);
        List<Row> rows = new ArrayList<>(vertexIds.length);
        for (int v = 0; v < vertexIds.length; v++) {
            rows.add(RowFactory.create(vertexIds[v], ranks[v], communities[v]));
        }
        return rows;
    }

    /** As {@link ExactPageRank#run}: each edge both ways, weighted 1 / (degree of its source). */
    double[] pageRank(int iterations, long entityCount) {
        double units = Math.scalb(1.0, 62) / Math.max(1, entityCount);
        long[] degree = new long[vertexIds.length];
        for (int e = 0; e < endA.length; e++) {
            degree[endA[e]]++;
            degree[endB[e]]++;
        }
        double[] rank = new double[vertexIds.length];
        for (int v = 0; v < rank.length; v++) {
            rank[v] = degree[v] == 0 ? ExactPageRank.RESET : 1.0;
        }
        for (int step = 0; step < iterations; step++) {
            long[] contributions = new long[rank.length];
            for (int e = 0; e < endA.length; e++) {
                contributions[endB[e]] += Math.round(rank[endA[e]] * (1.0 / degree[endA[e]]) * units);
                contributions[endA[e]] += Math.round(rank[endB[e]] * (1.0 / degree[endB[e]]) * units);
            }
            for (int v = 0; v < rank.length; v++) {
                if (degree[v] > 0) { // only a vertex that gets messages is updated
                    rank[v] = ExactPageRank.RESET + (1 - ExactPageRank.RESET) * (contributions[v] / units);
                }
            }
        }
        return rank;
    }

    /** As {@link WeightedLabelPropagation#run}: every vertex starts with its own id as label. */
    long[] communities(int steps) {
        long[] label = vertexIds.clone();
        for (int step = 0; step < steps; step++) {
            List<TreeMap<Long, Double>> votes = new ArrayList<>(label.length);
            for (int v = 0; v < label.length; v++) {
                votes.add(null);
            }
            for (int e = 0; e < endA.length; e++) {
                vote(votes, endB[e], label[endA[e]], count[e]);
                vote(votes, endA[e], label[endB[e]], count[e]);
            }
            long[] next = label.clone();
            for (int v = 0; v < label.length; v++) {
                if (votes.get(v) != null) {
                    next[v] = WeightedLabelPropagation.winner(label[v], votes.get(v));
                }
            }
            label = next;
        }
        return label;
    }

    private static void vote(List<TreeMap<Long, Double>> votes, int vertex, long label, double weight) {
        if (votes.get(vertex) == null) {
            votes.set(vertex, new TreeMap<>());
        }
        votes.get(vertex).merge(label, weight, Double::sum);
    }
}
