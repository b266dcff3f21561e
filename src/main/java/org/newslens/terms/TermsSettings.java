package org.newslens.terms;

import java.util.List;
import org.newslens.config.Setting;

/** Settings of the terms job. */
public final class TermsSettings {
    private TermsSettings() {}

    public static final Setting<Integer> KEYWORDS = Setting.integer(
            "terms.keywords", 10, 1, 1000, "Keywords kept per document in doc_keywords (top tf-idf terms)");
    public static final Setting<Integer> COLLOCATION_MIN_COUNT = Setting.integer(
            "terms.collocation-min-count",
            3,
            1,
            Integer.MAX_VALUE,
            "Fewest occurrences in the corpus for a bigram or trigram to be a collocation");

    public static List<Setting<?>> all() {
        return List.of(KEYWORDS, COLLOCATION_MIN_COUNT);
    }
}
