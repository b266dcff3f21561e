package org.newslens.topics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/** Word shingles of a document: every run of {@code size} consecutive words (all words, stop words included). */
public final class Shingles {
    private Shingles() {}

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

    /** Hashes are cut to 30 bits: MinHash (as MLlib's) takes elements below its prime, 2,038,074,743. */
    static final int HASH_BITS = 30;

    /**
     * The distinct hashes of the shingles (Murmur3, as MLlib's HashingTF, cut to {@value #HASH_BITS} bits),
     * ascending: the set that Jaccard similarity is taken on and MinHash signs.
     */
    public static int[] hashSet(List<String> shingles) {
        int[] hashes = new int[shingles.size()];
        for (int i = 0; i < hashes.length; i++) {
            byte[] bytes = shingles.get(i).getBytes(StandardCharsets.UTF_8);
            int hash = Murmur3_x86_32.hashUnsafeBytes(bytes, Platform.BYTE_ARRAY_OFFSET, bytes.length, 42);
            hashes[i] = hash >>> (Integer.SIZE - HASH_BITS);
        }
        return Arrays.stream(hashes).sorted().distinct().toArray();
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
