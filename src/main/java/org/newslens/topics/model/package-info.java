/**
 * Stage 5, topics: the model maths, pure Java without Spark (unit-tested without a session): sparse document
 * vectors, the vocabulary, spherical k-means, NMF, the silhouette and the choice of k, topic coherence
 * (NPMI), LSH banding for near-duplicates, and the matching of refitted topics to stored ones. Reads and writes no table; {@code topics} collects a sample to
 * the driver, fits here, and ships the fitted models to executors.
 */
package org.newslens.topics.model;
