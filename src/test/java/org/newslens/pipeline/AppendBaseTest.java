package org.newslens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.newslens.SettingsRegistry;
import org.newslens.config.Setting;
import org.newslens.topics.TopicsSettings;

/** What an append takes from the output's current run and its history. */
class AppendBaseTest {
    @Test
    void theLastChangePassesOverRunsThatFoundNothingNew() {
        Map<String, Object> full = Map.of("run_id", "1", "mode", "full", "up_to_date", false);
        Map<String, Object> append = Map.of("run_id", "2", "mode", "append", "up_to_date", false);
        Map<String, Object> quiet = Map.of("run_id", "3", "mode", "append", "up_to_date", true);
        assertThat(base(List.of(full, append, quiet, quiet)).lastChange()).isEqualTo(append);
        assertThat(base(List.of(full)).lastChange()).isEqualTo(full);
        assertThat(base(List.of(quiet)).lastChange()).isEmpty();
        assertThat(base(List.of()).lastChange()).isEmpty();
    }

    @Test
    void settingsAreTheSameWhenTheirAskedValuesEqualTheOutputs() {
        List<Setting<?>> search = List.of(TopicsSettings.DUPLICATE_SIMILARITY, TopicsSettings.DUPLICATE_MAX_BUCKET);
        AppendBase base = new AppendBase(
                new Path("file:/tmp/out/runs/1"),
                "file:/tmp/news",
                SettingsRegistry.parse("--topics.duplicate-similarity", "0.9").effective(),
                List.of());
        assertThat(base.sameValues(SettingsRegistry.parse("--topics.duplicate-similarity", "0.9"), search))
                .isTrue();
        assertThat(base.sameValues(SettingsRegistry.parse(), search)).isFalse();
        assertThat(base.sameValues(SettingsRegistry.parse("--topics.duplicate-max-bucket", "9"), search))
                .isFalse();
    }

    private static AppendBase base(List<Map<String, Object>> history) {
        return new AppendBase(new Path("file:/tmp/out/runs/1"), "file:/tmp/news", Map.of(), history);
    }
}
