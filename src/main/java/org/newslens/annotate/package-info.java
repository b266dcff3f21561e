/**
 * Stage 2, annotate: the one NLP pass per document (Stanford CoreNLP: sentences, tokens, lemmas, parts of
 * speech, named entities), run per partition with one pipeline per executor JVM. Reads: {@code documents}.
 * Writes: {@code sentences}, {@code tokens}, {@code mentions}. The per-document name rules that turn NER tags
 * into canonical mentions and entity ids are pure Java in {@link org.newslens.annotate.names}.
 */
package org.newslens.annotate;
