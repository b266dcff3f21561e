package org.newslens.topics.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Matches refitted topics (or clusters) to stored ones: cosine of their term weights over the union of the two
 * vocabularies (terms are matched by name, so the two vocabularies need not be the same), then the one-to-one
 * assignment with the largest total cosine (Hungarian method, Breeze's Kuhn-Munkres, which Spark MLlib already
 * ships). A pair below the least cosine counts as no match, so it neither takes part in the optimum nor is kept.
 */
public final class TopicMatching {
    private TopicMatching() {}

    /** Cosine of two sparse term-weight vectors; 0 when either is all zero. */
    public static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        double norms = norm(a) * norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double norm(Map<String, Double> v) {
        double squares = 0;
        for (double x : v.values()) {
            squares += x * x;
        }
        return Math.sqrt(squares);
    }

    /** cosines[i][j]: refitted i against stored j. */
    public static double[][] cosines(List<Map<String, Double>> refitted, List<Map<String, Double>> stored) {
        double[][] result = new double[refitted.size()][stored.size()];
        for (int i = 0; i < refitted.size(); i++) {
            for (int j = 0; j < stored.size(); j++) {
                result[i][j] = cosine(refitted.get(i), stored.get(j));
            }
        }
        return result;
    }

    /**
     * For each row, the column it is matched to, or -1: the assignment maximising the summed cosine of the pairs
     * at or above {@code minCosine}; pairs below it are never matched.
     */
    public static int[] match(double[][] cosines, double minCosine) {
        int[] matched = new int[cosines.length];
        Arrays.fill(matched, -1);
        if (cosines.length == 0 || cosines[0].length == 0) {
            return matched;
        }
        List<Seq<Object>> costs = new ArrayList<>(cosines.length);
        for (double[] row : cosines) {
            List<Object> cost = new ArrayList<>(row.length);
            for (double c : row) {
                cost.add(c >= minCosine ? -c : 0.0); // a pair below the threshold gains nothing
            }
            costs.add(CollectionConverters.asScala(cost).toList());
        }
        IndexedSeq<Object> assignment = breeze.optimize.linear.KuhnMunkres$.MODULE$
                .extractMatching(CollectionConverters.asScala(costs).toList())
                ._1();
        for (int i = 0; i < cosines.length; i++) {
            int j = (Integer) assignment.apply(i);
            if (j >= 0 && j < cosines[i].length && cosines[i][j] >= minCosine) {
                matched[i] = j;
            }
        }
        return matched;
    }
}
