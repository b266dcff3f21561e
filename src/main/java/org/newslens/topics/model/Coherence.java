package org.newslens.topics.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NPMI topic coherence as gensim's {@code c_npmi}: boolean sliding windows of {@link #WINDOW} terms over each
 * document's content terms (stop words and non-words removed), P(w) and P(w1, w2) the shares of windows that
 * contain them, NPMI = log(P(w1,w2) + eps) / (P(w1) P(w2))) / -log(P(w1,w2) + eps), averaged over the pairs
 * of a topic's top terms. Counting is per document ({@link #countWindows}), so the corpus pass is a plain
 * sum of integer counts and does not depend on order. A two-word collocation counts as present at the
 * position where both its words occur in a row.
 */
public final class Coherence {
    public static final int WINDOW = 10;
    private static final double EPSILON = 1e-12;
    /** Key under which the number of windows is counted. */
    public static final String WINDOWS = "\u0000windows";

    private Coherence() {}

    /**
     * Adds to {@code counts} the windows of one document: the window count under {@link #WINDOWS}, each
     * target term under itself and each wanted pair under {@link #pairKey}.
     */
    public static void countWindows(
            List<String> contentTerms, Set<String> targets, Set<String> wantedPairs, Map<String, Long> counts) {
        int n = contentTerms.size();
        if (n == 0) {
            return;
        }
        List<List<String>> present = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> here = new ArrayList<>(2);
            String term = contentTerms.get(i);
            if (targets.contains(term)) {
                here.add(term);
            }
            if (i + 1 < n) {
                String bigram = term + " " + contentTerms.get(i + 1);
                if (targets.contains(bigram)) {
                    here.add(bigram);
                }
            }
            present.add(here);
        }
        int windows = Math.max(1, n - WINDOW + 1);
        counts.merge(WINDOWS, (long) windows, Long::sum);
        for (int start = 0; start < windows; start++) {
            Set<String> inWindow = new HashSet<>();
            for (int i = start; i < Math.min(n, start + WINDOW); i++) {
                inWindow.addAll(present.get(i));
            }
            if (inWindow.isEmpty()) {
                continue;
            }
            List<String> terms = new ArrayList<>(inWindow);
            for (int a = 0; a < terms.size(); a++) {
                counts.merge(terms.get(a), 1L, Long::sum);
                for (int b = a + 1; b < terms.size(); b++) {
                    String key = pairKey(terms.get(a), terms.get(b));
                    if (wantedPairs.contains(key)) {
                        counts.merge(key, 1L, Long::sum);
                    }
                }
            }
        }
    }

    /** Order-free key of a pair of terms. */
    public static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\u0001" + b : b + "\u0001" + a;
    }

    /** Whether a counted key is a {@link #pairKey}. */
    public static boolean isPairKey(String key) {
        return key.indexOf('\u0001') >= 0;
    }

    /** Every pair of each topic's terms. */
    public static Set<String> pairsOf(List<List<String>> topics) {
        Set<String> pairs = new HashSet<>();
        for (List<String> topic : topics) {
            for (int a = 0; a < topic.size(); a++) {
                for (int b = a + 1; b < topic.size(); b++) {
                    pairs.add(pairKey(topic.get(a), topic.get(b)));
                }
            }
        }
        return pairs;
    }

    /** Mean NPMI over the pairs of one topic's terms, from corpus window counts. */
    public static double npmi(List<String> topic, Map<String, Long> counts) {
        long windows = counts.getOrDefault(WINDOWS, 0L);
        if (windows == 0 || topic.size() < 2) {
            return 0;
        }
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < topic.size(); a++) {
            for (int b = a + 1; b < topic.size(); b++) {
                double pa = counts.getOrDefault(topic.get(a), 0L) / (double) windows;
                double pb = counts.getOrDefault(topic.get(b), 0L) / (double) windows;
                double pab = counts.getOrDefault(pairKey(topic.get(a), topic.get(b)), 0L) / (double) windows;
                double value;
                if (pa == 0 || pb == 0) {
                    value = 0; // a term never seen in a window says nothing about coherence
                } else {
                    value = Math.log((pab + EPSILON) / (pa * pb)) / -Math.log(pab + EPSILON);
                }
                sum += value;
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** Convenience for tests and small corpora: counts over many documents at once. */
    public static Map<String, Long> countAll(List<List<String>> docs, List<List<String>> topics) {
        Set<String> targets = new HashSet<>();
        topics.forEach(targets::addAll);
        Set<String> pairs = pairsOf(topics);
        Map<String, Long> counts = new HashMap<>();
        for (List<String> doc : docs) {
            countWindows(doc, targets, pairs, counts);
        }
        return counts;
    }
}
