package org.newslens.ingest.article;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calendar dates written in the common English news formats: "February 14, 2023", "Feb. 14, 2023",
 * "Feb 14 2023", "14 February 2023", "14th Feb. 2023", "2023-02-14" (also with a time, or with / or .).
 * Numeric day/month orders other than year-first are ambiguous (02/03/2023) and are not read.
 */
public final class DateFinder {
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "(\\d{4})";
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b" + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("\\b" + DAY + "\\s+" + MONTH + ",?\\s+" + YEAR + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("\\b(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d])");
    private static final int MIN_YEAR = 1800;
    private static final int MAX_YEAR = 2100;

    private DateFinder() {}

    /** A date found in a line: where it starts and ends, and its value. */
    public record Found(LocalDate date, int start, int end) {}

    /** The earliest valid date in the text, or null. */
    public static Found find(String text) {
        Found best = null;
        best = earliest(best, matchNamed(MONTH_DAY_YEAR.matcher(text), 1, 2, 3));
        best = earliest(best, matchNamed(DAY_MONTH_YEAR.matcher(text), 2, 1, 3));
        best = earliest(best, matchNumeric(YEAR_MONTH_DAY.matcher(text)));
        return best;
    }

    /**
     * A value from a {@code published}/{@code date} column: an ISO date or timestamp, or any format above;
     * null when nothing in it reads as a date.
     */
    public static LocalDate parseValue(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Found found = find(value.trim());
        return found == null ? null : found.date();
    }

    private static Found earliest(Found a, Found b) {
        if (a == null) {
            return b;
        }
        return b != null && b.start() < a.start() ? b : a;
    }

    private static Found matchNamed(Matcher m, int monthGroup, int dayGroup, int yearGroup) {
        while (m.find()) {
            LocalDate date = date(
                    Integer.parseInt(m.group(yearGroup)),
                    month(m.group(monthGroup)),
                    Integer.parseInt(m.group(dayGroup)));
            if (date != null) {
                return new Found(date, m.start(), m.end());
            }
        }
        return null;
    }

    private static Found matchNumeric(Matcher m) {
        while (m.find()) {
            LocalDate date =
                    date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            if (date != null) {
                return new Found(date, m.start(), m.end());
            }
        }
        return null;
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return switch (prefix) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    private static LocalDate date(int year, int month, int day) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
