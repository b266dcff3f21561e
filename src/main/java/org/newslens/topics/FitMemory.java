package org.newslens.topics;

import org.newslens.config.Settings;

/**
 * How much heap the driver needs for the topics fit, from the settings and the corpus size. The fit runs in the
 * driver on a sample of at most {@code topics.fit-docs} documents held as sparse tf-idf vectors; k-means keeps a
 * dense centroid matrix (k x vocabulary) per restart, with a copy laid out term by term and a bound per document
 * and centroid; NMF a few more.
 *
 * <p>Per vector entry: 12 bytes in the fitted sample (an int index and a double weight), estimated at 64 bytes
 * while the sample is collected (Spark's rows with boxed arrays and the vectors built from them exist at once).
 * Terms per document: assumed at most 600 distinct vocabulary terms on average, a long article's worth (the
 * sample corpus's articles, about 550 tokens each, have 185 distinct terms). Each entry needs at least one word
 * of text, and a word with its space takes at least 4 bytes on average, so a corpus has at most one entry per
 * 4 bytes: small corpora are not held to the large-corpus figure.
 */
public final class FitMemory {
    /** Spark's own driver needs: the 300 MiB it reserves, its scheduler, broadcasts and result buffers. */
    static final long SPARK_DRIVER_BYTES = 450L << 20;

    static final long TERMS_PER_DOCUMENT = 600;
    static final long BYTES_PER_ENTRY_WHILE_COLLECTING = 64;
    static final long BYTES_PER_DOCUMENT = 200;
    static final long BYTES_PER_WORD = 4;
    /** Dense k x vocabulary matrices alive at once: one per k-means restart, plus NMF's and the silhouette's. */
    static final int EXTRA_MATRICES = 4;

    private FitMemory() {}

    /** Heap bytes the driver needs for the fit with these settings on {@code corpusBytes} of input or documents. */
    public static long driverBytes(Settings settings, long corpusBytes) {
        int requestedK = TopicsSettings.requestedK(settings);
        long k = requestedK > 0 ? requestedK : settings.get(TopicsSettings.K_MAX);
        long vocabulary = settings.get(TopicsSettings.VOCAB_SIZE);
        long fitDocs = settings.get(TopicsSettings.FIT_DOCS);
        long entries =
                Math.min(fitDocs * Math.min(TERMS_PER_DOCUMENT, vocabulary), Math.max(0, corpusBytes) / BYTES_PER_WORD);
        long documents = Math.min(fitDocs, entries);
        long sample = documents * BYTES_PER_DOCUMENT + entries * BYTES_PER_ENTRY_WHILE_COLLECTING;
        int restarts = settings.get(TopicsSettings.RESTARTS);
        long matrices = 8L * k * (vocabulary * (2L * restarts + EXTRA_MATRICES) + documents * restarts);
        return SPARK_DRIVER_BYTES + sample + matrices;
    }

    /** The settings that drive the figure, for the message that asks for more memory or a smaller fit. */
    public static String describe(Settings settings) {
        return "topics.fit-docs = " + settings.get(TopicsSettings.FIT_DOCS) + ", topics.vocab-size = "
                + settings.get(TopicsSettings.VOCAB_SIZE) + ", topics.k = " + settings.get(TopicsSettings.K)
                + ", topics.k-max = " + settings.get(TopicsSettings.K_MAX) + ", topics.restarts = "
                + settings.get(TopicsSettings.RESTARTS);
    }
}
