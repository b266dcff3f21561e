package org.newslens.terms;

import org.newslens.stats.Association;

/**
 * Scores a collocation from its count and the corpus counts of its parts, as NLTK's association measures
 * do: every probability is a count over the number of tokens. A bigram "x y" is scored against the counts
 * of x and y. A trigram "x y z" takes PMI against x, y and z, and its log-likelihood from the 2x2 table of
 * the bigram "x y" followed (or not) by z.
 */
public final class CollocationScorer {
    /** PMI in bits and Dunning's G². */
    public record Scores(double pmi, double llr) {}

    private CollocationScorer() {}

    public static Scores bigram(long count, long first, long second, long tokens) {
        return new Scores(Association.pmi(count, first, second, tokens), Association.llr(count, first, second, tokens));
    }

    public static Scores trigram(long count, long first, long second, long third, long prefixBigram, long tokens) {
        return new Scores(
                Association.pmi3(count, first, second, third, tokens),
                Association.llr(count, prefixBigram, third, tokens));
    }
}
