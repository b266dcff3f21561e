package org.newslens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newslens.Jobs;
import org.newslens.SettingsRegistry;
import org.newslens.config.Settings;
import org.newslens.config.SettingsException;

class DriverMemoryTest {
    private static final long GIB = 1L << 30;
    private static final long CORPUS_200_MB = 200_000_000L;

    @Test
    void aOneGigabyteDriverIsTooSmallForTheDefaultFitOnALargeCorpus() {
        assertThatThrownBy(() ->
                        DriverMemory.check(Jobs.forCommand("all"), SettingsRegistry.defaults(), CORPUS_200_MB, GIB))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("spark.driver.memory")
                .hasMessageContaining("--driver-memory 2g")
                .hasMessageContaining("NEWSLENS_MEMORY")
                .hasMessageContaining("topics.fit-docs = 20000");
    }

    @Test
    void theHeapSuggestedLeavesRoomForWhatTheCollectorDoesNotCount() {
        long mib = 1L << 20;
        // the parallel collector's maxMemory() is below -Xmx: 1200 MiB usable out of 2 GiB given
        assertThatThrownBy(() -> DriverMemory.check(
                        Jobs.forCommand("all"), SettingsRegistry.defaults(), CORPUS_200_MB, 1200 * mib, 2 * GIB))
                .hasMessageContaining("the driver has 1200 MiB")
                .hasMessageContaining("NEWSLENS_MEMORY=3g");
        assertThatThrownBy(() -> DriverMemory.check(
                        Jobs.forCommand("all"), SettingsRegistry.defaults(), CORPUS_200_MB, 1200 * mib))
                .hasMessageContaining("NEWSLENS_MEMORY=2g");
        // this JVM's -Xmx, which is at least what it can use
        assertThat(DriverMemory.heapLimit(1))
                .isGreaterThanOrEqualTo(Runtime.getRuntime().maxMemory());
    }

    @Test
    void aSmallerFitOrALargerDriverOrASmallCorpusPasses() {
        Settings smallFit = SettingsRegistry.parse(new String[] {"--topics.fit-docs", "5000"});
        assertThatCode(() -> DriverMemory.check(Jobs.forCommand("all"), smallFit, CORPUS_200_MB, GIB))
                .doesNotThrowAnyException();
        assertThatCode(() ->
                        DriverMemory.check(Jobs.forCommand("all"), SettingsRegistry.defaults(), CORPUS_200_MB, 2 * GIB))
                .doesNotThrowAnyException();
        assertThatCode(() -> DriverMemory.check(Jobs.forCommand("all"), SettingsRegistry.defaults(), 30_000, GIB))
                .doesNotThrowAnyException();
    }

    @Test
    void anAppendThatKeepsTheTopicModelNeedsNoFitSampleButARefitDoes() {
        Settings append = SettingsRegistry.parse(new String[] {"--mode", "append"});
        assertThatCode(() -> DriverMemory.check(Jobs.forCommand("all"), append, CORPUS_200_MB, GIB))
                .doesNotThrowAnyException();
        Settings refit = SettingsRegistry.parse(new String[] {"--mode", "append", "--topics.refit", "true"});
        assertThatThrownBy(() -> DriverMemory.check(Jobs.forCommand("all"), refit, CORPUS_200_MB, GIB))
                .hasMessageContaining("spark.driver.memory");
    }

    @Test
    void runsWithoutTopicsAreNotChecked() {
        assertThatCode(() -> DriverMemory.check(
                        List.of(Jobs.forCommand("terms").get(0)), SettingsRegistry.defaults(), CORPUS_200_MB, GIB / 2))
                .doesNotThrowAnyException();
    }

    @Test
    void aLargerVocabularyOrKNeedsMore() {
        Settings bigger = SettingsRegistry.parse(new String[] {"--topics.vocab-size", "100000", "--topics.k", "200"});
        assertThatThrownBy(() -> DriverMemory.check(Jobs.forCommand("all"), bigger, CORPUS_200_MB, 2 * GIB))
                .hasMessageContaining("topics.vocab-size = 100000");
    }
}
