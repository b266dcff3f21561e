package org.newslens.ingest.article;

/**
 * {@code documents.n_tokens}: a simple word count, the number of maximal runs of letters and digits
 * (Unicode; combining marks count as part of a run). So "U.S." counts 2, "don't" 2, "COVID-19" 2, and a
 * run of Chinese characters without spaces counts 1. It is a size measure, not the NLP tokenisation.
 */
public final class TokenCounter {
    private TokenCounter() {}

    public static int count(String text) {
        int count = 0;
        boolean inRun = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean word = Character.isLetterOrDigit(cp) || (inRun && isMark(cp));
            if (word && !inRun) {
                count++;
            }
            inRun = word;
            i += Character.charCount(cp);
        }
        return count;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
