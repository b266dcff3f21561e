package org.newslens.topics;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/**
 * MinHash signatures of shingle sets, in a primitive loop. MLlib's MinHashLSHModel computes the same kind of
 * signature ((a x + b) mod p per hash function) but walks a boxed iterator of the vector's entries once per
 * hash function; with the 126 minhashes banding needs, that alone took most of the near-duplicate step on
 * 200 MB. Shingles are hashed to 32 bits with Murmur3 (as MLlib's HashingTF), and each hash function is a
 * seeded multiply-shift hash of those 32 bits (Dietzfelbinger et al.), so the signature depends only on the
 * shingles and the seed.
 */
public final class MinHash implements Serializable {
    private final long[] multipliers;
    private final long[] increments;

    public MinHash(int hashes, long seed) {
        Random random = new Random(seed);
        multipliers = new long[hashes];
        increments = new long[hashes];
        for (int h = 0; h < hashes; h++) {
            multipliers[h] = random.nextLong() | 1L;
            increments[h] = random.nextLong();
        }
    }

    /** The distinct 32-bit hashes of the shingles, ascending: the set that Jaccard similarity is taken on. */
    public static int[] shingleSet(List<String> shingles) {
        int[] hashes = new int[shingles.size()];
        for (int i = 0; i < hashes.length; i++) {
            byte[] bytes = shingles.get(i).getBytes(StandardCharsets.UTF_8);
            hashes[i] = Murmur3_x86_32.hashUnsafeBytes(bytes, Platform.BYTE_ARRAY_OFFSET, bytes.length, 42);
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    /** One minimum per hash function over a non-empty set. */
    public long[] signature(int[] set) {
        long[] signature = new long[multipliers.length];
        for (int h = 0; h < signature.length; h++) {
            long a = multipliers[h];
            long b = increments[h];
            long min = Long.MAX_VALUE;
            for (int x : set) {
                long value = (a * (x & 0xFFFFFFFFL) + b) >>> 32;
                if (value < min) {
                    min = value;
                }
            }
            signature[h] = min;
        }
        return signature;
    }
}
