package org.newslens.annotate.names;

import java.util.ArrayList;
import java.util.Arrays;
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
    private static final Set<String> INITIALS_SKIP = Set.of("of", "the", "and", "for", "on", "in", "&", "de", "du",
            "des", "la", "le", "al", "to", "at");

    private DocumentCanonicalizer() {
    }

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
        List<String> personNames = new ArrayList<>();
        List<String> multiWordNames = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            String name = names.get(i);
            if (words(name).length > 1) {
                addOnce(multiWordNames, name);
                if (MentionTypes.PERSON.equals(kept.get(i).type())) {
                    addOnce(personNames, name);
                }
            }
        }
        List<CanonicalMention> result = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            MentionSpan span = kept.get(i);
            String name = names.get(i);
            String resolved = resolve(name, span.type(), acronyms, personNames, multiWordNames);
            String linkKey = null;
            if (resolved.equals(name) && !isCountry(name)) {
                linkKey = linkKey(name, span.type());
            }
            result.add(new CanonicalMention(span, resolved, linkKey, offers(resolved, span.type(), span.text())));
        }
        return result;
    }

    private static String resolve(String name, String type, Map<String, String> acronyms, List<String> personNames,
            List<String> multiWordNames) {
        String defined = acronyms.get(name);
        if (defined != null) {
            return defined;
        }
        if (isAcronym(name)) {
            String only = null;
            for (String full : multiWordNames) {
                if (name.equals(initials(full))) {
                    if (only != null && !only.equals(full)) {
                        return name;
                    }
                    only = full;
                }
            }
            return only == null ? name : only;
        }
        if (isCountry(name) || MentionTypes.LOCATION.equals(type)) {
            return name; // a place named like a person's surname ("Lagos" beside "Amara Lagos") stays a place
        }
        String only = null;
        for (String full : personNames) {
            if (isProperPrefixOrSuffix(name, full)) {
                if (only != null) {
                    return name;
                }
                only = full;
            }
        }
        return only == null ? name : only;
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

    private static boolean isProperPrefixOrSuffix(String shortName, String full) {
        String[] s = words(shortName);
        String[] f = words(full);
        if (s.length >= f.length) {
            return false;
        }
        return Arrays.equals(s, Arrays.copyOfRange(f, 0, s.length))
                || Arrays.equals(s, Arrays.copyOfRange(f, f.length - s.length, f.length));
    }

    private static boolean isCountry(String name) {
        return Countries.canonical(name).map(name::equals).orElse(false);
    }

    private static String[] words(String name) {
        return name.split(" ");
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
