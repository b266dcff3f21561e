package org.newslens.ingest.article;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication's name where news text commonly states it:
 * <ul>
 * <li>a wire dateline: {@code PLACE[, date] (Outlet) -} as in "LONDON (Reuters) -" or "PARIS, May 3 (AFP) —";</li>
 * <li>a name before the date of a dateline or date line: "Outlet Name, March 3, 2021 —", "Outlet | March 3, 2021".
 * The name must not be all capitals (wire style writes the place that way), a country, a weekday or a label
 * such as "By ..."/"Published". Limitation: a city written in title case in that position reads as an outlet;</li>
 * <li>a sign-off as the last line: "Source: Outlet", or a short name (at most five capitalised words, no
 * digits, no closing punctuation) that looks like a publication: it has an acronym of capitals, a common
 * publication word (News, Times, Post, Agency, ...) or a web domain. A person's name alone does not qualify.</li>
 * </ul>
 */
public final class OutletFinder {
    private static final Pattern WIRE = Pattern.compile(
            "^\\p{Lu}[\\p{Lu}\\p{M} .'\u2019-]*\\p{Lu}\\.?(?:,\\s*[^()\\n]{1,40}?)?\\s*\\((\\p{Lu}[^()]{1,40})\\)\\s*[-\u2013\u2014]");
    private static final Pattern LEADING_DASH = Pattern.compile("^[-\u2013\u2014]+\\s*");
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "^(?:source|via|courtesy of)\\s*[:\\-\u2013\u2014]?\\s+(\\p{Lu}.{1,49})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_WORD =
            Pattern.compile("\\p{Lu}[\\p{L}\\p{M}'\u2019.&-]*|&|of|the|and|for|de|al|el|la|le");
    private static final Pattern ACRONYM = Pattern.compile("\\b\\p{Lu}{2,}\\b");
    private static final Pattern DOMAIN = Pattern.compile(
            "\\b(?:[\\w-]+\\.)+(?:com|org|net|news|info|co|tv|ir|cn|ru|uk|in)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> PUBLICATION_WORDS = Set.of(
            "news",
            "times",
            "post",
            "press",
            "agency",
            "daily",
            "journal",
            "herald",
            "tribune",
            "gazette",
            "observer",
            "guardian",
            "telegraph",
            "express",
            "mail",
            "review",
            "media",
            "tv",
            "television",
            "radio",
            "network",
            "online",
            "wire",
            "report",
            "today",
            "chronicle",
            "monitor",
            "insider",
            "mirror",
            "star",
            "sun",
            "independent",
            "standard",
            "weekly",
            "magazine",
            "digest",
            "broadcasting",
            "channel",
            "english",
            "international",
            "world",
            "courier",
            "dispatch",
            "bulletin",
            "record",
            "voice",
            "politico",
            "economist",
            "reporter");
    private static final Set<String> NOT_NAMES = Set.of(
            "by",
            "published",
            "updated",
            "posted",
            "date",
            "last updated",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "on",
            "at",
            "photo",
            "image");
    private static final Set<String> COUNTRIES = countries();

    private OutletFinder() {}

    /** The outlet named by a wire dateline at the start of the line, or null. */
    public static String fromWireDateline(String line) {
        String start = line.strip();
        Matcher m = WIRE.matcher(start.length() > 120 ? start.substring(0, 120) : start);
        return m.find() ? m.group(1).strip() : null;
    }

    /** The outlet named before a date that starts at {@code dateStart} of the line, or null. */
    public static String beforeDate(String line, int dateStart) {
        String prefix = line.substring(0, dateStart)
                .strip()
                .replaceAll("[,|:\\-\u2013\u2014\u00b7\u2022]+$", "")
                .strip();
        if (prefix.isEmpty() || prefix.length() > 50 || prefix.matches(".*\\d.*")) {
            return null;
        }
        String lower = prefix.toLowerCase(Locale.ROOT);
        String firstWord = lower.split("[\\s,:]+")[0];
        if (NOT_NAMES.contains(lower) || NOT_NAMES.contains(firstWord) || COUNTRIES.contains(lower)) {
            return null;
        }
        if (prefix.equals(prefix.toUpperCase(Locale.ROOT))
                && !DOMAIN.matcher(prefix).find()) {
            return null; // "BEIJING, May 3 —": a place in wire style
        }
        String[] words = prefix.split("\\s+");
        if (words.length > 6 || !Character.isUpperCase(prefix.codePointAt(0))) {
            return null;
        }
        for (String word : words) {
            if (!NAME_WORD.matcher(word).matches()) {
                return null;
            }
        }
        return prefix;
    }

    /** The outlet named by a sign-off line (the last line of an article), or null. */
    public static String fromSignOff(String line) {
        String text = LEADING_DASH.matcher(line.strip()).replaceFirst("");
        Matcher source = SOURCE_LINE.matcher(text);
        if (source.matches()) {
            return source.group(1).strip().replaceAll("[.]$", "");
        }
        if (text.length() <= 60 && DOMAIN.matcher(text).matches()) {
            return text; // "- example-news.com"
        }
        if (text.length() < 2
                || text.length() > 40
                || text.matches(".*\\d.*")
                || text.matches(".*[.!?:;,\"\u201d)]$")) {
            return null;
        }
        String[] words = text.split("\\s+");
        if (words.length > 5 || !Character.isUpperCase(text.codePointAt(0))) {
            return null;
        }
        boolean publicationLike =
                ACRONYM.matcher(text).find() || DOMAIN.matcher(text).find();
        for (String word : words) {
            if (!NAME_WORD.matcher(word).matches() && !DOMAIN.matcher(word).matches()) {
                return null;
            }
            publicationLike |= PUBLICATION_WORDS.contains(word.toLowerCase(Locale.ROOT));
        }
        return publicationLike ? text : null;
    }

    private static Set<String> countries() {
        Set<String> names = new HashSet<>();
        for (String code : Locale.getISOCountries()) {
            names.add(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
