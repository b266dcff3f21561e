package org.newslens.annotate;

import java.io.Serializable;
import java.util.Properties;
import org.newslens.config.Settings;

/**
 * What the annotate pass does; the key of the per-JVM pipeline cache. Small and serialisable. NER is not a
 * CoreNLP annotator here: {@link NerTagger} runs the CRF on the tokens, over {@code nerScope}.
 */
public record AnnotatorConfig(boolean pos, boolean ner, String nerModel, boolean misc, String nerScope)
        implements Serializable {

    /** With NER over the default scope of {@link AnnotateSettings#NER_SCOPE}. */
    public AnnotatorConfig(boolean pos, boolean ner, String nerModel, boolean misc) {
        this(pos, ner, nerModel, misc, AnnotateSettings.NER_SCOPE.defaultValue());
    }

    public static AnnotatorConfig from(Settings settings) {
        return new AnnotatorConfig(
                settings.get(AnnotateSettings.POS),
                settings.get(AnnotateSettings.NER),
                settings.get(AnnotateSettings.NER_MODEL),
                settings.get(AnnotateSettings.MISC),
                settings.get(AnnotateSettings.NER_SCOPE));
    }

    /** The model files this pipeline loads (tokenize and ssplit need none). */
    public java.util.List<String> modelFiles() {
        java.util.List<String> files = new java.util.ArrayList<>();
        if (pos) {
            files.add(AnnotateSettings.POS_MODEL);
        }
        if (ner) {
            files.add(nerModel);
        }
        return files;
    }

    /** CoreNLP properties: tokenize + ssplit, then POS when enabled; nothing else (NER runs after, see NerTagger). */
    public Properties properties() {
        Properties props = new Properties();
        StringBuilder annotators = new StringBuilder("tokenize,ssplit");
        if (pos) {
            annotators.append(",pos");
            props.setProperty("pos.model", AnnotateSettings.POS_MODEL);
        }
        props.setProperty("annotators", annotators.toString());
        props.setProperty("tokenize.language", "en");
        // A blank line ends a sentence: headlines and datelines do not run into the first sentence.
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        return props;
    }
}
