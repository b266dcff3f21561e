package org.newslens.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newslens.text.Chars;
import org.newslens.text.StopWords;

/**
 * The parts of a sentence worth running the NER model on. The 3-class model's entities (people,
 * organisations, places) are written with a capital letter in edited English, so only tokens with an upper-case
 * letter can start an entity; each such candidate gets {@code context} tokens either side (the CRF reads its
 * neighbours), and windows that overlap or touch are merged. A capitalised stop word opening the sentence ("The",
 * "In") and the pronoun "I" are capitalised by grammar, not because they name something, so they are not
 * candidates.
 */
public final class CandidateWindows {
    private CandidateWindows() {}

    /** A half-open token range [start, end) of a sentence. */
    public record Window(int start, int end) {}

    /** The merged candidate windows of a sentence's words, in order; empty when no word is a candidate. */
    public static List<Window> of(List<String> words, int context) {
        List<Window> windows = new ArrayList<>();
        boolean seenWord = false;
        int start = -1;
        int end = -1;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean sentenceStart = !seenWord;
            seenWord |= Chars.hasLetterOrDigit(word);
            if (!isCandidate(word, sentenceStart)) {
                continue;
            }
            int from = Math.max(0, i - context);
            int to = Math.min(words.size(), i + context + 1);
            if (start >= 0 && from <= end) {
                end = Math.max(end, to);
            } else {
                if (start >= 0) {
                    windows.add(new Window(start, end));
                }
                start = from;
                end = to;
            }
        }
        if (start >= 0) {
            windows.add(new Window(start, end));
        }
        return windows;
    }

    /** Whether a word could begin or be part of a named entity; {@code sentenceStart}: no word precedes it. */
    static boolean isCandidate(String word, boolean sentenceStart) {
        if (!hasUpperCase(word) || word.equals("I")) {
            return false;
        }
        return !(sentenceStart && StopWords.isStop(word, word.toLowerCase(Locale.ROOT)));
    }

    private static boolean hasUpperCase(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                return true;
            }
        }
        return false;
    }
}
