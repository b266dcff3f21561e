package org.newslens.terms;

import java.util.ArrayList;
import java.util.List;
import org.newslens.text.StopWords;

/**
 * The n-grams of one sentence's terms (one entry per token, null for punctuation and numbers). An n-gram
 * never spans a null, so it never crosses punctuation. Collocation candidates neither start nor end with
 * a stop word ("secretary of state" is one, "of the" is not).
 */
public final class NgramExtractor {
    /** An n-gram: its words joined by single spaces, its length, and whether it may be a collocation. */
    public record Ngram(String text, int n, boolean candidate) {}

    private NgramExtractor() {}

    /**
     * The n-grams the collocation scores need: every bigram that starts with a content word (a candidate, or
     * the prefix "x y" of a candidate trigram "x y z", whose count is a marginal of the trigram's score) and
     * every candidate trigram. Bigrams that start with a stop word are neither and are not produced.
     */
    public static List<Ngram> extract(List<String> terms) {
        List<Ngram> grams = new ArrayList<>();
        for (int i = 0; i + 1 < terms.size(); i++) {
            String first = terms.get(i);
            String second = terms.get(i + 1);
            if (first == null || second == null) {
                continue;
            }
            if (StopWords.isStopTerm(first)) {
                continue;
            }
            grams.add(new Ngram(first + " " + second, 2, !StopWords.isStopTerm(second)));
            if (i + 2 < terms.size()) {
                String third = terms.get(i + 2);
                if (third != null && !StopWords.isStopTerm(third)) {
                    grams.add(new Ngram(first + " " + second + " " + third, 3, true));
                }
            }
        }
        return grams;
    }
}
