package org.newslens.topics;

import java.util.List;
import org.newslens.config.CoreSettings;
import org.newslens.config.Setting;
import org.newslens.config.Settings;

/** Settings of the topics job: model, k, vocabulary, near-duplicates and trend periods. */
public final class TopicsSettings {
    private TopicsSettings() {}

    public static final Setting<String> MODEL = Setting.choice(
            "topics.model",
            "nmf",
            List.of("nmf", "kmeans"),
            "Topic model: nmf (non-negative matrix factorisation of tf-idf, seeded from the clusters) or kmeans "
                    + "(topics are the spherical k-means cluster centroids)");
    public static final Setting<String> K = Setting.checked(
                    "topics.k",
                    "auto",
                    "Number of topics and clusters: a whole number from 1, or auto (chosen by cosine silhouette over a "
                            + "small range that grows with the corpus; a tiny corpus gets a small k)",
                    TopicsSettings::checkK)
            .allowing("auto, or a whole number from 1");
    public static final Setting<Integer> K_MAX =
            Setting.integer("topics.k-max", 30, 2, 1000, "Largest k that auto tries");
    public static final Setting<Integer> SEED = Setting.integer(
            "topics.seed",
            42,
            0,
            Integer.MAX_VALUE,
            "Seed for the fitting sample, k-means++ restarts and MinHash; same input and seed give the same tables");
    public static final Setting<Integer> RESTARTS = Setting.integer(
            "topics.restarts",
            8,
            1,
            100,
            "Seeded k-means++ restarts of spherical k-means; the one with the best cosine objective is kept");
    public static final Setting<Integer> ITERATIONS =
            Setting.integer("topics.iterations", 100, 1, 10_000, "Most iterations of k-means and of NMF");
    public static final Setting<Integer> VOCAB_SIZE = Setting.integer(
            "topics.vocab-size",
            10_000,
            10,
            1_000_000,
            "Most terms in the model vocabulary (the most frequent that pass the document-frequency limits)");
    public static final Setting<Integer> MIN_DF = Setting.integer(
            "topics.min-df",
            5,
            1,
            Integer.MAX_VALUE,
            "Fewest documents a term must occur in (lowered automatically for corpora under 20 x this)");
    public static final Setting<Double> MAX_DF = Setting.decimal(
            "topics.max-df",
            0.5,
            0.01,
            1.0,
            "Largest share of documents a term may occur in; commoner terms are left out");
    public static final Setting<Integer> COLLOCATIONS = Setting.integer(
            "topics.collocations",
            300,
            0,
            100_000,
            "How many two-word collocations (highest llr in the collocations table) are used as terms; 0 for none");
    public static final Setting<Integer> FIT_DOCS = Setting.integer(
            "topics.fit-docs",
            20_000,
            10,
            10_000_000,
            "Most documents the models are fitted on (a seeded sample); every document is then scored");
    public static final Setting<Integer> TOP_TERMS =
            Setting.integer("topics.top-terms", 10, 3, 100, "Terms listed per topic (and used for its NPMI coherence)");
    public static final Setting<Boolean> EXCLUDE_DUPLICATES = Setting.bool(
            "topics.exclude-duplicates",
            true,
            "Leave near-duplicates out of the vocabulary and model fitting (they still get topics and clusters)");
    public static final Setting<Double> DUPLICATE_SIMILARITY = Setting.decimal(
            "topics.duplicate-similarity",
            0.8,
            0.05,
            1.0,
            "Least Jaccard similarity of word 3-shingles for a document to count as a near-duplicate");
    public static final Setting<Integer> DUPLICATE_MAX_BUCKET = Setting.integer(
            "topics.duplicate-max-bucket",
            200,
            2,
            1_000_000,
            "Most documents in one LSH bucket that are all compared pairwise; a larger bucket (mostly "
                    + "documents sharing boilerplate) only compares each document with its earliest one");
    public static final Setting<String> PERIOD =
            Setting.choice("topics.period", "month", List.of("day", "week", "month", "year"), "Period of topic_trends");

    public static final Setting<Boolean> REFIT = Setting.bool(
            "topics.refit",
            false,
            "With --mode append: fit the topic model anew on the whole corpus and match the new topics and clusters to "
                    + "the stored ones (a match keeps its id; the others get new ids and are marked new). Without it an "
                    + "append scores new and changed documents with the stored model, and the others keep their scores. A full run always fits");
    public static final Setting<Double> MATCH_MIN_COSINE = Setting.decimal(
            "topics.match-min-cosine",
            0.5,
            0.0,
            1.0,
            "Least cosine between the term weights of a refitted topic (or cluster) and a stored one for it to keep "
                    + "the stored id");

    /**
     * The settings that decide what the fitted model is (all but those about duplicates, output and matching): an
     * append without {@code topics.refit} keeps the stored model, so it must ask for the values it was fitted with.
     */
    public static List<Setting<?>> defining() {
        List<Setting<?>> notDefining =
                List.of(TOP_TERMS, DUPLICATE_SIMILARITY, DUPLICATE_MAX_BUCKET, PERIOD, REFIT, MATCH_MIN_COSINE);
        return all().stream().filter(s -> !notDefining.contains(s)).toList();
    }

    public static List<Setting<?>> all() {
        return List.of(
                MODEL,
                K,
                K_MAX,
                SEED,
                RESTARTS,
                ITERATIONS,
                VOCAB_SIZE,
                MIN_DF,
                MAX_DF,
                COLLOCATIONS,
                FIT_DOCS,
                TOP_TERMS,
                EXCLUDE_DUPLICATES,
                DUPLICATE_SIMILARITY,
                DUPLICATE_MAX_BUCKET,
                PERIOD,
                REFIT,
                MATCH_MIN_COSINE);
    }

    /** Whether this run keeps the stored topic model: an append that does not ask for a refit. */
    public static boolean keepsStoredModel(Settings settings) {
        return CoreSettings.isAppend(settings) && !settings.get(REFIT);
    }

    /** The requested k, or 0 for auto (the value was checked when the settings were parsed). */
    public static int requestedK(Settings settings) {
        String raw = settings.get(K).toLowerCase();
        return raw.equals("auto") ? 0 : Integer.parseInt(raw);
    }

    private static void checkK(String raw) {
        if (!raw.equalsIgnoreCase("auto") && !raw.matches("[1-9][0-9]{0,5}")) {
            throw new IllegalArgumentException("expected auto or a whole number from 1");
        }
    }
}
