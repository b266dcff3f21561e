package org.newslens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepTimingsTest {
    @Test
    void overlappingJobsCountOnceAndGapsNotAtAll() {
        assertThat(StepTimings.unionMillis(List.of())).isZero();
        assertThat(StepTimings.unionMillis(List.of(new long[] {100, 300}))).isEqualTo(200);
        // [0,100] and [50,150] overlap (150 ms), [200,260] is apart (60 ms), [210,220] lies inside it.
        assertThat(StepTimings.unionMillis(List.of(
                        new long[] {200, 260}, new long[] {0, 100}, new long[] {210, 220}, new long[] {50, 150})))
                .isEqualTo(210);
    }
}
