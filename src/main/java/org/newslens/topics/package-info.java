/**
 * Stage 5, topics: topic models, document clusters, near-duplicates and topic trends. Reads: {@code documents},
 * {@code sentences}, {@code collocations}. Writes: {@code topics}, {@code doc_topics}, {@code clusters},
 * {@code duplicates}, {@code topic_trends}, {@code topic_metrics}. This package is the Spark side (term
 * vectors, scoring, MinHash shingles, the job); the fitting maths is pure Java in
 * {@link org.newslens.topics.model}.
 */
package org.newslens.topics;
