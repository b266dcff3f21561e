package org.newslens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.ingest.article.ParsedArticle;
import org.newslens.ingest.article.PlainTextParser;

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

    /** Resampled documents carry a synthetic outlet and date that ingest reads back, so trends have work. */
    @Test
    void resampledDocumentsHaveAnOutletAndADateIngestReads(@TempDir Path dir) throws Exception {
        BrownCorpus corpus = new BrownCorpus(List.of(new BrownCorpus.Text(
                "ca01",
                'a',
                List.of("The jury said no evidence was found.", "It ran home in the rain.", "A dog barked twice."))));
        corpus.writeResampled(dir, 3_000, 42);
        try (var files = Files.walk(dir)) {
            List<Path> docs =
                    files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            assertThat(docs).hasSizeGreaterThan(2);
            for (Path doc : docs) {
                ParsedArticle article = PlainTextParser.parse(Files.readString(doc), false);
                assertThat(article.outlet()).isIn(BrownCorpus.OUTLETS);
                assertThat(article.published()).isBetween(BrownCorpus.FIRST_DAY, BrownCorpus.FIRST_DAY.plusDays(729));
                assertThat(article.title()).startsWith("Sampled article ");
            }
        }
    }

    /** The split used by the append benchmark: the base is the plain resample, the new part other documents. */
    @Test
    void aSecondPortionContinuesTheStreamWithOtherDocuments(@TempDir Path dir) throws Exception {
        BrownCorpus corpus = new BrownCorpus(List.of(new BrownCorpus.Text(
                "ca01",
                'a',
                List.of(
                        "The jury said no evidence was found.",
                        "It ran home in the rain.",
                        "A dog barked twice.",
                        "The mayor opened the new bridge."))));
        corpus.writeResampled(dir.resolve("plain"), 3_000, 42);
        long[] written = corpus.writeResampled(
                42,
                List.of(
                        new BrownCorpus.Portion(dir.resolve("base"), 3_000),
                        new BrownCorpus.Portion(dir.resolve("new"), 1_000)));
        assertThat(written[0]).isGreaterThanOrEqualTo(3_000);
        assertThat(written[1]).isGreaterThanOrEqualTo(1_000);
        assertThat(texts(dir.resolve("base"))).isEqualTo(texts(dir.resolve("plain")));
        java.util.Map<String, String> added = texts(dir.resolve("new"));
        assertThat(added).isNotEmpty();
        assertThat(added.keySet())
                .doesNotContainAnyElementsOf(texts(dir.resolve("base")).keySet());
        assertThat(added.values())
                .doesNotContainAnyElementsOf(texts(dir.resolve("base")).values());
    }

    /** Each document's text by its path under {@code dir}. */
    private static java.util.Map<String, String> texts(Path dir) throws Exception {
        java.util.Map<String, String> texts = new java.util.TreeMap<>();
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.put(dir.relativize(file).toString(), Files.readString(file));
            }
        }
        return texts;
    }
}
