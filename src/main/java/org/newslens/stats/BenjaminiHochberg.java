package org.newslens.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini-Hochberg adjusted p-values (q-values, as R's {@code p.adjust(p, "BH")}): with the m p-values sorted
 * ascending, q(i) = min over j &gt;= i of min(1, m p(j) / j). Rejecting every test with q &lt;= alpha keeps the
 * expected share of false discoveries among the rejected at most alpha (for independent or positively dependent
 * tests). {@link #adjustSorted} works on one slice of the sorted list, so the list can be spread over machines.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {}

    /** q-values of p-values in any order, returned in the same order. */
    public static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i));
        double[] sorted = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            sorted[i] = p[order[i]];
        }
        double[] q = adjustSorted(sorted, 1, p.length, 1.0);
        double[] result = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            result[order[i]] = q[i];
        }
        return result;
    }

    /**
     * q-values of p-values given as each distinct value once with how many tests have it: {@code distinct}
     * ascending, {@code counts[i]} the tests with p-value {@code distinct[i]}. Tied tests always share their q-value
     * (the smallest m p / rank among them is at the last of their ranks), so this equals {@link #adjustSorted} on
     * the whole list, value for value, while holding one entry per distinct p-value.
     */
    public static double[] adjustDistinct(double[] distinct, long[] counts) {
        long m = 0;
        long[] lastRank = new long[distinct.length];
        for (int i = 0; i < distinct.length; i++) {
            m += counts[i];
            lastRank[i] = m;
        }
        double[] q = new double[distinct.length];
        double running = 1.0;
        for (int i = distinct.length - 1; i >= 0; i--) {
            running = Math.min(running, m * distinct[i] / lastRank[i]);
            q[i] = running;
        }
        return q;
    }

    /**
     * q-values of a slice of the ascending p-values: {@code sorted[0]} has rank {@code firstRank} (1-based) of
     * {@code m} tests, and {@code later} is the smallest m p(j) / j over the ranks after the slice (1 when none).
     */
    public static double[] adjustSorted(double[] sorted, long firstRank, long m, double later) {
        double[] q = new double[sorted.length];
        double running = Math.min(1.0, later);
        for (int i = sorted.length - 1; i >= 0; i--) {
            running = Math.min(running, m * sorted[i] / (firstRank + i));
            q[i] = running;
        }
        return q;
    }
}
