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
     * @param pairs each undirected pair once: (vertex id a, vertex id b, count as double)
     * @param entityCount the number of entities, for PageRank's fixed-point unit
     */
    DriverGraph(List<Row> pairs, long entityCount) {
        long[] ends = new long[2 * pairs.size()];
        for (int e = 0; e < pairs.size(); e++) {
            ends[2 * e] = pairs.get(e).getLong(0);
            ends[2 * e + 1] = pairs.get(e).getLong(1);
        }
        vertexIds = Arrays.stream(ends).sorted().distinct().toArray();
        endA = new int[pairs.size()];
        endB = new int[pairs.size()];
        count = new double[pairs.size()];
        for (int e = 0; e < pairs.size(); e++) {
            endA[e] = Arrays.binarySearch(vertexIds, pairs.get(e).getLong(0));
            endB[e] = Arrays.binarySearch(vertexIds, pairs.get(e).getLong(1));
            count[e] = pairs.get(e).getDouble(2);
        }
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
