package org.newslens.annotate.names;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.newslens.text.WordLists;

/**
 * Country names and their aliases ({@code countries-en.txt}: ISO 3166-1 names from the iso-codes project plus
 * common English short forms and demonyms). Full names match case-insensitively; short all-capital forms
 * ("US", "UK", "UAE") match only as written, so the pronoun "us" never becomes a country.
 */
public final class Countries {
    private static final Map<String, String> BY_NAME = new HashMap<>();
    private static final Map<String, String> BY_CODE = new HashMap<>();

    static {
        for (String line : WordLists.lines(Countries.class, "countries-en.txt")) {
            String[] parts = line.split("\t", -1);
            String canonical = parts[0];
            add(canonical, canonical);
            if (parts.length > 1 && !parts[1].isEmpty()) {
                for (String alias : parts[1].split("\\|")) {
                    add(alias, canonical);
                }
            }
        }
    }

    private Countries() {}

    private static void add(String alias, String canonical) {
        if (isCode(alias)) {
            BY_CODE.putIfAbsent(alias, canonical);
        } else {
            BY_NAME.putIfAbsent(alias.toLowerCase(Locale.ROOT), canonical);
        }
    }

    /** Short forms written in capitals, with or without periods: "US", "U.S.", "UAE". */
    private static boolean isCode(String alias) {
        String letters = alias.replace(".", "");
        return letters.length() <= 4 && letters.chars().allMatch(Character::isUpperCase);
    }

    /** The canonical country name for a name or alias (a leading "the" and a possessive already removed). */
    public static Optional<String> canonical(String name) {
        String code = BY_CODE.get(name);
        if (code != null) {
            return Optional.of(code);
        }
        if (isCode(name)) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }
}
