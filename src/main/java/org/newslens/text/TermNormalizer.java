package org.newslens.text;

import java.util.Locale;

/**
 * Turns a token's lemma into a term: lower case, curly apostrophes made straight, and no term at all
 * (null) for tokens without a letter (punctuation, numbers, symbols).
 */
public final class TermNormalizer {
    private TermNormalizer() {}

    public static String term(String lemma) {
        if (lemma == null || lemma.isEmpty()) {
            return null;
        }
        boolean hasLetter = false;
        for (int i = 0; i < lemma.length() && !hasLetter; i++) {
            hasLetter = Character.isLetter(lemma.charAt(i));
        }
        if (!hasLetter) {
            return null;
        }
        return lemma.replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT);
    }
}
