package org.newslens.annotate;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.DoubleAccumulator;
import org.newslens.io.Columns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark side of the CoreNLP pass: for each (doc_id, text) row, one {@link DocumentAnnotator} call. The
 * pipeline comes from the per-JVM {@link CoreNlpPipelines}; only the small config travels with the task.
 * A document CoreNLP throws on becomes a row with {@code error} set (skip) or fails the task naming it (fail).
 */
final class AnnotatePartition implements MapPartitionsFunction<Row, Row> {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotatePartition.class);

    private final AnnotatorConfig config;
    private final boolean failOnError;
    private final DoubleAccumulator loadSeconds;

    AnnotatePartition(AnnotatorConfig config, boolean failOnError, DoubleAccumulator loadSeconds) {
        this.config = config;
        this.failOnError = failOnError;
        this.loadSeconds = loadSeconds;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> documents) {
        CoreNlpPipelines.Loaded loaded = CoreNlpPipelines.get(config);
        loadSeconds.add(loaded.loadSeconds());
        DocumentAnnotator annotator = new DocumentAnnotator(loaded, config);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return documents.hasNext();
            }

            @Override
            public Row next() {
                Row doc = documents.next();
                String docId = doc.getAs(Columns.DOC_ID);
                try {
                    return AnnotatedRows.of(annotator.annotate(docId, doc.<String>getAs(Columns.TEXT)));
                } catch (RuntimeException | StackOverflowError e) {
                    if (failOnError) {
                        throw new IllegalStateException("CoreNLP failed on document " + docId + ": " + e, e);
                    }
                    LOG.warn("Skipping document {}: CoreNLP failed: {}", docId, e.toString());
                    return AnnotatedRows.failed(docId, e);
                }
            }
        };
    }
}
