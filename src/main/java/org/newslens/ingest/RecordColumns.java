package org.newslens.ingest;

import java.util.List;
import java.util.Locale;

/**
 * The column (CSV, Parquet) or key (JSON) names a record may use, matched case-insensitively: {@code id},
 * {@code title}, {@code text} (or {@code body}, or {@code content}), {@code published} (or {@code date}),
 * {@code outlet} (or {@code source}) and {@code url}. A record's values are held in one slot per name; where a
 * field has several names the first one with a value wins, in the order listed.
 */
final class RecordColumns {
    static final List<String> NAMES =
            List.of("id", "title", "text", "body", "content", "published", "date", "outlet", "source", "url");
    static final List<String> TEXT_NAMES = List.of("text", "body", "content");

    private RecordColumns() {}

    /** The slot of a column name (any case, surrounding blanks ignored), or -1 for a column that is not read. */
    static int slot(String name) {
        return name == null ? -1 : NAMES.indexOf(name.strip().toLowerCase(Locale.ROOT));
    }

    static boolean isText(int slot) {
        return slot >= 0 && TEXT_NAMES.contains(NAMES.get(slot));
    }

    /** The first two names that fill the same slot (e.g. "text" and "TEXT"), as "a and b", or null when none. */
    static String ambiguity(List<String> names) {
        String[] seen = new String[NAMES.size()];
        for (String name : names) {
            int slot = slot(name);
            if (slot < 0) {
                continue;
            }
            if (seen[slot] != null) {
                return "'" + seen[slot] + "' and '" + name + "'";
            }
            seen[slot] = name;
        }
        return null;
    }

    /** The values of one record by slot, and the RAW row fields they give. */
    static final class Values {
        private final String[] bySlot = new String[NAMES.size()];

        void set(int slot, String value) {
            bySlot[slot] = value;
        }

        private String first(String... names) {
            for (String name : names) {
                String value = bySlot[NAMES.indexOf(name)];
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        String id() {
            return first("id");
        }

        String title() {
            return first("title");
        }

        String text() {
            return first("text", "body", "content");
        }

        String published() {
            return first("published", "date");
        }

        String outlet() {
            return first("outlet", "source");
        }

        String url() {
            return first("url");
        }
    }
}
