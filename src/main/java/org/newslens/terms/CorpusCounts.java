package org.newslens.terms;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.newslens.terms.NgramExtractor.Ngram;

/**
 * Running sums over documents: for every term (a 1-gram) and n-gram, its occurrences and the number of
 * documents it occurs in. One task sums the documents it holds, so that it hands on one row per distinct gram
 * instead of one per (document, gram); partial sums of different tasks (or of one task, emptied with {@link
 * #drain} whenever it grows large) add up to the corpus counts.
 */
public final class CorpusCounts {
    /** Occurrences and documents of one gram. */
    public record Totals(long count, long documents) {}

    private final Map<Ngram, long[]> totals = new HashMap<>();

    /** Adds one document's counts. */
    public void add(DocumentCounts document) {
        document.terms().forEach((term, tf) -> add(unigram(term), tf));
        document.ngrams().forEach(this::add);
    }

    private void add(Ngram gram, int count) {
        long[] sums = totals.computeIfAbsent(gram, g -> new long[2]);
        sums[0] += count;
        sums[1]++;
    }

    /** A term as a 1-gram (never a collocation candidate). */
    public static Ngram unigram(String term) {
        return new Ngram(term, 1, false);
    }

    /** Distinct grams summed so far. */
    public int size() {
        return totals.size();
    }

    /** Hands every gram's sums to {@code sink} and starts again from zero. */
    public void drain(BiConsumer<Ngram, Totals> sink) {
        totals.forEach((gram, sums) -> sink.accept(gram, new Totals(sums[0], sums[1])));
        totals.clear();
    }
}
