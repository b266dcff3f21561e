/**
 * Stage 6, trends: change over time and between outlets. Reads: {@code documents}, {@code mentions},
 * {@code entities}, {@code entity_pairs}, {@code doc_terms} (and {@code duplicates} when present, so a story
 * reprinted by several outlets counts once). Writes: {@code entity_trends}, {@code pair_trends},
 * {@code keyness}. The classes here run on Spark; the statistics (burst test, Benjamini-Hochberg, keyness G2)
 * are pure Java in {@link org.newslens.stats}.
 */
package org.newslens.trends;
