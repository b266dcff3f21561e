package org.newslens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {
    /**
     * Sorted: 0.005, 0.01, 0.03, 0.04, 0.5; m p / rank = 0.025, 0.025, 0.05, 0.05, 0.5; the running minimum from
     * the largest is the same list (R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), "BH")).
     */
    @Test
    void qValuesWorkedOutByHand() {
        double[] q = BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005, 0.5});
        assertThat(q).containsExactly(new double[] {0.025, 0.05, 0.05, 0.025, 0.5}, within(1e-12));
    }

    /** A later, smaller m p / rank pulls earlier q-values down: 0.02 at rank 1 of 3 gives 0.06, but rank 3 gives 0.03. */
    @Test
    void qValueIsTheMinimumOverLargerPValues() {
        double[] q = BenjaminiHochberg.adjust(new double[] {0.02, 0.025, 0.03});
        assertThat(q).containsExactly(new double[] {0.03, 0.03, 0.03}, within(1e-12));
    }

    @Test
    void slicesWithTheirCarryGiveTheSameAsTheWholeList() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int m = 1 + random.nextInt(60);
            double[] p = new double[m];
            for (int i = 0; i < m; i++) {
                p[i] = random.nextInt(4) == 0 ? random.nextDouble() * 1e-4 : random.nextDouble();
            }
            Arrays.sort(p);
            double[] whole = BenjaminiHochberg.adjustSorted(p, 1, m, 1.0);
            int cut = random.nextInt(m + 1);
            double later = 1.0;
            for (int j = cut; j < m; j++) {
                later = Math.min(later, m * p[j] / (j + 1));
            }
            double[] head = BenjaminiHochberg.adjustSorted(Arrays.copyOfRange(p, 0, cut), 1, m, later);
            double[] tail = BenjaminiHochberg.adjustSorted(Arrays.copyOfRange(p, cut, m), cut + 1, m, 1.0);
            for (int i = 0; i < m; i++) {
                assertThat(i < cut ? head[i] : tail[i - cut]).isEqualTo(whole[i]);
                assertThat(whole[i]).isBetween(p[i] * (1 - 1e-12), 1.0);
                if (i > 0) {
                    assertThat(whole[i]).isGreaterThanOrEqualTo(whole[i - 1]);
                }
            }
        }
    }

    /** Distinct p-values with their counts give, value for value, what the whole list with its ties gives. */
    @Test
    void distinctValuesWithCountsGiveTheSameAsTheWholeList() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int distinct = 1 + random.nextInt(30);
            double[] values = new double[distinct];
            long[] counts = new long[distinct];
            int m = 0;
            for (int i = 0; i < distinct; i++) {
                values[i] = (i + random.nextDouble()) / distinct * (random.nextBoolean() ? 1 : 1e-3);
                counts[i] = 1 + random.nextInt(4);
                m += counts[i];
            }
            Arrays.sort(values);
            double[] whole = new double[m];
            int at = 0;
            for (int i = 0; i < distinct; i++) {
                for (int c = 0; c < counts[i]; c++) {
                    whole[at++] = values[i];
                }
            }
            double[] expected = BenjaminiHochberg.adjustSorted(whole, 1, m, 1.0);
            double[] q = BenjaminiHochberg.adjustDistinct(values, counts);
            at = 0;
            for (int i = 0; i < distinct; i++) {
                for (int c = 0; c < counts[i]; c++) {
                    assertThat(q[i]).as("round %d value %d", round, i).isEqualTo(expected[at++]);
                }
            }
        }
    }
}
