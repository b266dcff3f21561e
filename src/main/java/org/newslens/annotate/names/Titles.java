package org.newslens.annotate.names;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.newslens.text.WordLists;

/** Honorifics and titles that precede names ({@code titles-en.txt}); compared in lower case, final period ignored. */
public final class Titles {
    private static final Set<String> WORDS = new HashSet<>(WordLists.lines(Titles.class, "titles-en.txt"));

    private Titles() {}

    public static boolean isTitle(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
        }
        return WORDS.contains(w);
    }
}
