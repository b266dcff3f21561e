package org.newslens.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Is an item (an entity, a pair) in more of this period's documents than its own history predicts? The exact
 * conditional test of two Poisson rates: with x of this period's n documents and h of the history's H documents
 * mentioning the item, under "same rate per document" x given x + h is Binomial(x + h, n / (n + H)), and the
 * one-sided p-value is P(X &gt;= x). Unlike plugging the history's rate in as if it were known, the test
 * allows for a short or thin history (an item never seen before is not a burst on one document), and needs
 * no pseudo-count.
 */
public final class BurstTest {
    private static final double LN10 = Math.log(10);

    private BurstTest() {}

    /** Documents expected this period at the history's rate: n h / H; NaN without history (H = 0). */
    public static double expected(long x, long h, long n, long historyDocs) {
        check(x, h, n, historyDocs);
        return historyDocs == 0 ? Double.NaN : (double) n * h / historyDocs;
    }

    /** One-sided p-value P(X &gt;= x), X ~ Binomial(x + h, n / (n + H)); 1 without history or without documents. */
    public static double pValue(long x, long h, long n, long historyDocs) {
        check(x, h, n, historyDocs);
        if (x == 0 || historyDocs == 0) {
            return 1.0;
        }
        double share = (double) n / (n + historyDocs);
        // P(X >= x) of Binomial(N, q) is the regularised incomplete beta I_q(x, N - x + 1).
        return Math.min(1.0, Beta.regularizedBeta(share, x, h + 1));
    }

    /**
     * -log10 of the p-value. Where the p-value underflows to 0, -log10 of the probability of exactly x
     * (computed in logs) stands in: the tail is at least that probability, so the score is at most this.
     */
    public static double score(long x, long h, long n, long historyDocs) {
        return score(pValue(x, h, n, historyDocs), x, h, n, historyDocs);
    }

    /** {@link #score(long, long, long, long)} from the p-value {@link #pValue} gave for the same counts. */
    public static double score(double p, long x, long h, long n, long historyDocs) {
        if (p > 0) {
            return p >= 1.0 ? 0.0 : -Math.log10(p);
        }
        double share = (double) n / (n + historyDocs);
        return -new BinomialDistribution(null, (int) Math.min(Integer.MAX_VALUE, x + h), share).logProbability((int) x)
                / LN10;
    }

    private static void check(long x, long h, long n, long historyDocs) {
        if (x < 0 || h < 0 || x > n || h > historyDocs) {
            throw new IllegalArgumentException(
                    "inconsistent counts: x=" + x + " of n=" + n + ", h=" + h + " of H=" + historyDocs);
        }
    }
}
