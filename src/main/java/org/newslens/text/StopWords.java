package org.newslens.text;

import java.util.HashSet;
import java.util.Set;

/**
 * The English stop-word list ({@code stopwords-en.txt}: Snowball's list plus clitics and news function
 * words, documented in the file). A token written in capitals ("US", "IT", "WHO") is an acronym, not the
 * stop word it spells.
 */
public final class StopWords {
    private static final Set<String> WORDS = load("stopwords-en.txt");

    private StopWords() {}

    /** Whether a lower-case term is on the list. */
    public static boolean isStopTerm(String term) {
        return term != null && WORDS.contains(term);
    }

    /** Whether a token is a stop word, given its surface text and its lower-case term. */
    public static boolean isStop(String tokenText, String term) {
        return isStopTerm(term) && !isAcronym(tokenText);
    }

    static boolean isAcronym(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 2;
    }

    public static Set<String> all() {
        return Set.copyOf(WORDS);
    }

    private static Set<String> load(String resource) {
        return new HashSet<>(WordLists.lines(StopWords.class, resource));
    }
}
