/**
 * Stage 3, terms: term statistics and keywords from the annotated sentences. Reads: {@code documents},
 * {@code sentences}. Writes: {@code term_stats}, {@code doc_terms}, {@code collocations}, {@code doc_keywords}.
 * The n-gram extraction and collocation scores ({@link org.newslens.terms.NgramExtractor},
 * {@link org.newslens.terms.CollocationScorer}) are pure Java.
 */
package org.newslens.terms;
