package org.newslens.topics.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.newslens.text.StopWords;

/**
 * A document's terms as the models see them, from the {@code sentences.terms} arrays (one entry per token,
 * null for non-words): stop words and non-words dropped, plus each chosen two-word collocation where its
 * two words occur in a row in the same sentence.
 */
public final class DocTerms {
    private DocTerms() {}

    /** Content terms of one sentence, in order (no nulls, no stop words). */
    public static List<String> content(List<String> sentenceTerms) {
        List<String> content = new ArrayList<>();
        for (String term : sentenceTerms) {
            if (term != null && !StopWords.isStopTerm(term)) {
                content.add(term);
            }
        }
        return content;
    }

    /** Term counts of a document given its sentences' term arrays, in term order. */
    public static Map<String, Integer> counts(List<List<String>> sentences, Set<String> collocations) {
        Map<String, Integer> counts = new TreeMap<>();
        for (List<String> sentence : sentences) {
            String previous = null;
            for (String term : sentence) {
                boolean content = term != null && !StopWords.isStopTerm(term);
                if (content) {
                    counts.merge(term, 1, Integer::sum);
                    if (previous != null && !collocations.isEmpty()) {
                        String bigram = previous + " " + term;
                        if (collocations.contains(bigram)) {
                            counts.merge(bigram, 1, Integer::sum);
                        }
                    }
                }
                previous = content ? term : null;
            }
        }
        return counts;
    }
}
