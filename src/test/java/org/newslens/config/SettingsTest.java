package org.newslens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.newslens.SettingsRegistry;

class SettingsTest {
    @Test
    void readsBothArgumentFormsAndKeepsDefaults() {
        Settings settings = SettingsRegistry.parse(new String[] {"--input", "hdfs://nn/corpus", "--partitions=8"});
        assertThat(settings.get(CoreSettings.INPUT)).isEqualTo("hdfs://nn/corpus");
        assertThat(settings.get(CoreSettings.PARTITIONS)).isEqualTo(8);
        assertThat(settings.get(CoreSettings.OUTPUT)).isEqualTo("output");
    }

    @Test
    void unknownKeyFailsNamingIt() {
        assertThatThrownBy(() -> SettingsRegistry.parse(new String[] {"--inptu", "x"}))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("--inptu");
    }

    @Test
    void outOfRangeValueFailsNamingKeyAndRange() {
        assertThatThrownBy(() -> SettingsRegistry.parse(new String[] {"--partitions", "-3"}))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("--partitions")
                .hasMessageContaining("from 0 to");
    }

    @Test
    void missingValueFails() {
        assertThatThrownBy(() -> SettingsRegistry.parse(new String[] {"--output"}))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("needs a value");
    }

    @Test
    void helpListsEverySettingWithDefault() {
        for (Setting<?> setting : SettingsRegistry.all()) {
            assertThat(SettingsRegistry.help())
                    .contains("--" + setting.key())
                    .contains("(default: " + setting.defaultValue() + ")");
        }
    }
}
