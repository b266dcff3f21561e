package org.newslens.ingest.article;

/**
 * Cuts a text that is longer than the limit at the last paragraph break, else the last sentence end, else the
 * last space in the second half of the allowed length; never inside a surrogate pair.
 */
public final class Truncator {
    private Truncator() {}

    /** The text unchanged when it fits, otherwise its cut prefix (at most {@code maxChars} chars). */
    public static String truncate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int floor = maxChars / 2;
        int cut = text.lastIndexOf("\n\n", maxChars);
        if (cut < floor) {
            cut = lastSentenceEnd(text, maxChars, floor);
        }
        if (cut < floor) {
            cut = lastSpace(text, maxChars, floor);
        }
        if (cut < floor) {
            cut = maxChars;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
        }
        return text.substring(0, cut).stripTrailing();
    }

    private static int lastSentenceEnd(String text, int limit, int floor) {
        for (int i = limit - 1; i >= floor; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '\u3002')
                    && i + 1 < text.length()
                    && (Character.isWhitespace(text.charAt(i + 1)) || c == '\u3002')) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int lastSpace(String text, int limit, int floor) {
        for (int i = limit; i >= floor; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
