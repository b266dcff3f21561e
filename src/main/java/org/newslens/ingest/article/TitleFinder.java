package org.newslens.ingest.article;

/**
 * Whether a line reads as a headline: short (at most 160 characters and 25 words), has a letter, is one
 * phrase rather than sentences (it does not end with a full stop and has no ". " inside) and is not just a date.
 */
public final class TitleFinder {
    static final int MAX_CHARS = 160;
    static final int MAX_WORDS = 25;
    private static final java.util.regex.Pattern MARKDOWN_OPENING = java.util.regex.Pattern.compile("^#{1,6}\\s+");
    private static final java.util.regex.Pattern MARKDOWN_CLOSING = java.util.regex.Pattern.compile("\\s+#+$");

    private TitleFinder() {}

    /** The line without markdown heading marks ("# Title" reads as "Title"). */
    public static String stripMarkdown(String line) {
        String text = line.strip();
        if (text.startsWith("#")) {
            text = MARKDOWN_CLOSING
                    .matcher(MARKDOWN_OPENING.matcher(text).replaceFirst(""))
                    .replaceFirst("")
                    .strip();
        }
        return text;
    }

    public static boolean isTitle(String line) {
        if (line.length() > MAX_CHARS + 10) {
            return false;
        }
        String text = stripMarkdown(line);
        if (text.length() < 3 || text.length() > MAX_CHARS || !Lines.hasContent(text)) {
            return false;
        }
        if (text.split("\\s+").length > MAX_WORDS) {
            return false;
        }
        if (text.endsWith(".") && !text.endsWith("...")) {
            return false;
        }
        if (text.matches(".*[a-z\\d\\p{Ll}]{2}[.!?][\"'\u201d\u2019]?\\s+\\p{Lu}.*")) {
            return false; // two sentences: a lead paragraph, not a headline
        }
        DateFinder.Found date = DateFinder.find(text);
        return date == null
                || Lines.hasContent(text.substring(0, date.start()) + text.substring(date.end()))
                        && !onlyDateWords(text, date);
    }

    private static boolean onlyDateWords(String text, DateFinder.Found date) {
        String rest = (text.substring(0, date.start()) + " " + text.substring(date.end()))
                .replaceAll(
                        "(?i)\\b(published|updated|posted|on|at|monday|tuesday|wednesday|thursday|friday"
                                + "|saturday|sunday|[ap]\\.?m\\.?|utc|gmt|\\d{1,2}:\\d{2})\\b",
                        " ");
        return !Lines.hasContent(rest);
    }
}
