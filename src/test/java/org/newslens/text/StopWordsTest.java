package org.newslens.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopWordsTest {
    @Test
    void functionWordsAreStopWords() {
        assertThat(StopWords.isStop("The", "the")).isTrue();
        assertThat(StopWords.isStop("said", "say")).isTrue();
        assertThat(StopWords.isStop("n't", "n't")).isTrue();
    }

    @Test
    void contentWordsAreNot() {
        assertThat(StopWords.isStop("minister", "minister")).isFalse();
        assertThat(StopWords.isStop("oil", "oil")).isFalse();
    }

    @Test
    void capitalisedAcronymIsNotTheStopWordItSpells() {
        assertThat(StopWords.isStop("US", "us")).isFalse();
        assertThat(StopWords.isStop("us", "us")).isTrue();
        assertThat(StopWords.isStop("WHO", "who")).isFalse();
        assertThat(StopWords.isStop("A", "a")).isTrue();
    }

    @Test
    void termNormalizerDropsTokensWithoutLetters() {
        assertThat(TermNormalizer.term("2023")).isNull();
        assertThat(TermNormalizer.term("--")).isNull();
        assertThat(TermNormalizer.term("$")).isNull();
        assertThat(TermNormalizer.term("Iran")).isEqualTo("iran");
        assertThat(TermNormalizer.term("G7")).isEqualTo("g7");
        assertThat(TermNormalizer.term("Iran\u2019s")).isEqualTo("iran's");
    }
}
