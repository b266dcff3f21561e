package org.newslens.ingest.article;

import java.util.Locale;
import java.util.Set;

/**
 * Kicker lines: the label some sites print above a headline ("EXCLUSIVE", "BREAKING NEWS", "Analysis",
 * "OPINION:"). A line is a kicker when it is one of the general labels below (any case, optional colon),
 * or when it is short and written entirely in capitals (at most three words, no digits).
 */
public final class Kickers {
    private static final Set<String> LABELS = Set.of(
            "exclusive",
            "breaking",
            "breaking news",
            "just in",
            "developing",
            "developing story",
            "update",
            "updated",
            "live",
            "live updates",
            "analysis",
            "news analysis",
            "opinion",
            "op-ed",
            "editorial",
            "commentary",
            "comment",
            "column",
            "interview",
            "feature",
            "features",
            "explainer",
            "fact check",
            "special report",
            "investigation",
            "insight",
            "review",
            "watch",
            "video",
            "photos",
            "gallery",
            "podcast",
            "sponsored",
            "press release",
            "news",
            "world",
            "politics",
            "business",
            "sport",
            "sports");
    private static final int MAX_CAPS_WORDS = 3;

    private Kickers() {}

    public static boolean isKicker(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.length() > 40) {
            return false;
        }
        String label = trimmed.replaceAll("[:\\-\\u2013\\u2014|]+$", "").strip().toLowerCase(Locale.ROOT);
        if (LABELS.contains(label)) {
            return true;
        }
        return isShortAllCaps(trimmed);
    }

    /** Whether the line is one of the general kicker labels (never a headline by itself). */
    public static boolean isLabel(String line) {
        String label =
                line.strip().replaceAll("[:\\-\\u2013\\u2014|]+$", "").strip().toLowerCase(Locale.ROOT);
        return LABELS.contains(label);
    }

    private static boolean isShortAllCaps(String line) {
        boolean hasLetter = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isDigit(c) || Character.isLowerCase(c)) {
                return false;
            }
            hasLetter |= Character.isLetter(c);
        }
        return hasLetter && line.split("\\s+").length <= MAX_CAPS_WORDS;
    }
}
