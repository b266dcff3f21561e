package org.newslens.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newslens.annotate.CandidateWindows.Window;

class CandidateWindowsTest {
    private static List<Window> windows(String sentence, int context) {
        return CandidateWindows.of(Arrays.asList(sentence.split(" ")), context);
    }

    @Test
    void aCapitalisedWordGetsContextEitherSideClippedToTheSentence() {
        // tokens: 0 the 1 envoy 2 met 3 Oskar 4 in 5 the 6 hall 7 on 8 friday
        assertThat(windows("the envoy met Oskar in the hall on friday", 2)).containsExactly(new Window(1, 6));
        assertThat(windows("Oskar left", 2)).containsExactly(new Window(0, 2));
        assertThat(windows("they met Oskar", 4)).containsExactly(new Window(0, 3));
    }

    @Test
    void overlappingAndTouchingWindowsMerge() {
        // Oskar (1) and Vilnius (5): [0,4) and [3,8) overlap -> one window.
        assertThat(windows("with Oskar and then to Vilnius by train", 2)).containsExactly(new Window(0, 8));
        // Oskar (0) -> [0,3); Tallinn (5) -> [3,8): touching, merged so no name loses its context.
        assertThat(windows("Oskar went there and to Tallinn by rail today", 2)).containsExactly(new Window(0, 8));
    }

    @Test
    void distantCandidatesGetSeparateWindows() {
        String sentence = "Oskar said that the long and winding road was hard for Mirela today";
        assertThat(windows(sentence, 2)).containsExactly(new Window(0, 3), new Window(9, 13));
    }

    @Test
    void lowerCaseSentencesAndSentenceInitialStopWordsNeedNoNer() {
        assertThat(windows("nothing here is named at all .", 2)).isEmpty();
        assertThat(windows("The weather was mild and it rained .", 2)).isEmpty();
        assertThat(windows("\" In the end it rained .", 2)).isEmpty();
        assertThat(windows("then I said it rained .", 2)).isEmpty();
    }

    @Test
    void sentenceInitialNamesAcronymsAndInnerCapitalsAreCandidates() {
        assertThat(windows("Mirela smiled at them today", 1)).containsExactly(new Window(0, 2));
        // A stop word spelled in capitals is an acronym ("US"), and mixed case counts ("eBay").
        assertThat(windows("US troops left", 0)).containsExactly(new Window(0, 1));
        assertThat(windows("they sold it on eBay yesterday", 0)).containsExactly(new Window(4, 5));
        // "The" is not a candidate at the start, but "The" inside a sentence may open a title.
        assertThat(windows("she read The Times", 0)).containsExactly(new Window(2, 4));
    }
}
