package org.newslens.entities;

/**
 * Association scores of two entities a, b over N window instances (sentences or documents), from the
 * number of windows with a ({@code na}), with b ({@code nb}) and with both ({@code nab}). Natural logarithms.
 * <ul>
 * <li>PMI = ln(nab·N / (na·nb)): how many times more often the two appear together than if independent;
 *     favours rare pairs (two entities seen once, together, score highest).
 * <li>NPMI = PMI / −ln(nab/N), in [−1, 1]: 1 when they only ever appear together; comparable across pairs of
 *     different frequency.
 * <li>LLR, Dunning's G² = 2 Σ k·ln(k·N / (row·col)) over the 2×2 table: how surely the association is not
 *     chance; grows with evidence, so frequent strong pairs rank first.
 * <li>Jaccard = nab / (na + nb − nab): the share of windows with either entity that have both.
 * </ul>
 */
public final class CooccurrenceScores {
    private CooccurrenceScores() {
    }

    public static double pmi(long nab, long na, long nb, long n) {
        check(nab, na, nb, n);
        return Math.log((double) nab * n / ((double) na * nb));
    }

    public static double npmi(long nab, long na, long nb, long n) {
        check(nab, na, nb, n);
        if (nab == n) {
            return 1.0; // both in every window: perfect association, and −ln(1) = 0
        }
        return pmi(nab, na, nb, n) / -Math.log((double) nab / n);
    }

    public static double llr(long nab, long na, long nb, long n) {
        check(nab, na, nb, n);
        long k11 = nab;
        long k12 = na - nab;
        long k21 = nb - nab;
        long k22 = n - na - nb + nab;
        long row1 = na;
        long row2 = n - na;
        long col1 = nb;
        long col2 = n - nb;
        double g2 = term(k11, row1, col1, n) + term(k12, row1, col2, n) + term(k21, row2, col1, n)
                + term(k22, row2, col2, n);
        return Math.max(0.0, 2.0 * g2);
    }

    public static double jaccard(long nab, long na, long nb) {
        if (nab < 0 || nab > Math.min(na, nb)) {
            throw new IllegalArgumentException("need 0 <= nab <= min(na, nb), got " + nab + ", " + na + ", " + nb);
        }
        long union = na + nb - nab;
        return union == 0 ? 0.0 : (double) nab / union;
    }

    private static double term(long k, long row, long col, long n) {
        return k == 0 ? 0.0 : k * Math.log((double) k * n / ((double) row * col));
    }

    private static void check(long nab, long na, long nb, long n) {
        if (nab <= 0 || nab > Math.min(na, nb) || na + nb - nab > n) {
            throw new IllegalArgumentException("inconsistent counts nab=" + nab + " na=" + na + " nb=" + nb + " N=" + n);
        }
    }
}
