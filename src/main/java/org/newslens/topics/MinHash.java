package org.newslens.topics;

import java.io.Serializable;
import java.util.Random;

/**
 * MinHash signatures with MLlib's {@code MinHashLSH} hash functions and values: hash i of a set of non-negative
 * ints is the least ((1 + e) a_i + b_i) mod 2,038,074,743 over its elements e, with the coefficients drawn from a
 * {@code Random(seed)} in MLlib's order (a_i = 1 + nextInt(p - 1), then b_i = nextInt(p - 1)). So signatures
 * stored by earlier runs, which MLlib computed, stay valid. MLlib's own transform walks every set once per hash
 * through a boxed iterator; this does the same arithmetic over the int array ({@code MinHashTest} checks it against
 * MLlib).
 */
final class MinHash implements Serializable {
    /** MLlib's prime: sets hold ints below it (shingle hashes are cut to 30 bits). */
    static final long PRIME = 2_038_074_743L;

    private final long[] a;
    private final long[] b;

    MinHash(int hashes, long seed) {
        a = new long[hashes];
        b = new long[hashes];
        Random random = new Random(seed);
        for (int i = 0; i < hashes; i++) {
            a[i] = 1 + random.nextInt((int) PRIME - 1);
            b[i] = random.nextInt((int) PRIME - 1);
        }
    }

    /** The signature of a non-empty set of non-negative ints below {@link #PRIME}. */
    long[] signature(int[] set) {
        if (set.length == 0) {
            throw new IllegalArgumentException("MinHash needs at least one element");
        }
        long[] signature = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            long ai = a[i];
            long bi = b[i];
            long least = Long.MAX_VALUE;
            for (int element : set) {
                least = Math.min(least, ((1L + element) * ai + bi) % PRIME);
            }
            signature[i] = least;
        }
        return signature;
    }
}
