package org.newslens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrownCorpusTest {
    @Test
    void stripsTagsAndRejoinsPunctuationAndQuotes() {
        String tagged = "\tThe/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' ,/, Atlanta's/np$ own/jj ./.";
        assertThat(BrownCorpus.untag(tagged)).isEqualTo("The jury said \"no evidence\", Atlanta's own.");
    }

    @Test
    void oneSentencePerNonBlankLine() {
        assertThat(BrownCorpus.sentences("\n\n\tA/at dog/nn ./.\n\n\n\tIt/pps ran/vbd ./.\n"))
                .containsExactly("A dog.", "It ran.");
    }
}
