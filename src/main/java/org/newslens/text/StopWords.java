package org.newslens.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The English stop-word list ({@code stopwords-en.txt}: Snowball's list plus clitics and news function
 * words, documented in the file). A token written in capitals ("US", "IT", "WHO") is an acronym, not the
 * stop word it spells.
 */
public final class StopWords {
    private static final Set<String> WORDS = load("stopwords-en.txt");

    private StopWords() {
    }

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
        Set<String> words = new HashSet<>();
        try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
