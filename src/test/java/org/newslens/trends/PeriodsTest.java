package org.newslens.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTest {
    @Test
    void autoPicksFromTheSpanOfTheDates() {
        LocalDate start = LocalDate.of(2024, 1, 1);
        assertThat(Periods.choose("auto", start, start.plusDays(31))).isEqualTo("day");
        assertThat(Periods.choose("auto", start, start.plusDays(32))).isEqualTo("week");
        assertThat(Periods.choose("auto", start, start.plusDays(183))).isEqualTo("week");
        assertThat(Periods.choose("auto", start, start.plusDays(184))).isEqualTo("month");
        assertThat(Periods.choose("auto", null, null)).isEqualTo("day");
        assertThat(Periods.choose("month", start, start)).isEqualTo("month");
    }

    /** Periods 10, 11, 13, 20 with 5, 7, 2, 9 documents and a window of 3 (index 12 has no documents). */
    @Test
    void trailingSumsCoverTheWindowOfIndicesNotOfRows() {
        long[] sums = Periods.trailingSums(new long[] {10, 11, 13, 20}, new long[] {5, 7, 2, 9}, 3);
        // 10: nothing before; 11: {10}; 13: {10, 11, 12}; 20: {17, 18, 19} has none.
        assertThat(sums).containsExactly(0, 5, 12, 0);
        assertThat(Periods.trailingSums(new long[] {10, 11, 13, 20}, new long[] {5, 7, 2, 9}, Integer.MAX_VALUE))
                .containsExactly(0, 5, 12, 14);
    }
}
