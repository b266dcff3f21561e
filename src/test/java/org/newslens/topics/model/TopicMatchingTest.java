package org.newslens.topics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicMatchingTest {

    @Test
    void aPermutedMatrixIsMatchedBack() {
        Random random = new Random(7);
        int n = 9;
        List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        double[][] cosines = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cosines[i][j] = j == order.get(i) ? 0.7 + 0.3 * random.nextDouble() : 0.45 * random.nextDouble();
            }
        }
        int[] matched = TopicMatching.match(cosines, 0.5);
        for (int i = 0; i < n; i++) {
            assertThat(matched[i]).as("row %d", i).isEqualTo(order.get(i));
        }
    }

    @Test
    void theAssignmentIsOptimalNotGreedy() {
        // Greedy takes 0.9 first and leaves row 1 only 0.1 (below the threshold); the optimum pairs 0.8 + 0.85.
        double[][] cosines = {{0.9, 0.8}, {0.85, 0.1}};
        assertThat(TopicMatching.match(cosines, 0.5)).containsExactly(1, 0);
    }

    @Test
    void pairsBelowTheThresholdAreNeverMatched() {
        double[][] cosines = {{0.45, 0.2}, {0.1, 0.95}};
        assertThat(TopicMatching.match(cosines, 0.5)).containsExactly(-1, 1);
        assertThat(TopicMatching.match(cosines, 0.4)).containsExactly(0, 1);
        assertThat(TopicMatching.match(new double[][] {{0.3}}, 0.5)).containsExactly(-1);
    }

    @Test
    void moreOrFewerRefittedThanStoredTopics() {
        // Three refitted against two stored: the third (a new subject) matches nothing.
        assertThat(TopicMatching.match(new double[][] {{0.1, 0.9}, {0.8, 0.2}, {0.3, 0.35}}, 0.5))
                .containsExactly(1, 0, -1);
        // Two refitted against three stored: one stored topic is left without a successor.
        assertThat(TopicMatching.match(new double[][] {{0.1, 0.2, 0.9}, {0.7, 0.6, 0.1}}, 0.5))
                .containsExactly(2, 0);
        assertThat(TopicMatching.match(new double[0][0], 0.5)).isEmpty();
        assertThat(TopicMatching.match(new double[][] {{}, {}}, 0.5)).containsExactly(-1, -1);
    }

    @Test
    void cosineComparesTermsByNameAcrossVocabularies() {
        assertThat(TopicMatching.cosine(Map.of("oven", 1.0, "dough", 1.0), Map.of("dough", 1.0, "loaf", 1.0)))
                .isCloseTo(0.5, within(1e-12));
        assertThat(TopicMatching.cosine(Map.of("oven", 2.0), Map.of("oven", 0.5)))
                .isCloseTo(1.0, within(1e-12));
        assertThat(TopicMatching.cosine(Map.of("oven", 1.0), Map.of("mast", 1.0)))
                .isZero();
        assertThat(TopicMatching.cosine(Map.of(), Map.of("mast", 1.0))).isZero();
    }

    @Test
    void randomMatricesGiveAOneToOneMatchingAboveTheThreshold() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int rows = random.nextInt(8);
            int columns = random.nextInt(8);
            double min = random.nextDouble();
            double[][] cosines = new double[rows][columns];
            for (double[] row : cosines) {
                for (int j = 0; j < columns; j++) {
                    row[j] = random.nextDouble();
                }
            }
            int[] matched = TopicMatching.match(cosines, min);
            assertThat(matched).hasSize(rows);
            Set<Integer> used = new HashSet<>();
            for (int i = 0; i < rows; i++) {
                if (matched[i] >= 0) {
                    assertThat(used.add(matched[i]))
                            .as("column %d used twice", matched[i])
                            .isTrue();
                    assertThat(cosines[i][matched[i]]).isGreaterThanOrEqualTo(min);
                }
            }
            // Optimal: no single swap of two assignments (or moving one to a free column) gains.
            double total = total(cosines, matched, min);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    int[] changed = matched.clone();
                    for (int other = 0; other < rows; other++) {
                        if (changed[other] == j) {
                            changed[other] = matched[i];
                        }
                    }
                    changed[i] = j;
                    assertThat(total(cosines, changed, min)).isLessThanOrEqualTo(total + 1e-9);
                }
            }
        }
    }

    private static double total(double[][] cosines, int[] matched, double min) {
        double sum = 0;
        for (int i = 0; i < matched.length; i++) {
            if (matched[i] >= 0 && cosines[i][matched[i]] >= min) {
                sum += cosines[i][matched[i]];
            }
        }
        return sum;
    }
}
