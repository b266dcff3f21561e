package org.newslens.report;

import org.apache.commons.text.StringEscapeUtils;

/**
 * The one escaper for text from the corpus, in HTML text, double-quoted attributes and inline SVG alike:
 * commons-text's XML 1.0 escaping ({@code & < > " '} become entities, characters XML forbids are dropped).
 */
final class Html {
    private Html() {}

    static String escape(String text) {
        return text == null ? "" : StringEscapeUtils.escapeXml10(text);
    }

    /** Shortens long labels for charts (before escaping, so an entity is never cut in half). */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.codePointCount(0, text.length()) <= max
                ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }
}
