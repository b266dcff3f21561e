package org.newslens.annotate;

import java.util.List;
import org.newslens.annotate.names.CanonicalMention;

/** The result of one CoreNLP pass over a document, ready to become rows of sentences, tokens and mentions. */
public record AnnotatedDocument(
        String docId, List<Sentence> sentences, List<Token> tokens, List<CanonicalMention> mentions) {

    /** {@code terms}: one entry per token, the token's term or null (see TermNormalizer). */
    public record Sentence(int sentId, int begin, int end, String text, List<String> terms) {}

    /** {@code pos} is null when POS tagging is off, {@code ner} null when NER is off ("O" outside entities). */
    public record Token(
            int sentId,
            int tokId,
            String text,
            String lemma,
            String pos,
            String ner,
            boolean isStop,
            int begin,
            int end) {}
}
