package org.newslens.annotate.names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a mention's surface text into a name: straight apostrophes, single spaces, no possessive
 * ("Iran's" → "Iran"), no leading article ("the United Nations"), no leading honorifics or titles on a
 * person ("President Jane Roe" → "Jane Roe"), and country aliases mapped to the country's name
 * ("U.S." → "United States"). Returns null when nothing but a title or a possessive is left.
 */
public final class NameCleaner {
    // Quotes, brackets and separators that NER sometimes includes at the edge of a mention.
    private static final String OPENING = "\"'([{,;:-\u201C\u201D\u2018\u00AB\u2039";
    private static final String CLOSING = "\"')]},;:-\u201C\u201D\u2019\u00BB\u203A";
    /** Role nouns that follow an organisation's name ("the Health Ministry spokesperson"): not part of it. */
    private static final java.util.Set<String> TRAILING_ROLES = java.util.Set.of(
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "spokespeople",
            "official",
            "officials",
            "chief",
            "head",
            "envoy",
            "ambassador",
            "chairman",
            "chairwoman",
            "chairperson",
            "director",
            "minister");

    private NameCleaner() {}

    public static String clean(String surface, String type) {
        String text = surface.replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replaceAll("\\s+", " ")
                .strip();
        text = stripPossessive(stripEdgePunctuation(stripPossessive(text)));
        List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
        words.removeIf(String::isEmpty);
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase("the")) {
            words.remove(0);
        }
        if (MentionTypes.PERSON.equals(type)) {
            // Titles only precede person names; an organisation such as "General Motors" keeps its words.
            while (!words.isEmpty() && Titles.isTitle(words.get(0))) {
                words.remove(0);
            }
        }
        if (!MentionTypes.PERSON.equals(type)) {
            while (words.size() > 1
                    && TRAILING_ROLES.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
                words.remove(words.size() - 1);
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        String name = String.join(" ", words);
        if (!name.chars().anyMatch(Character::isLetter)) {
            return null;
        }
        return Countries.canonical(name).orElse(name);
    }

    private static String stripPossessive(String text) {
        if (text.equals("'s") || text.equals("'S")) {
            return "";
        }
        if (text.endsWith("'s") || text.endsWith("'S")) {
            return text.substring(0, text.length() - 2).strip();
        }
        if (text.endsWith("s'")) {
            return text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    private static String stripEdgePunctuation(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && OPENING.indexOf(text.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && CLOSING.indexOf(text.charAt(to - 1)) >= 0) {
            to--;
        }
        return text.substring(from, to).strip();
    }
}
