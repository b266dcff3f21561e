package org.newslens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The k best items of a stream in bounded memory. The comparator orders best first and must be total
 * (break ties on an id), so the result does not depend on the order rows arrive in.
 */
final class TopK<T> {
    private final int k;
    private final Comparator<T> bestFirst;
    private final PriorityQueue<T> heap;

    TopK(int k, Comparator<T> bestFirst) {
        this.k = k;
        this.bestFirst = bestFirst;
        this.heap = new PriorityQueue<>(Math.max(1, k + 1), bestFirst.reversed());
    }

    void offer(T item) {
        if (k <= 0) {
            return;
        }
        if (heap.size() < k) {
            heap.add(item);
        } else if (bestFirst.compare(item, heap.peek()) < 0) {
            heap.poll();
            heap.add(item);
        }
    }

    /** The kept items, best first. */
    List<T> sorted() {
        List<T> items = new ArrayList<>(heap);
        items.sort(bestFirst);
        return items;
    }
}
