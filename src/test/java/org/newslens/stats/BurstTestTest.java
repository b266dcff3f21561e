package org.newslens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BurstTestTest {
    /**
     * 6 of this period's 10 documents, 2 of the history's 40: given 8 in all, X ~ Binomial(8, 10/50 = 0.2), and
     * P(X >= 6) = C(8,6) 0.2^6 0.8^2 + C(8,7) 0.2^7 0.8 + 0.2^8 = 0.00114688 + 0.00008192 + 0.00000256.
     */
    @Test
    void pValueIsTheBinomialUpperTailWorkedOutByHand() {
        assertThat(BurstTest.pValue(6, 2, 10, 40)).isCloseTo(0.00123136, within(1e-12));
        assertThat(BurstTest.expected(6, 2, 10, 40)).isEqualTo(0.5);
        assertThat(BurstTest.score(6, 2, 10, 40)).isCloseTo(-Math.log10(0.00123136), within(1e-9));
    }

    /** A first sighting on one document is no evidence: P(X >= 1) of Binomial(1, n / (n + H)) = n / (n + H). */
    @Test
    void oneNewDocumentIsNotABurst() {
        assertThat(BurstTest.pValue(1, 0, 10, 50)).isCloseTo(10.0 / 60, within(1e-12));
        assertThat(BurstTest.expected(1, 0, 10, 50)).isZero();
    }

    @Test
    void withoutHistoryThereIsNoTest() {
        assertThat(BurstTest.pValue(5, 0, 10, 0)).isEqualTo(1.0);
        assertThat(BurstTest.expected(5, 0, 10, 0)).isNaN();
        assertThat(BurstTest.score(5, 0, 10, 0)).isZero();
    }

    @Test
    void aFallingItemIsNotSignificant() {
        // 1 of 10 now against 20 of 40 before: far below the history's rate.
        assertThat(BurstTest.pValue(1, 20, 10, 40)).isGreaterThan(0.99);
    }

    /** 400 of 400 documents against none of 39,600: p = 0.01^400 underflows; the score is still 800. */
    @Test
    void scoreSurvivesAnUnderflowingPValue() {
        assertThat(BurstTest.pValue(400, 0, 400, 39_600)).isZero();
        assertThat(BurstTest.score(400, 0, 400, 39_600)).isCloseTo(800.0, within(1e-6));
    }

    @Test
    void inconsistentCountsAreRejected() {
        assertThatThrownBy(() -> BurstTest.pValue(11, 0, 10, 40)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BurstTest.pValue(1, 41, 10, 40)).isInstanceOf(IllegalArgumentException.class);
    }
}
