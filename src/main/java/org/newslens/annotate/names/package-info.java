/**
 * Stage 2, annotate: per-document name rules, pure Java without Spark or CoreNLP: merging NER-tagged tokens
 * into mentions, cleaning names (titles, possessives, countries), and linking a document's short forms
 * (surnames, acronyms) to its full names, which gives each mention its canonical name and
 * {@code mentions.entity_id}. Reads and writes no table; {@code annotate} calls it per document.
 */
package org.newslens.annotate.names;
