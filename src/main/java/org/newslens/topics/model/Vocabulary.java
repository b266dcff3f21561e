package org.newslens.topics.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The model vocabulary: terms in alphabetical order (so a term's index never depends on how ties in
 * frequency were broken or on partition order), each with its document frequency and idf
 * {@code ln((1 + N) / (1 + df)) + 1} (the terms job's formula).
 */
public record Vocabulary(List<String> terms, long[] df, double[] idf, long documents) implements Serializable {
    public int size() {
        return terms.size();
    }

    /** Builds it from (term, df) pairs already sorted by term. */
    public static Vocabulary of(List<String> sortedTerms, List<Long> dfs, long documents) {
        long[] df = new long[dfs.size()];
        double[] idf = new double[dfs.size()];
        for (int i = 0; i < df.length; i++) {
            df[i] = dfs.get(i);
            idf[i] = Math.log((1.0 + documents) / (1.0 + df[i])) + 1.0;
        }
        return new Vocabulary(new ArrayList<>(sortedTerms), df, idf, documents);
    }

    /** Fewest documents a term must be in: the setting, lowered for small corpora (1 below 40 documents). */
    public static long effectiveMinDf(int setting, long documents) {
        return Math.max(1, Math.min(setting, documents / 20));
    }

    /** Most documents a term may be in: the share of the corpus, at least 1. */
    public static long effectiveMaxDf(double share, long documents) {
        return Math.max(1, (long) Math.floor(share * documents));
    }
}
