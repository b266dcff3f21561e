package org.newslens.annotate;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/** Lets the benchmarks (another package) time the package-private per-document steps. */
public final class DocumentAnnotatorAccess {
    private final DocumentAnnotator annotator;

    public DocumentAnnotatorAccess(StanfordCoreNLP pipeline, AnnotatorConfig config) {
        this.annotator = new DocumentAnnotator(pipeline, config);
    }

    public int tokens(String text) {
        return annotator.annotate("d", text).tokens().size();
    }

    public int tokensAsRow(String text) {
        return AnnotatedRows.of(annotator.annotate("d", text)).getSeq(2).size();
    }
}
