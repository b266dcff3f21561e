package org.newslens.annotate.names;

import java.util.List;

/**
 * A mention with its name inside its document. {@code linkKey} is set when the name is a short form still
 * unresolved in its document (a bare surname "short:roe", an undefined acronym "acr:WFO"); the corpus-level
 * linker resolves it to the one full name that {@code offers} the same key elsewhere, if exactly one does.
 * {@code offers} are the keys this (full) name can resolve.
 */
public record CanonicalMention(MentionSpan span, String name, String linkKey, List<String> offers) {}
