package org.newslens.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newslens.annotate.names.CanonicalMention;

class DocumentAnnotatorTest {
    private static final String TEXT = "Talks in Ouagadougou\n\n"
            + "President Amadou Diallo of Burkina Faso met the U.S. envoy on Monday. "
            + "Diallo's aides said the Asian Development Bank (ADB) was watching. ADB staff agreed. "
            + "The children were running to Ouagadougou.";

    private AnnotatedDocument annotate(AnnotatorConfig config) {
        return new DocumentAnnotator(CoreNlpPipelines.get(config), config).annotate("d1", TEXT);
    }

    @Test
    void tokensHaveOffsetsIntoTheTextAndTagFreeLemmasWhenPosIsOff() {
        AnnotatedDocument doc = annotate(new AnnotatorConfig(false, false, AnnotateSettings.DEFAULT_NER_MODEL, false));
        assertThat(doc.sentences()).hasSize(5);
        assertThat(doc.sentences().get(0).text()).isEqualTo("Talks in Ouagadougou");
        for (AnnotatedDocument.Token t : doc.tokens()) {
            assertThat(TEXT.substring(t.begin(), t.end())).isEqualTo(t.text());
            assertThat(t.pos()).isNull();
            assertThat(t.ner()).isNull();
        }
        assertThat(doc.tokens())
                .filteredOn(t -> t.text().equals("children"))
                .first()
                .extracting(AnnotatedDocument.Token::lemma)
                .isEqualTo("child");
        assertThat(doc.tokens())
                .filteredOn(t -> t.text().equals("were"))
                .first()
                .satisfies(t -> assertThat(t.isStop()).isTrue());
        assertThat(doc.mentions()).isEmpty();
        AnnotatedDocument.Sentence last = doc.sentences().get(4);
        assertThat(last.terms()).containsExactly("the", "child", "be", "run", "to", "ouagadougou", null);
    }

    @Test
    void namesKeepTheirFormWithoutPosTagging() {
        String text = "Officials in Kaunas met Ramunas Bitinas. Kaunas officials were meeting United Nations envoys.";
        AnnotatorConfig config = new AnnotatorConfig(false, false, AnnotateSettings.DEFAULT_NER_MODEL, false);
        AnnotatedDocument doc = new DocumentAnnotator(CoreNlpPipelines.get(config), config).annotate("d2", text);
        assertThat(doc.sentences().get(0).terms())
                .containsExactly("official", "in", "kaunas", "meet", "ramunas", "bitinas", null);
        assertThat(doc.sentences().get(1).terms())
                .containsExactly("kauna", "official", "be", "meet", "united", "nations", "envoy", null);
        AnnotatorConfig withNer = new AnnotatorConfig(false, true, AnnotateSettings.DEFAULT_NER_MODEL, false);
        AnnotatedDocument tagged = new DocumentAnnotator(CoreNlpPipelines.get(withNer), withNer).annotate("d2", text);
        assertThat(tagged.sentences().get(1).terms().get(0)).isEqualTo("kaunas");
    }

    @Test
    void nerWithoutPosFindsMergedCanonicalMentions() {
        AnnotatedDocument doc = annotate(new AnnotatorConfig(false, true, AnnotateSettings.DEFAULT_NER_MODEL, false));
        assertThat(doc.tokens()).allSatisfy(t -> assertThat(t.ner()).isNotNull());
        List<String> names = doc.mentions().stream().map(CanonicalMention::name).toList();
        assertThat(names).contains("Amadou Diallo", "Burkina Faso", "United States", "Asian Development Bank");
        // "Diallo's" resolves to the full name introduced earlier; the acronym to its definition.
        assertThat(doc.mentions())
                .filteredOn(m -> m.span().text().startsWith("Diallo"))
                .allSatisfy(m -> assertThat(m.name()).isEqualTo("Amadou Diallo"));
        assertThat(doc.mentions())
                .filteredOn(m -> m.span().text().equals("ADB"))
                .allSatisfy(m -> assertThat(m.name()).isEqualTo("Asian Development Bank"))
                .hasSize(2);
    }

    @Test
    void capitalisedWindowsFindTheSameMentionsHereAndTagEveryToken() {
        AnnotatedDocument sentence = annotate(
                new AnnotatorConfig(false, true, AnnotateSettings.DEFAULT_NER_MODEL, false, NerTagger.SCOPE_SENTENCE));
        AnnotatedDocument windows = annotate(
                new AnnotatorConfig(false, true, AnnotateSettings.DEFAULT_NER_MODEL, false, NerTagger.SCOPE_WINDOWS));
        assertThat(windows.mentions()).isEqualTo(sentence.mentions());
        // Tokens outside every window are tagged O, not left without a tag.
        assertThat(windows.tokens()).allSatisfy(t -> assertThat(t.ner()).isNotNull());
    }

    @Test
    void posTaggingGivesTagsAndTaggedLemmas() {
        AnnotatedDocument doc = annotate(new AnnotatorConfig(true, false, AnnotateSettings.DEFAULT_NER_MODEL, false));
        assertThat(doc.tokens()).allSatisfy(t -> assertThat(t.pos()).isNotBlank());
        assertThat(doc.tokens())
                .filteredOn(t -> t.text().equals("running"))
                .first()
                .satisfies(t -> assertThat(t.lemma()).isEqualTo("run"));
    }
}
