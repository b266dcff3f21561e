package org.newslens.annotate.names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical names for the mentions of one document, in this order:
 * <ol>
 * <li>clean each surface form ({@link NameCleaner}: titles, possessives, articles, country aliases);
 * <li>acronyms defined in the text, "Full Name (FN)" or "FN (Full Name)", name both forms after the full name;
 * <li>an all-capital word whose letters are the initials of exactly one multi-word name of the document
 *     resolves to it;
 * <li>a shorter name whose words begin or end exactly one longer person name of the document ("Roe",
 *     "Jane" → "Jane Roe"; "Kim" stays as it is when "Kim Dae Ho" and "Kim Min Ji" both occur) resolves to it,
 *     whether it appears before or after the full name.
 * </ol>
 * Names still short after this get a link key for the corpus-level pass; full names offer theirs.
 */
public final class DocumentCanonicalizer {
    private static final Pattern PAREN = Pattern.compile("\\G\\s*\\(\\s*([^()]{1,80}?)\\s*\\)");
    private static final Set<String> INITIALS_SKIP =
            Set.of("of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la", "le", "al", "to", "at");

    private DocumentCanonicalizer() {}

    /** The canonical mentions; spans that clean to nothing (a bare title, a lone possessive) are left out. */
    public static List<CanonicalMention> canonicalize(String docText, List<MentionSpan> spans) {
        List<MentionSpan> kept = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (MentionSpan span : spans) {
            String name = NameCleaner.clean(span.text(), span.type());
            if (name != null) {
                kept.add(span);
                names.add(name);
            }
        }
        Map<String, String> acronyms = definedAcronyms(docText, kept, names);
        Set<String> personNames = new LinkedHashSet<>();
        Set<String> multiWordNames = new LinkedHashSet<>();
        for (int i = 0; i < kept.size(); i++) {
            String name = names.get(i);
            if (words(name).length > 1) {
                multiWordNames.add(name);
                if (MentionTypes.PERSON.equals(kept.get(i).type())) {
                    personNames.add(name);
                }
            }
        }
        // Looked up by key rather than compared with every name, so a long document costs linear time.
        Map<String, Set<String>> byInitials = new HashMap<>();
        for (String full : multiWordNames) {
            byInitials
                    .computeIfAbsent(initials(full), k -> new LinkedHashSet<>())
                    .add(full);
        }
        Map<String, Set<String>> byPart = new HashMap<>();
        for (String full : personNames) {
            String[] f = words(full);
            for (int k = 1; k < f.length; k++) {
                byPart.computeIfAbsent(join(f, 0, k), x -> new LinkedHashSet<>())
                        .add(full);
                byPart.computeIfAbsent(join(f, f.length - k, f.length), x -> new LinkedHashSet<>())
                        .add(full);
            }
        }
        List<CanonicalMention> result = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            MentionSpan span = kept.get(i);
            String name = names.get(i);
            String resolved = resolve(name, span.type(), acronyms, byInitials, byPart);
            String linkKey = null;
            if (resolved.equals(name) && !isCountry(name)) {
                linkKey = linkKey(name, span.type());
            }
            result.add(new CanonicalMention(span, resolved, linkKey, offers(resolved, span.type(), span.text())));
        }
        return result;
    }

    /**
     * @param byInitials multi-word names of the document by their initials
     * @param byPart person names of the document by each proper prefix and suffix of their words
     */
    private static String resolve(
            String name,
            String type,
            Map<String, String> acronyms,
            Map<String, Set<String>> byInitials,
            Map<String, Set<String>> byPart) {
        String defined = acronyms.get(name);
        if (defined != null) {
            return defined;
        }
        if (isAcronym(name)) {
            return onlyOne(byInitials.get(name), name);
        }
        if (isCountry(name) || MentionTypes.LOCATION.equals(type)) {
            return name; // a place named like a person's surname ("Lagos" beside "Amara Lagos") stays a place
        }
        String[] w = words(name);
        return onlyOne(byPart.get(join(w, 0, w.length)), name);
    }

    /** The one candidate, or {@code name} itself when there is none or more than one. */
    private static String onlyOne(Set<String> candidates, String name) {
        return candidates != null && candidates.size() == 1
                ? candidates.iterator().next()
                : name;
    }

    private static String join(String[] words, int from, int to) {
        return String.join(" ", Arrays.asList(words).subList(from, to));
    }

    /** "Full Name (FN)" and "FN (Full Name)" where FN is an all-capital word. */
    static Map<String, String> definedAcronyms(String docText, List<MentionSpan> spans, List<String> names) {
        Map<String, String> acronyms = new LinkedHashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            Matcher m = PAREN.matcher(docText);
            m.region(spans.get(i).end(), docText.length());
            if (!m.lookingAt()) {
                continue;
            }
            String inside = m.group(1);
            String name = names.get(i);
            if (isAcronym(inside) && words(name).length > 1) {
                acronyms.putIfAbsent(inside, name);
            } else if (isAcronym(name)) {
                String full = NameCleaner.clean(inside, spans.get(i).type());
                if (full != null && words(full).length > 1 && !isAcronym(full)) {
                    acronyms.putIfAbsent(name, full);
                }
            }
        }
        return acronyms;
    }

    /** Key a short name leaves for the corpus-level pass, or null when it is a full name. */
    static String linkKey(String name, String type) {
        if (isAcronym(name)) {
            return "acr:" + name;
        }
        if (MentionTypes.PERSON.equals(type) && words(name).length == 1) {
            return "short:" + name.toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /** Keys this name can resolve: its first and last words for a person, its initials or defining acronym. */
    static List<String> offers(String name, String type, String surface) {
        Set<String> keys = new LinkedHashSet<>();
        String[] words = words(name);
        if (words.length > 1) {
            if (MentionTypes.PERSON.equals(type)) {
                keys.add("short:" + words[0].toLowerCase(Locale.ROOT));
                keys.add("short:" + words[words.length - 1].toLowerCase(Locale.ROOT));
            } else {
                String initials = initials(name);
                if (initials.length() >= 2) {
                    keys.add("acr:" + initials);
                }
            }
            String cleanedSurface = NameCleaner.clean(surface, type);
            if (cleanedSurface != null && isAcronym(cleanedSurface)) {
                keys.add("acr:" + cleanedSurface);
            }
        }
        return new ArrayList<>(keys);
    }

    static boolean isAcronym(String name) {
        if (name.length() < 2 || name.length() > 12 || name.contains(" ")) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            } else if (c != '.' && c != '&' && c != '-' && !Character.isDigit(c)) {
                return false;
            }
        }
        return letters >= 2;
    }

    /** Upper-case initials of a name's words, skipping short function words: "Bank of Ruritania" → "BR". */
    static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : words(name)) {
            if (!INITIALS_SKIP.contains(word.toLowerCase(Locale.ROOT)) && Character.isLetter(word.charAt(0))) {
                out.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return out.toString();
    }

    private static boolean isCountry(String name) {
        return Countries.canonical(name).map(name::equals).orElse(false);
    }

    private static String[] words(String name) {
        return name.split(" ");
    }
}
