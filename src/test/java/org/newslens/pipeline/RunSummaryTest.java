package org.newslens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunSummaryTest {
    @Test
    void figuresKeepNumbersAsNumbersUnderSnakeCaseKeysAndShowTheirLabels() {
        RunSummary summary = new RunSummary();
        summary.put("documents", 12L);
        summary.put("rejects_not_text", "rejects not_text", 2L);
        summary.put("topics_fit_nmf_seconds", "s fit: NMF", 1.23456);

        assertThat(summary.figures())
                .containsEntry("documents", 12L)
                .containsEntry("rejects_not_text", 2L)
                .containsEntry("topics_fit_nmf_seconds", 1.235);
        assertThat(summary.render())
                .contains("documents")
                .contains("rejects not_text")
                .contains("s fit: NMF")
                .doesNotContain("topics_fit_nmf_seconds");
    }

    @Test
    void aFigureNamedInWordsGetsTheSnakeCaseKey() {
        RunSummary summary = new RunSummary();
        summary.put("trends undated documents", 3L);
        summary.put("Entity bursts", 1L);
        assertThat(summary.figures()).containsOnlyKeys("trends_undated_documents", "entity_bursts");
        assertThat(summary.render()).contains("trends undated documents").contains("entity bursts");
    }

    @Test
    void anExplicitKeyThatIsNotSnakeCaseIsRefused() {
        RunSummary summary = new RunSummary();
        for (String key : new String[] {"s fit: NMF", "input fingerprint", "Documents", "rejects_", "tokens/s", ""}) {
            assertThatThrownBy(() -> summary.put(key, "label", 1)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> summary.put("/", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
