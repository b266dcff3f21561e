package org.newslens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AssociationTest {
    // Pair seen 10 times; x 30 times, y 40 times, in 1000 trials.
    // Table: k11 = 10, k12 = 20, k21 = 30, k22 = 940.

    @Test
    void pmiMatchesHandComputation() {
        // p(xy) = 0.01, p(x) = 0.03, p(y) = 0.04 -> log2(0.01 / 0.0012) = log2(8.3333) = 3.0589
        assertThat(Association.pmi(10, 30, 40, 1000)).isCloseTo(3.0589, within(1e-4));
    }

    @Test
    void npmiMatchesHandComputation() {
        // 3.0589 / -log2(0.01) = 3.0589 / 6.6439 = 0.4604
        assertThat(Association.npmi(10, 30, 40, 1000)).isCloseTo(0.4604, within(1e-4));
        assertThat(Association.npmi(5, 5, 5, 5)).isEqualTo(1.0);
    }

    @Test
    void llrMatchesExpectedCountsForm() {
        // E11 = 30*40/1000 = 1.2, E12 = 30*960/1000 = 28.8, E21 = 970*40/1000 = 38.8, E22 = 970*960/1000 = 931.2
        // G2 = 2 * (10 ln(10/1.2) + 20 ln(20/28.8) + 30 ln(30/38.8) + 940 ln(940/931.2)) = 30.0691
        assertThat(Association.llr(10, 30, 40, 1000)).isCloseTo(30.0691, within(1e-3));
    }

    @Test
    void llrIsZeroForIndependentCounts() {
        // p(x) = 0.1, p(y) = 0.2, joint = 0.02 of 1000
        assertThat(Association.llr(20, 100, 200, 1000)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void trigramPmiMatchesHandComputation() {
        // p(xyz) = 5/100, p = 10/100, 10/100, 20/100 -> log2(0.05 / 0.002) = log2(25) = 4.6439
        assertThat(Association.pmi3(5, 10, 10, 20, 100)).isCloseTo(4.6439, within(1e-4));
    }

    @Test
    void jaccardIsSharedOverUnion() {
        assertThat(Association.jaccard(10, 30, 40)).isCloseTo(10.0 / 60.0, within(1e-12));
    }

    @Test
    void randomValidTablesNeverGiveNegativeOrNaN() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long n = 1 + random.nextInt(100_000);
            long x = 1 + (long) (random.nextDouble() * n);
            long y = 1 + (long) (random.nextDouble() * n);
            long lower = Math.max(1, x + y - n);
            long upper = Math.min(x, y);
            if (lower > upper) {
                continue;
            }
            long joint = lower + (long) (random.nextDouble() * (upper - lower));
            double llr = Association.llr(joint, x, y, n);
            assertThat(llr).isNotNaN().isGreaterThanOrEqualTo(0.0);
            assertThat(Association.npmi(joint, x, y, n)).isBetween(-1.0 - 1e-9, 1.0 + 1e-9);
        }
    }
}
