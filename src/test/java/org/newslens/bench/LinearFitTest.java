package org.newslens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearFitTest {
    @Test
    void aFixedCostPlusAPerMegabyteCostLiesOnTheLine() {
        String fit = LinearFit.describe(List.of(
                new double[] {2, 30 + 2 * 2.5}, new double[] {20, 30 + 20 * 2.5}, new double[] {200, 30 + 200 * 2.5}));
        assertThat(fit)
                .contains("seconds = 30.00 + 2.500 * MB")
                .contains("2 MB: +0.0 %")
                .contains("200 MB: +0.0 %");
    }

    @Test
    void aRunSlowerThanTheLineShowsHowMuch() {
        // Least squares: seconds = 2 + 10 * MB, so the middle run (26 s against 22 s) is 18 % slow.
        String fit = LinearFit.describe(List.of(new double[] {1, 10}, new double[] {2, 26}, new double[] {3, 30}));
        assertThat(fit).contains("seconds = 2.00 + 10.000 * MB").contains("2 MB: +18.2 %");
    }
}
