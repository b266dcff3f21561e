package org.newslens.stats;

import java.util.Arrays;

/**
 * Sums per long key, in one open-addressing array where each key sits next to its sums: a task that adds up
 * millions of rows over numbered items (a feature in a group, a pair of entities) pays about one cache miss a
 * row, where a map of strings pays several. Keys are non-negative longs; the table holds a fixed number of keys
 * (the caller hands its sums on and clears it when {@link #isFull}).
 */
public final class SumTable {
    private static final long EMPTY = -1;
    private final int width;
    private final int capacity;
    /** key, its sums (width of them), key, … */
    private final long[] slots;

    private final int mask;
    private int size;

    /** A table for up to {@code keys} keys (kept at most half full), each with {@code width} sums. */
    public SumTable(int keys, int width) {
        int slotCount = Integer.highestOneBit(Math.max(2, keys) * 2 - 1) * 2;
        this.width = width;
        this.capacity = keys;
        this.slots = new long[slotCount * (width + 1)];
        this.mask = slotCount - 1;
        clear();
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size >= capacity;
    }

    /** Adds n to the key's sum number {@code column} (from 0), adding the key if it is new. */
    public void add(long key, int column, long n) {
        int at = slot(key);
        if (slots[at] == EMPTY) {
            slots[at] = key;
            size++;
        }
        slots[at + 1 + column] += n;
    }

    /** The key's sum number {@code column}; 0 for a key not in the table. */
    public long get(long key, int column) {
        int at = slot(key);
        return slots[at] == EMPTY ? 0 : slots[at + 1 + column];
    }

    /** The keys, ascending. */
    public long[] sortedKeys() {
        long[] keys = new long[size];
        int k = 0;
        for (int at = 0; at < slots.length; at += width + 1) {
            if (slots[at] != EMPTY) {
                keys[k++] = slots[at];
            }
        }
        Arrays.sort(keys);
        return keys;
    }

    public void clear() {
        for (int at = 0; at < slots.length; at += width + 1) {
            slots[at] = EMPTY;
            Arrays.fill(slots, at + 1, at + 1 + width, 0);
        }
        size = 0;
    }

    /** Where the key is, or the empty slot where it goes. */
    private int slot(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("keys are non-negative: " + key);
        }
        int at = (int) mix(key) & mask;
        while (slots[at * (width + 1)] != EMPTY && slots[at * (width + 1)] != key) {
            at = (at + 1) & mask;
        }
        return at * (width + 1);
    }

    /** Murmur3's 64-bit finalizer: spreads keys that differ in a few bits over the whole table. */
    private static long mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ h >>> 33;
    }
}
