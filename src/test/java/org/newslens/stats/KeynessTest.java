package org.newslens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KeynessTest {
    /**
     * 20 of 1,000 words in the target, 5 of 2,000 in the reference. Expected counts: 25 x 1000/3000 = 8.333 and
     * 16.667; 980 x ... G2 = 2 (20 ln(20/8.333) + 5 ln(5/16.667) + 980 ln(980/991.667) + 1995 ln(1995/1983.333))
     * = 23.1853 (scipy chi2_contingency without correction, lambda log-likelihood: 23.185311077839405, p 1.47117e-06).
     */
    @Test
    void overusedWordHasPositiveG2() {
        assertThat(Keyness.signedG2(20, 5, 1000, 2000)).isCloseTo(23.185311077839405, within(1e-9));
        assertThat(Keyness.pValue(23.185311077839405)).isCloseTo(1.4711677864988302e-06, within(1e-15));
        // (20 / 1000) / (5 / 2000) = 8
        assertThat(Keyness.logRatio(20, 5, 1000, 2000)).isCloseTo(3.0, within(1e-12));
    }

    /** 3 of 1,000 against 30 of 2,000: used less, so G2 is negative (scipy: 10.91053546621094, p 0.000956189). */
    @Test
    void underusedWordHasNegativeG2() {
        assertThat(Keyness.signedG2(3, 30, 1000, 2000)).isCloseTo(-10.91053546621094, within(1e-9));
        assertThat(Keyness.pValue(-10.91053546621094)).isCloseTo(0.0009561888226070962, within(1e-12));
        assertThat(Keyness.logRatio(3, 30, 1000, 2000)).isCloseTo(Math.log(0.2) / Math.log(2), within(1e-12));
    }

    @Test
    void absentFromTheReferenceCountsAsHalf() {
        // (4 / 100) / (0.5 / 100) = 8
        assertThat(Keyness.logRatio(4, 0, 100, 100)).isCloseTo(3.0, within(1e-12));
        assertThat(Keyness.signedG2(4, 0, 100, 100)).isPositive();
    }

    @Test
    void sameRateIsZero() {
        assertThat(Keyness.signedG2(10, 20, 1000, 2000)).isCloseTo(0.0, within(1e-9));
        assertThat(Keyness.pValue(0.0)).isEqualTo(1.0);
    }
}
