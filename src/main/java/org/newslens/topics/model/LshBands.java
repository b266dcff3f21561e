package org.newslens.topics.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Banded locality-sensitive hashing over MinHash signatures (Leskovec, Rajaraman and Ullman, Mining of
 * Massive Datasets, ch. 3.4): the signature of {@code bands x rows} minhashes is cut into bands of
 * {@code rows} consecutive values, and two documents become a candidate pair when all the values of at
 * least one band agree. A pair of Jaccard similarity s is proposed with probability 1 - (1 - s^r)^b, an
 * S-curve whose steep part sits near (1/b)^(1/r). MLlib's MinHashLSH has no bands (each of its hash tables
 * is one minhash, so any single agreeing minhash makes a candidate), which floods a self-join with pairs
 * that share a few sentences.
 */
public record LshBands(int bands, int rows) implements Serializable {
    /**
     * Most minhashes per document: their cost grows with it (MLlib's MinHash is one pass per hash over the
     * shingles). 48 keeps the S-curve near the best 128 would give (0.64 against 0.66 at a 0.8 threshold).
     */
    static final int MAX_HASHES = 48;
    /** Least probability that a pair exactly at the threshold becomes a candidate. */
    static final double RECALL_AT_THRESHOLD = 0.95;

    /**
     * The (bands, rows) with at most {@link #MAX_HASHES} minhashes that proposes a pair at the threshold with
     * probability at least {@link #RECALL_AT_THRESHOLD} and, among those, has the highest S-curve point
     * (1/b)^(1/r), so the fewest dissimilar pairs reach the exact check. For 0.8 that is 9 bands of 5 rows
     * (S-curve at 0.64; a pair at 0.8 is found with probability 0.97, at 0.5 with 0.25, at 0.3 with 0.02).
     */
    public static LshBands forThreshold(double threshold) {
        LshBands best = new LshBands(MAX_HASHES, 1);
        for (int r = 1; r <= MAX_HASHES; r++) {
            LshBands candidate = new LshBands(MAX_HASHES / r, r);
            if (candidate.candidateProbability(threshold) >= RECALL_AT_THRESHOLD
                    && candidate.sCurvePoint() > best.sCurvePoint()) {
                best = candidate;
            }
        }
        return best;
    }

    public int hashes() {
        return bands * rows;
    }

    /** Probability that a pair of Jaccard similarity s shares at least one band. */
    public double candidateProbability(double s) {
        return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }

    /** (1/b)^(1/r), about where the S-curve is steepest. */
    public double sCurvePoint() {
        return Math.pow(1.0 / bands, 1.0 / rows);
    }

    /** One key per band: a hash of the band's {@code rows} minhashes (a collision only adds a candidate). */
    public long[] keys(long[] minhashes) {
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            long h = 0x9E3779B97F4A7C15L * (b + 1);
            for (int i = b * rows; i < (b + 1) * rows; i++) {
                h = Long.rotateLeft(h ^ minhashes[i] * 0xC2B2AE3D27D4EB4FL, 31) * 0x165667B19E3779F9L;
            }
            keys[b] = h;
        }
        return keys;
    }

    /**
     * Candidate pairs of one bucket, members in order (earliest first), each pair as {earlier, later}: all
     * pairs when the bucket has at most {@code maxBucket} members; otherwise only each member with the
     * earliest one, since a bucket that large is mostly documents sharing boilerplate, and a syndicated
     * story's copies still meet the original.
     */
    public static List<int[]> pairs(int members, int maxBucket) {
        List<int[]> pairs = new ArrayList<>();
        if (members > maxBucket) {
            for (int j = 1; j < members; j++) {
                pairs.add(new int[] {0, j});
            }
            return pairs;
        }
        for (int i = 0; i < members; i++) {
            for (int j = i + 1; j < members; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        return pairs;
    }
}
