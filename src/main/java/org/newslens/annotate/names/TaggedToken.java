package org.newslens.annotate.names;

/** One token as NER saw it: text, tag and character offsets into the document text. */
public record TaggedToken(String text, String ner, int begin, int end) {}
