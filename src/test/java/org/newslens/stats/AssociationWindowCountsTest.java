package org.newslens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Entity-pair counts over N windows; expected values computed by hand (PMI in bits, G² in nats). */
class AssociationWindowCountsTest {
    // N = 10 windows, a in 4, b in 5, both in 2: exactly as often as chance.
    @Test
    void independentPairScoresZero() {
        assertThat(Association.pmi(2, 4, 5, 10)).isCloseTo(0.0, within(1e-12));
        assertThat(Association.npmi(2, 4, 5, 10)).isCloseTo(0.0, within(1e-12));
        assertThat(Association.llr(2, 4, 5, 10)).isCloseTo(0.0, within(1e-12));
        assertThat(Association.jaccard(2, 4, 5)).isCloseTo(2.0 / 7, within(1e-12));
    }

    // N = 8, a in 2, b in 2, both in 2: PMI = ln(2*8/4) = ln 4; NPMI = ln4 / -ln(2/8) = 1.
    // Table k11=2, k12=0, k21=0, k22=6: G2 = 2*(2 ln(2*8/(2*2)) + 6 ln(6*8/(6*6))) = 2*(2 ln 4 + 6 ln(4/3)).
    @Test
    void alwaysTogetherIsPerfectAssociation() {
        assertThat(Association.pmi(2, 2, 2, 8)).isCloseTo(2.0, within(1e-12));
        assertThat(Association.npmi(2, 2, 2, 8)).isCloseTo(1.0, within(1e-12));
        assertThat(Association.llr(2, 2, 2, 8)).isCloseTo(2 * (2 * Math.log(4) + 6 * Math.log(4.0 / 3)), within(1e-12));
        assertThat(Association.jaccard(2, 2, 2)).isEqualTo(1.0);
    }

    // N = 100, a in 10, b in 20, both in 1: PMI = ln(100/200) = -ln 2; NPMI = -ln2 / ln 100.
    @Test
    void rarerThanChanceIsNegative() {
        assertThat(Association.pmi(1, 10, 20, 100)).isCloseTo(-1.0, within(1e-12));
        assertThat(Association.npmi(1, 10, 20, 100)).isCloseTo(-Math.log(2) / Math.log(100), within(1e-12));
        // k = 1, 9, 19, 71; rows 10, 90; cols 20, 80
        double g2 = 2
                * (1 * Math.log(1 * 100.0 / (10 * 20))
                        + 9 * Math.log(9 * 100.0 / (10 * 80))
                        + 19 * Math.log(19 * 100.0 / (90 * 20))
                        + 71 * Math.log(71 * 100.0 / (90 * 80)));
        assertThat(Association.llr(1, 10, 20, 100)).isCloseTo(g2, within(1e-12));
        assertThat(Association.jaccard(1, 10, 20)).isCloseTo(1.0 / 29, within(1e-12));
    }

    @Test
    void pairInEveryWindowHasNpmiOne() {
        assertThat(Association.npmi(3, 3, 3, 3)).isEqualTo(1.0);
        assertThat(Association.llr(3, 3, 3, 3)).isEqualTo(0.0);
    }

    @Test
    void inconsistentCountsFail() {
        assertThatThrownBy(() -> Association.pmi(5, 4, 5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Association.pmi(1, 6, 6, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
