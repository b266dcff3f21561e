package org.newslens.ingest.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses a plain-text (or markdown) article: removes web furniture and repeated lines, then reads the header
 * (kicker lines, a title, a date and an outlet near the top) and a sign-off naming the outlet at the end.
 * Title, kicker, date-only and sign-off lines are taken out of the body; a dateline that starts the first
 * paragraph ("Outlet, March 3, 2021 — Text ...") stays in it.
 */
public final class PlainTextParser {
    /** How many non-blank lines after the title are searched for a date and a dateline. */
    static final int HEADER_LINES = 4;

    private static final int MAX_KICKERS = 2;
    private static final int MAX_META_LINE_CHARS = 100;
    private static final int MAX_DATELINE_OFFSET = 60;
    private static final int DATE_SCAN_CHARS = 120;
    private static final Pattern AFTER_DATELINE_DATE = Pattern.compile(
            "^\\s*(?:\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[A-Z]{2,4})?\\s*)?(?:\\([^()]{1,40}\\)\\s*)?[-\u2013\u2014|]");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\([^)]*\\)");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]+)\\]\\([^)]*\\)");
    private static final Pattern MARKDOWN_EMPHASIS =
            Pattern.compile("(?<![\\w*])(\\*\\*|__|\\*|_)(\\S(?:.*?\\S)?)\\1(?![\\w*])");

    private PlainTextParser() {}

    public static ParsedArticle parse(String text, boolean markdown) {
        List<String> lines = Lines.split(text);
        if (markdown) {
            lines.replaceAll(PlainTextParser::plainMarkdown);
        }
        lines = new ArrayList<>(Lines.removeFurnitureAndRepeats(lines));

        String title = null;
        int first = nextNonBlank(lines, 0);
        int candidate = first;
        int kickers = 0;
        while (candidate >= 0
                && kickers < MAX_KICKERS
                && Kickers.isKicker(lines.get(candidate))
                && nextNonBlank(lines, candidate + 1) >= 0) {
            candidate = nextNonBlank(lines, candidate + 1);
            kickers++;
        }
        int bodyStart = first;
        if (kickers > 0 && !TitleFinder.isTitle(lines.get(candidate))) {
            // No headline after the capitals: the last all-caps line that is not a known label was the headline
            // ("PORT STRIKE ENDS" above the lead paragraph).
            int previous = first;
            for (int i = first; i < candidate; i++) {
                if (!lines.get(i).isBlank() && !Kickers.isLabel(lines.get(i))) {
                    previous = i;
                }
            }
            if (!Kickers.isLabel(lines.get(previous))) {
                candidate = previous;
            }
        }
        if (candidate >= 0 && TitleFinder.isTitle(lines.get(candidate)) && nextNonBlank(lines, candidate + 1) >= 0) {
            title = TitleFinder.stripMarkdown(lines.get(candidate));
            for (int i = first; i <= candidate; i++) {
                lines.set(i, "");
            }
            bodyStart = candidate + 1;
        } else {
            // Without a headline, a label such as EXCLUSIVE above the lead paragraph is still not article text.
            for (int i = Math.max(first, 0); i < lines.size() && i <= candidate && i >= 0; i++) {
                if (Kickers.isLabel(lines.get(i)) && nextNonBlank(lines, i + 1) >= 0) {
                    lines.set(i, "");
                }
            }
        }

        LocalDate published = null;
        String outlet = null;
        int seen = 0;
        for (int i = Math.max(0, bodyStart); i >= 0 && i < lines.size() && seen < HEADER_LINES; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            seen++;
            if (outlet == null) {
                outlet = OutletFinder.fromWireDateline(line);
            }
            if (published != null) {
                continue;
            }
            // A usable date starts within MAX_DATELINE_OFFSET or sits on a short line: no need to scan further.
            DateFinder.Found date =
                    DateFinder.find(line.length() > DATE_SCAN_CHARS ? line.substring(0, DATE_SCAN_CHARS) : line);
            if (date == null) {
                continue;
            }
            boolean metaLine = line.strip().length() <= MAX_META_LINE_CHARS && !hasSentenceInside(line);
            boolean dateline = date.start() <= MAX_DATELINE_OFFSET
                    && AFTER_DATELINE_DATE.matcher(line.substring(date.end())).find();
            if (!metaLine && !dateline) {
                continue; // a date in running text (a photo caption, a quote) says nothing about publication
            }
            published = date.date();
            if (outlet == null) {
                outlet = OutletFinder.beforeDate(line, date.start());
            }
            if (metaLine && !dateline) {
                lines.set(i, "");
            }
        }

        int last = lastNonBlank(lines);
        if (last >= 0 && last > nextNonBlank(lines, 0)) {
            String signedBy = OutletFinder.fromSignOff(lines.get(last));
            if (signedBy != null) {
                lines.set(last, "");
                if (outlet == null) {
                    outlet = signedBy;
                }
            }
        }
        return new ParsedArticle(title, published, outlet, lines);
    }

    /** A markdown line as plain text: heading marks, images and emphasis marks dropped, links kept as their text. */
    static String plainMarkdown(String line) {
        String text = MARKDOWN_HEADING.matcher(line).replaceFirst("");
        if (text.indexOf('[') >= 0) {
            text = MARKDOWN_IMAGE.matcher(text).replaceAll("");
            text = MARKDOWN_LINK.matcher(text).replaceAll("$1");
        }
        if (text.indexOf('*') >= 0 || text.indexOf('_') >= 0) {
            text = MARKDOWN_EMPHASIS.matcher(text).replaceAll("$2");
        }
        return text;
    }

    private static boolean hasSentenceInside(String line) {
        return line.strip().matches(".*\\p{Ll}{2}[.!?]\\s+\\p{Lu}.*");
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int lastNonBlank(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
