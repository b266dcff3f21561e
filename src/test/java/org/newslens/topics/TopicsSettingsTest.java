package org.newslens.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.newslens.SettingsRegistry;
import org.newslens.config.SettingsException;

class TopicsSettingsTest {
    @Test
    void kIsAutoOrAPositiveNumber() {
        assertThat(TopicsSettings.requestedK(SettingsRegistry.defaults())).isZero();
        assertThat(TopicsSettings.requestedK(SettingsRegistry.parse(new String[] {"--topics.k", "12"})))
                .isEqualTo(12);
        for (String bad : new String[] {"0", "-1", "ten"}) {
            assertThatThrownBy(() -> SettingsRegistry.parse(new String[] {"--topics.k", bad}))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining("--topics.k")
                    .hasMessageContaining("auto or a whole number from 1");
        }
    }

    @Test
    void unknownModelAndPeriodNameTheAllowedValues() {
        assertThatThrownBy(() -> SettingsRegistry.parse(new String[] {"--topics.model", "lda2"}))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("--topics.model")
                .hasMessageContaining("nmf, kmeans");
        assertThatThrownBy(() -> SettingsRegistry.parse(new String[] {"--topics.period", "fortnight"}))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("day, week, month, year");
    }
}
