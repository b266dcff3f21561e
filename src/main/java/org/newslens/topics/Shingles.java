package org.newslens.topics;

import java.util.ArrayList;
import java.util.List;

/** Word shingles of a document: every run of {@code size} consecutive words (all words, stop words included). */
public final class Shingles {
    private Shingles() {
    }

    /** The shingles of the document's words in order; a document shorter than {@code size} is one shingle. */
    public static List<String> of(List<List<String>> sentences, int size) {
        List<String> words = new ArrayList<>();
        for (List<String> sentence : sentences) {
            for (String term : sentence) {
                if (term != null) {
                    words.add(term);
                }
            }
        }
        List<String> shingles = new ArrayList<>();
        if (words.isEmpty()) {
            return shingles;
        }
        if (words.size() < size) {
            shingles.add(String.join(" ", words));
            return shingles;
        }
        for (int i = 0; i + size <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + size)));
        }
        return shingles;
    }

    /** |a ∩ b| / |a ∪ b| of two ascending sets of hashed shingles; 0 when both are empty. */
    public static double jaccard(int[] a, int[] b) {
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 0 : (double) common / union;
    }
}
