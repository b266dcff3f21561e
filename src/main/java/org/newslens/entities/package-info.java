/**
 * Stage 4, entities: canonical entities, their co-occurrence pairs and graph. Reads: {@code mentions},
 * {@code sentences}. Writes: {@code entities}, {@code entity_pairs}, {@code entity_graph}. Entity ids are made
 * earlier, by annotate ({@link org.newslens.annotate.names}); this stage counts and links them. All of it
 * runs on Spark; the association measures come from {@link org.newslens.stats}.
 */
package org.newslens.entities;
