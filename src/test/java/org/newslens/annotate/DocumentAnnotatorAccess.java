package org.newslens.annotate;

/** Lets the benchmarks (another package) time the package-private per-document steps. */
public final class DocumentAnnotatorAccess {
    private final DocumentAnnotator annotator;

    public DocumentAnnotatorAccess(CoreNlpPipelines.Loaded loaded, AnnotatorConfig config) {
        this.annotator = new DocumentAnnotator(loaded, config);
    }

    public int tokens(String text) {
        return annotator.annotate("d", text).tokens().size();
    }

    public int tokensAsRow(String text) {
        return AnnotatedRows.of(annotator.annotate("d", text)).getSeq(2).size();
    }
}
