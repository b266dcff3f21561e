package org.newslens.annotate.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentCanonicalizerTest {
    private static final String PER = MentionTypes.PERSON;
    private static final String ORG = MentionTypes.ORGANIZATION;
    private static final String LOC = MentionTypes.LOCATION;

    /** Builds a document from (surface, type) pieces joined by " x ", with spans at the right offsets. */
    private static List<CanonicalMention> canonicalize(Object... surfaceTypePairs) {
        StringBuilder text = new StringBuilder();
        List<MentionSpan> spans = new ArrayList<>();
        for (int i = 0; i < surfaceTypePairs.length; i += 2) {
            String surface = (String) surfaceTypePairs[i];
            String type = (String) surfaceTypePairs[i + 1];
            if (type == null) { // plain text between mentions
                text.append(surface);
                continue;
            }
            int begin = text.length();
            text.append(surface);
            spans.add(new MentionSpan(0, i, i + 1, begin, text.length(), surface, type));
            text.append(" x ");
        }
        return DocumentCanonicalizer.canonicalize(text.toString(), spans);
    }

    private static List<String> names(List<CanonicalMention> mentions) {
        return mentions.stream().map(CanonicalMention::name).toList();
    }

    @Test
    void surnameResolvesToTheFullNameIntroducedEarlierOrLater() {
        assertThat(names(canonicalize("Okafor", PER, "President Amara Okafor", PER, "Okafor's", PER)))
                .containsExactly("Amara Okafor", "Amara Okafor", "Amara Okafor");
    }

    @Test
    void givenNameOrSurnameFirstNamesResolveToo() {
        // Surname-first order (Chinese, Korean, Hungarian names): the first word resolves as well.
        assertThat(names(canonicalize("Li Qiang", PER, "Li", PER, "Qiang", PER)))
                .containsExactly("Li Qiang", "Li Qiang", "Li Qiang");
        assertThat(names(canonicalize("Jean-Paul Mbeki Ndlovu", PER, "Mbeki Ndlovu", PER)))
                .containsExactly("Jean-Paul Mbeki Ndlovu", "Jean-Paul Mbeki Ndlovu");
    }

    @Test
    void anAmbiguousShortNameStaysAndLeavesALinkKey() {
        List<CanonicalMention> m = canonicalize("Kim Dae Ho", PER, "Kim Min Ji", PER, "Kim", PER);
        assertThat(m.get(2).name()).isEqualTo("Kim");
        assertThat(m.get(2).linkKey()).isEqualTo("short:kim");
        assertThat(m.get(0).linkKey()).isNull();
        assertThat(m.get(0).offers()).containsExactly("short:kim", "short:ho");
    }

    @Test
    void aBareSurnameWithoutFullNameInTheDocumentWaitsForTheCorpusPass() {
        List<CanonicalMention> m = canonicalize("Okafor", PER);
        assertThat(m.get(0).name()).isEqualTo("Okafor");
        assertThat(m.get(0).linkKey()).isEqualTo("short:okafor");
    }

    @Test
    void acronymDefinedAfterTheNameLinksBothForms() {
        String text = "The Andean Water Council (AWC) met. Later the AWC said no.";
        List<MentionSpan> spans = List.of(
                new MentionSpan(0, 1, 4, 4, 24, "Andean Water Council", ORG),
                new MentionSpan(0, 5, 6, 26, 29, "AWC", ORG),
                new MentionSpan(1, 2, 3, 46, 49, "AWC", ORG));
        assertThat(text.substring(46, 49)).isEqualTo("AWC");
        assertThat(names(DocumentCanonicalizer.canonicalize(text, spans))).containsOnly("Andean Water Council");
    }

    @Test
    void acronymBeforeItsSpelledOutNameLinksToo() {
        String text = "KNB (Kowloon Neighbourhood Bank) grew. KNB said so.";
        List<MentionSpan> spans =
                List.of(new MentionSpan(0, 0, 1, 0, 3, "KNB", ORG), new MentionSpan(1, 0, 1, 39, 42, "KNB", ORG));
        assertThat(names(DocumentCanonicalizer.canonicalize(text, spans)))
                .containsExactly("Kowloon Neighbourhood Bank", "Kowloon Neighbourhood Bank");
    }

    @Test
    void undefinedAcronymMatchingTheInitialsOfOneNameResolves() {
        assertThat(names(canonicalize("Bank of Ruritania", ORG, "BR", ORG)))
                .containsExactly("Bank of Ruritania", "Bank of Ruritania");
        List<CanonicalMention> alone = canonicalize("WFO", ORG);
        assertThat(alone.get(0).linkKey()).isEqualTo("acr:WFO");
        assertThat(canonicalize("World Fencing Office", ORG).get(0).offers()).containsExactly("acr:WFO");
    }

    @Test
    void countriesAreNeverTreatedAsSurnames() {
        List<CanonicalMention> m = canonicalize("Chad Okonkwo", PER, "Chad", LOC);
        assertThat(names(m)).containsExactly("Chad Okonkwo", "Chad");
        assertThat(m.get(1).linkKey()).isNull();
    }

    @Test
    void aPlaceNamedLikeASurnameStaysAPlace() {
        assertThat(names(canonicalize("Amara Lagos", PER, "Lagos", LOC, "Lagos", PER)))
                .containsExactly("Amara Lagos", "Lagos", "Amara Lagos");
    }

    @Test
    void titleOnlyMentionsAreLeftOut() {
        assertThat(names(canonicalize("President", PER, "Lena Vogt", PER))).containsExactly("Lena Vogt");
    }

    @Test
    void randomTextNeverThrows() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "Aa Bb'’s.()-“\n USKr";
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int begin = random.nextInt(text.length());
            int end = begin + 1 + random.nextInt(text.length() - begin);
            String type = List.of(PER, ORG, LOC).get(random.nextInt(3));
            DocumentCanonicalizer.canonicalize(
                    text.toString(), List.of(new MentionSpan(0, 0, 1, begin, end, text.substring(begin, end), type)));
        }
    }

    @Test
    void aDocumentWithThousandsOfNamesResolvesEachShortFormToItsOwnFullName() {
        // A book-length document: 3,000 made-up people, each named in full and then by a surname of their own,
        // and one surname two of them share.
        List<Object> pieces = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            pieces.add("Ilse Varkonyi" + toLetters(i));
            pieces.add(PER);
        }
        pieces.addAll(List.of("Tomas Okonkwo", PER, "Adaeze Okonkwo", PER));
        for (int i = 0; i < 3000; i++) {
            pieces.add("Varkonyi" + toLetters(i));
            pieces.add(PER);
        }
        pieces.addAll(List.of("Okonkwo", PER));
        List<String> names = names(canonicalize(pieces.toArray()));
        for (int i = 0; i < 3000; i++) {
            assertThat(names.get(3002 + i)).isEqualTo("Ilse Varkonyi" + toLetters(i));
        }
        assertThat(names.get(names.size() - 1)).isEqualTo("Okonkwo");
    }

    /** 0 → "a", 27 → "bb": distinct letter-only suffixes, so every surname is a word of its own. */
    private static String toLetters(int i) {
        StringBuilder out = new StringBuilder();
        do {
            out.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return out.toString();
    }
}
