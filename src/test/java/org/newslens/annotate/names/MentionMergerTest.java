package org.newslens.annotate.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionMergerTest {
    private static List<TaggedToken> tokens(String text, String... tags) {
        List<TaggedToken> out = new ArrayList<>();
        int from = 0;
        String[] words = text.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            int begin = text.indexOf(words[i], from);
            from = begin + words[i].length();
            out.add(new TaggedToken(words[i], tags[i], begin, from));
        }
        return out;
    }

    @Test
    void consecutiveTokensOfOneTypeAreOneMention() {
        String text = "Delegates of the Andean Water Council met Amara Okafor in Lima";
        List<MentionSpan> spans = MentionMerger.merge(
                text,
                3,
                tokens(
                        text,
                        "O",
                        "O",
                        "O",
                        "ORGANIZATION",
                        "ORGANIZATION",
                        "ORGANIZATION",
                        "O",
                        "PERSON",
                        "PERSON",
                        "O",
                        "LOCATION"),
                MentionTypes.kept(false));
        assertThat(spans).extracting(MentionSpan::text).containsExactly("Andean Water Council", "Amara Okafor", "Lima");
        assertThat(spans.get(1)).isEqualTo(new MentionSpan(3, 7, 9, 42, 54, "Amara Okafor", "PERSON"));
    }

    @Test
    void typeChangeAndLineBreakEndAMention() {
        String text = "Okafor Lima\nQuito Ruritania";
        List<MentionSpan> spans = MentionMerger.merge(
                text, 0, tokens(text, "PERSON", "LOCATION", "LOCATION", "LOCATION"), MentionTypes.kept(false));
        assertThat(spans).extracting(MentionSpan::text).containsExactly("Okafor", "Lima", "Quito Ruritania");
    }

    @Test
    void quotesTaggedWithANameAreNotPartOfIt() {
        String text = "said Amara Okafor \u201C and \u201C left";
        List<MentionSpan> spans = MentionMerger.merge(
                text, 0, tokens(text, "O", "PERSON", "PERSON", "PERSON", "O", "PERSON", "O"), MentionTypes.kept(false));
        assertThat(spans).extracting(MentionSpan::text).containsExactly("Amara Okafor");
        assertThat(spans.get(0).endToken()).isEqualTo(3);
    }

    @Test
    void miscIsDroppedUnlessKept() {
        String text = "Andean pop";
        assertThat(MentionMerger.merge(text, 0, tokens(text, "MISC", "O"), MentionTypes.kept(false)))
                .isEmpty();
        assertThat(MentionMerger.merge(text, 0, tokens(text, "MISC", "O"), MentionTypes.kept(true)))
                .hasSize(1);
    }
}
