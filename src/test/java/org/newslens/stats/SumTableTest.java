package org.newslens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Two sums per key against a plain map, with keys that share their low or high bits. */
class SumTableTest {
    @Test
    void sumsEachColumnLikeAMap() {
        Random random = new Random(7);
        SumTable table = new SumTable(40, 2);
        Map<Long, long[]> expected = new TreeMap<>();
        while (!table.isFull()) {
            long key = (long) random.nextInt(6) << 32 | random.nextInt(8);
            long n = 1 + random.nextInt(9);
            table.add(key, 0, n);
            table.add(key, 1, 1);
            long[] sums = expected.computeIfAbsent(key, k -> new long[2]);
            sums[0] += n;
            sums[1] += 1;
        }
        assertThat(table.sortedKeys())
                .containsExactly(
                        expected.keySet().stream().mapToLong(Long::longValue).toArray());
        expected.forEach((key, sums) -> {
            assertThat(table.get(key, 0)).isEqualTo(sums[0]);
            assertThat(table.get(key, 1)).isEqualTo(sums[1]);
        });
        assertThat(table.get(99L << 32, 0)).isZero();
        table.clear();
        assertThat(table.size()).isZero();
        assertThat(table.sortedKeys()).isEmpty();
        assertThat(table.get(expected.keySet().iterator().next(), 0)).isZero();
    }

    @Test
    void negativeKeysAreRefused() {
        assertThatThrownBy(() -> new SumTable(4, 1).add(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
