package org.newslens.text;

/** Character tests shared by the stages that look at raw text (ingest's lines, annotate's tokens). */
public final class Chars {
    private Chars() {}

    /** Whether the text carries any letter or digit (blank lines, separators and punctuation do not). */
    public static boolean hasLetterOrDigit(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
