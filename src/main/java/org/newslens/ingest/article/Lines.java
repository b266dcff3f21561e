package org.newslens.ingest.article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.newslens.text.Chars;

/** Line-level helpers: splitting, the normalised key of a line, and the within-document cleaning. */
public final class Lines {
    private Lines() {}

    /** Splits on any line break, dropping trailing whitespace of each line and the BOM character. */
    public static List<String> split(String text) {
        String normalized = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        for (String line : normalized.split("\n", -1)) {
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    /** What two lines must share to count as the same line: case, spacing and curly quotes ignored. */
    public static String normalize(String line) {
        // One pass (this runs on every line of the corpus): trim, collapse whitespace, fold quotes and case.
        StringBuilder out = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(
                    switch (c) {
                        case '\u2018', '\u2019' -> '\'';
                        case '\u201c', '\u201d' -> '"';
                        default -> Character.toLowerCase(c);
                    });
        }
        return out.toString();
    }

    /** The 64-bit key of a line, for counting lines across the corpus. */
    public static long key(String line) {
        // The FNV-1a hash of normalize(line), computed without building the normalised string.
        long hash = Hashes.FNV_OFFSET;
        boolean space = false;
        boolean started = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = started;
                continue;
            }
            if (space) {
                hash = Hashes.fnvStep(hash, ' ');
                space = false;
            }
            started = true;
            hash = Hashes.fnvStep(
                    hash,
                    switch (c) {
                        case '\u2018', '\u2019' -> '\'';
                        case '\u201c', '\u201d' -> '"';
                        default -> Character.toLowerCase(c);
                    });
        }
        return hash;
    }

    /** Whether the line carries any letter or digit (separators and blank lines are never "repeated"). */
    public static boolean hasContent(String line) {
        return Chars.hasLetterOrDigit(line);
    }

    /**
     * Drops web furniture ({@link WebFurniture}) and every later copy of a line already seen in the same
     * document (a photo caption printed twice keeps its first copy). Blank lines stay as paragraph breaks.
     */
    public static List<String> removeFurnitureAndRepeats(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.size());
        Set<Long> seen = new HashSet<>();
        for (String line : lines) {
            if (line.isBlank()) {
                kept.add("");
                continue;
            }
            if (WebFurniture.isFurniture(line)) {
                continue;
            }
            if (hasContent(line) && !seen.add(key(line))) {
                continue;
            }
            kept.add(line);
        }
        return kept;
    }

    /** Joins lines back to text: runs of blank lines become one paragraph break, ends trimmed. */
    public static String join(List<String> lines) {
        StringBuilder out = new StringBuilder();
        boolean pendingBreak = false;
        for (String line : lines) {
            if (line.isBlank()) {
                pendingBreak = out.length() > 0;
                continue;
            }
            if (out.length() > 0) {
                out.append(pendingBreak ? "\n\n" : "\n");
            }
            out.append(line);
            pendingBreak = false;
        }
        return out.toString();
    }
}
