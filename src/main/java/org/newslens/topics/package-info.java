/**
 * Stage 5, topics: topic models, document clusters, near-duplicates and topic trends. Reads: {@code documents},
 * {@code sentences}, {@code collocations}. Writes: {@code topics}, {@code doc_topics}, {@code clusters},
 * {@code duplicates}, {@code topic_trends}, {@code topic_metrics}, and the fitted model in
 * {@code state/topic_model}, {@code state/topic_vocabulary}, {@code state/topic_model_info}, which an append run
 * scores with (or, with {@code topics.refit}, matches a new fit to, so topic ids stay). This package is the Spark side (term
 * vectors, scoring, MinHash shingles, the job); the fitting maths is pure Java in
 * {@link org.newslens.topics.model}.
 */
package org.newslens.topics;
