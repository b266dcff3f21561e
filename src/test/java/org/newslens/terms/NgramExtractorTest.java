package org.newslens.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.newslens.terms.NgramExtractor.Ngram;

class NgramExtractorTest {
    @Test
    void candidatesNeitherStartNorEndWithAStopWord() {
        List<Ngram> grams = NgramExtractor.extract(Arrays.asList("secretary", "of", "state", "visit"));
        assertThat(grams)
                .containsExactly(
                        new Ngram("secretary of", 2, false),
                        new Ngram("secretary of state", 3, true),
                        new Ngram("state visit", 2, true));
    }

    @Test
    void ngramsNeverSpanPunctuation() {
        List<Ngram> grams = NgramExtractor.extract(Arrays.asList("oil", null, "price", "rise"));
        assertThat(grams).extracting(Ngram::text).containsExactly("price rise");
    }

    @Test
    void randomSentencesNeverThrow() {
        Random random = new Random(11);
        String[] pool = {"the", "oil", null, "of", "price", "minister", "and", "'s"};
        for (int i = 0; i < 2000; i++) {
            String[] terms = new String[random.nextInt(12)];
            for (int j = 0; j < terms.length; j++) {
                terms[j] = pool[random.nextInt(pool.length)];
            }
            for (Ngram gram : NgramExtractor.extract(Arrays.asList(terms))) {
                assertThat(gram.text().split(" ")).hasSize(gram.n()).doesNotContainNull();
            }
        }
    }
}
