package org.newslens.annotate.names;

/** A run of tokens with one entity type: sentence, token range [firstToken, endToken), character offsets. */
public record MentionSpan(int sentId, int firstToken, int endToken, int begin, int end, String text, String type) {}
