/**
 * Stage 1, ingest: lists the input (any Hadoop URI; .txt .md .jsonl .csv .parquet, optionally .gz), decodes
 * and reads it with Spark, and turns each article into a row. Reads: the input files. Writes:
 * {@code documents}, {@code rejects} (every input that could not become a document, with a reason).
 * The rules for one article's text are pure Java in {@link org.newslens.ingest.article}; this package holds
 * the Spark readers, the listing, decoding and the job.
 */
package org.newslens.ingest;
