package org.newslens.stats;

import org.apache.commons.math3.special.Erf;

/**
 * Keyness of a word (or entity) in a target against a reference, as corpus linguistics and quanteda's
 * {@code textstat_keyness(measure = "lr", correction = "none")} report it: Dunning's log-likelihood G² of the
 * 2x2 table (count in target, count in reference, the rest of each), signed positive when the target uses it
 * more than the reference; its p-value against chi-squared with one degree of freedom; and Hardie's log ratio,
 * the binary log of the ratio of relative frequencies (an effect size, independent of corpus size).
 */
public final class Keyness {
    /** Hardie's stand-in for a zero count in the log ratio. */
    private static final double ZERO_COUNT = 0.5;

    private Keyness() {}

    /** Signed G²: positive when countIn / totalIn exceeds countOut / totalOut. */
    public static double signedG2(long countIn, long countOut, long totalIn, long totalOut) {
        double g2 = Association.llr2x2(countIn, countOut, totalIn - countIn, totalOut - countOut);
        // Compare relative frequencies without dividing: countIn / totalIn > countOut / totalOut.
        boolean over = (double) countIn * totalOut > (double) countOut * totalIn;
        return over ? g2 : -g2;
    }

    /** P(chi-squared with one degree of freedom &gt;= |g2|) = erfc(sqrt(|g2| / 2)). */
    public static double pValue(double g2) {
        return Erf.erfc(Math.sqrt(Math.abs(g2) / 2));
    }

    /** log2((countIn / totalIn) / (countOut / totalOut)), a zero count read as 0.5. */
    public static double logRatio(long countIn, long countOut, long totalIn, long totalOut) {
        if (totalIn <= 0 || totalOut <= 0) {
            throw new IllegalArgumentException("totals must be positive: " + totalIn + ", " + totalOut);
        }
        double in = countIn == 0 ? ZERO_COUNT : countIn;
        double out = countOut == 0 ? ZERO_COUNT : countOut;
        return Math.log((in / totalIn) / (out / totalOut)) / Math.log(2);
    }
}
