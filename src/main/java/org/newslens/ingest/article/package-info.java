/**
 * Stage 1, ingest: the rules for one article, pure Java without Spark (unit-tested without a session):
 * line splitting and cleaning, web furniture, kickers, title, date and outlet finding, truncation, the word
 * count and the content hashes behind {@code doc_id} and {@code content_sha}. Reads and writes no table;
 * {@code ingest} calls it per record.
 */
package org.newslens.ingest.article;
