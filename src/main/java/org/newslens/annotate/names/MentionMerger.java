package org.newslens.annotate.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.newslens.text.Chars;

/**
 * Merges consecutive tokens with the same kept NER type into one mention ("Shanghai", "Cooperation",
 * "Organization" → one ORGANIZATION). CoreNLP's CRF models tag in IO encoding, so adjacent tokens of one type
 * are one mention, as in CoreNLP's own EntityMentionsAnnotator, except across a line break. The text is cut
 * from the document.
 */
public final class MentionMerger {
    private MentionMerger() {}

    public static List<MentionSpan> merge(String docText, int sentId, List<TaggedToken> tokens, Set<String> keptTypes) {
        List<MentionSpan> spans = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String type = tokens.get(i).ner();
            if (type == null || !keptTypes.contains(type)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size()
                    && type.equals(tokens.get(j).ner())
                    && !lineBreakBetween(docText, tokens.get(j - 1), tokens.get(j))) {
                j++;
            }
            int first = i;
            int last = j;
            // NER sometimes tags a quote or dash next to a name; a mention starts and ends with a word.
            while (first < last && !Chars.hasLetterOrDigit(tokens.get(first).text())) {
                first++;
            }
            while (last > first && !Chars.hasLetterOrDigit(tokens.get(last - 1).text())) {
                last--;
            }
            if (first < last) {
                int begin = tokens.get(first).begin();
                int end = tokens.get(last - 1).end();
                spans.add(new MentionSpan(sentId, first, last, begin, end, docText.substring(begin, end), type));
            }
            i = j;
        }
        return spans;
    }

    /** A name never runs over a line break: a heading's last word and the next line's first are two mentions. */
    private static boolean lineBreakBetween(String docText, TaggedToken left, TaggedToken right) {
        return docText.substring(left.end(), right.begin()).indexOf('\n') >= 0;
    }
}
