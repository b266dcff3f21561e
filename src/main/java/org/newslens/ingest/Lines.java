package org.newslens.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Line-level helpers: splitting, the normalised key of a line, and the within-document cleaning. */
public final class Lines {
    private Lines() {
    }

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
        return line.strip().replaceAll("\\s+", " ").replace('\u2019', '\'').replace('\u2018', '\'')
                .replace('\u201c', '"').replace('\u201d', '"').toLowerCase(Locale.ROOT);
    }

    /** The 64-bit key of a line, for counting lines across the corpus. */
    public static long key(String line) {
        return Hashes.lineKey(normalize(line));
    }

    /** Whether the line carries any letter or digit (separators and blank lines are never "repeated"). */
    public static boolean hasContent(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isLetterOrDigit(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops web furniture ({@link WebFurniture}) and every later copy of a line already seen in the same
     * document (a photo caption printed twice keeps its first copy). Blank lines stay as paragraph breaks.
     */
    public static List<String> removeFurnitureAndRepeats(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.size());
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            if (line.isBlank()) {
                kept.add("");
                continue;
            }
            if (WebFurniture.isFurniture(line)) {
                continue;
            }
            if (hasContent(line) && !seen.add(normalize(line))) {
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
