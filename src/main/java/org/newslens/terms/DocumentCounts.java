package org.newslens.terms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newslens.terms.NgramExtractor.Ngram;

/**
 * The counts of one document, added sentence by sentence: how often each term occurs (stop words included,
 * nulls for punctuation and numbers left out) and how often each n-gram {@link NgramExtractor} gives occurs.
 * Every statistic of the terms stage is a sum of these per-document counts (df counts the documents that have
 * a count), so they are all a document contributes.
 */
public final class DocumentCounts {
    private final Map<String, Integer> terms = new HashMap<>();
    private final Map<Ngram, Integer> ngrams = new HashMap<>();

    /** Adds one sentence's terms (one entry per token, null for punctuation and numbers). */
    public void addSentence(List<String> sentenceTerms) {
        for (String term : sentenceTerms) {
            if (term != null) {
                terms.merge(term, 1, Integer::sum);
            }
        }
        for (Ngram gram : NgramExtractor.extract(sentenceTerms)) {
            ngrams.merge(gram, 1, Integer::sum);
        }
    }

    /** Term frequency of each term in the document. */
    public Map<String, Integer> terms() {
        return terms;
    }

    /** Occurrences of each n-gram in the document. */
    public Map<Ngram, Integer> ngrams() {
        return ngrams;
    }
}
