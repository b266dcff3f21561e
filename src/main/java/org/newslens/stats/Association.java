package org.newslens.stats;

/**
 * Association scores of two events (a word pair, two entities) from counts, shared by collocations and
 * entity pairs. All take the joint count, the two marginal counts and the total number of trials.
 *
 * <ul>
 *   <li>PMI, in bits: how much more often the two occur together than if they were independent. High for
 *       rare, exclusive pairs; unreliable for tiny counts.</li>
 *   <li>NPMI: PMI divided by -log2 p(xy), in [-1, 1]; 1 means they only ever occur together. Comparable
 *       across pairs of different frequency.</li>
 *   <li>Dunning log-likelihood ratio (G²): evidence that the pair is not independent, growing with the
 *       amount of data; the score to rank frequent, reliable associations.</li>
 *   <li>Jaccard: share of the occasions of either that have both.</li>
 * </ul>
 */
public final class Association {
    private static final double LN2 = Math.log(2);

    private Association() {}

    /** log2( p(xy) / (p(x) p(y)) ) with p = count / n. */
    public static double pmi(long joint, long x, long y, long n) {
        check(joint, x, y, n);
        return log2((double) joint * n / ((double) x * y));
    }

    /** log2( p(xyz) / (p(x) p(y) p(z)) ) with p = count / n, for trigrams. */
    public static double pmi3(long joint, long x, long y, long z, long n) {
        return log2((double) joint * n * n / ((double) x * y * z));
    }

    /** PMI normalised by -log2 p(xy); 1 when p(xy) = 1. */
    public static double npmi(long joint, long x, long y, long n) {
        check(joint, x, y, n);
        double pJoint = (double) joint / n;
        if (pJoint >= 1.0) {
            return 1.0;
        }
        return pmi(joint, x, y, n) / -log2(pJoint);
    }

    /**
     * Dunning's log-likelihood ratio G² of the 2x2 table built from the joint count, the marginals and the
     * total: k11 = joint, k12 = x - joint, k21 = y - joint, k22 = n - x - y + joint.
     */
    public static double llr(long joint, long x, long y, long n) {
        check(joint, x, y, n);
        return llr2x2(joint, x - joint, y - joint, n - x - y + joint);
    }

    /** G² = 2 Σ k ln(k / E) of a 2x2 contingency table, written with entropies to avoid dividing by zero. */
    public static double llr2x2(long k11, long k12, long k21, long k22) {
        if (k11 < 0 || k12 < 0 || k21 < 0 || k22 < 0) {
            throw new IllegalArgumentException(
                    "negative cell in contingency table: " + k11 + ", " + k12 + ", " + k21 + ", " + k22);
        }
        long n = k11 + k12 + k21 + k22;
        double cells = xlogx(k11) + xlogx(k12) + xlogx(k21) + xlogx(k22);
        double rows = xlogx(k11 + k12) + xlogx(k21 + k22);
        double cols = xlogx(k11 + k21) + xlogx(k12 + k22);
        // Rounding can make an independent table's value a tiny negative number.
        return Math.max(0.0, 2.0 * (cells - rows - cols + xlogx(n)));
    }

    /** |x ∩ y| / |x ∪ y|. */
    public static double jaccard(long joint, long x, long y) {
        long union = x + y - joint;
        return union == 0 ? 0.0 : (double) joint / union;
    }

    /** Counts that cannot come from one sample (a pair seen more often than one of its parts) are a bug. */
    private static void check(long joint, long x, long y, long n) {
        if (joint <= 0 || joint > Math.min(x, y) || x + y - joint > n) {
            throw new IllegalArgumentException(
                    "inconsistent counts: joint=" + joint + " x=" + x + " y=" + y + " n=" + n);
        }
    }

    private static double xlogx(long k) {
        return k == 0 ? 0.0 : k * Math.log(k);
    }

    private static double log2(double value) {
        return Math.log(value) / LN2;
    }
}
