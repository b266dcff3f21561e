package org.newslens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {
    private record Item(String id, long score) {}

    private static final Comparator<Item> BEST_FIRST =
            Comparator.comparingLong(Item::score).reversed().thenComparing(Item::id);

    @Test
    void keepsTheKBestWhateverTheArrivalOrder() {
        List<Item> items = new ArrayList<>(IntStream.range(0, 1000)
                .mapToObj(i -> new Item("id" + i, i % 37))
                .toList());
        List<Item> expected = items.stream().sorted(BEST_FIRST).limit(10).toList();
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(items, random);
            TopK<Item> top = new TopK<>(10, BEST_FIRST);
            items.forEach(top::offer);
            assertThat(top.sorted()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void fewerItemsThanKAndZeroK() {
        TopK<Item> top = new TopK<>(5, BEST_FIRST);
        top.offer(new Item("b", 1));
        top.offer(new Item("a", 1));
        assertThat(top.sorted()).extracting(Item::id).containsExactly("a", "b");
        TopK<Item> none = new TopK<>(0, BEST_FIRST);
        none.offer(new Item("a", 1));
        assertThat(none.sorted()).isEmpty();
    }
}
