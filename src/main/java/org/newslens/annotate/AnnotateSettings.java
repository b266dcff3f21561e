package org.newslens.annotate;

import java.util.List;
import org.newslens.config.Setting;

/** Settings of the annotate job (one CoreNLP pass per document). */
public final class AnnotateSettings {
    private AnnotateSettings() {}

    /** The one CRF model NER loads by default; the job jar packs exactly this file (and the POS tagger). */
    public static final String DEFAULT_NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    /** The POS tagger model loaded when {@link #POS} is on. */
    public static final String POS_MODEL = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";

    public static final Setting<Boolean> POS = Setting.bool(
            "annotate.pos",
            false,
            "Tag parts of speech (tokens.pos; lemmas then use the tag). About 15x slower than tokenizing");
    public static final Setting<Boolean> NER =
            Setting.bool("annotate.ner", true, "Recognise named entities with one CRF model (tokens.ner, mentions)");
    public static final Setting<String> NER_MODEL = Setting.string(
            "annotate.ner-model", DEFAULT_NER_MODEL, "CoreNLP CRF model for NER: a classpath resource or a file path");
    public static final Setting<String> NER_SCOPE = Setting.choice(
            "annotate.ner-scope",
            NerTagger.SCOPE_WINDOWS,
            NerTagger.SCOPES,
            "What the NER model classifies: only windows of " + NerTagger.WINDOW_CONTEXT
                    + " tokens either side of capitalised words, the rest tagged O (about 2.5x less NER time; 98% of"
                    + " mentions as with whole sentences on Brown), or whole sentences");
    public static final Setting<Boolean> MISC = Setting.bool(
            "annotate.misc",
            false,
            "Keep MISC mentions too (only models with a MISC class, e.g. english.conll.4class, produce them)");
    public static final Setting<String> ON_ERROR = Setting.choice(
            "annotate.on-error",
            "skip",
            List.of("skip", "fail"),
            "What to do with a document CoreNLP fails on: skip it (counted and logged with its doc_id) or fail the job");

    public static List<Setting<?>> all() {
        return List.of(POS, NER, NER_MODEL, NER_SCOPE, MISC, ON_ERROR);
    }
}
