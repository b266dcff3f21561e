package org.newslens.annotate;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
import org.newslens.annotate.names.MentionTypes;

/**
 * Sets the NER tag of every token of a sentence with one CRF model, called directly rather than through
 * CoreNLP's {@code ner} annotator, so that parts of a sentence can be classified: with {@link #SCOPE_WINDOWS}
 * only {@link CandidateWindows} go through the CRF and every other token is tagged O. One difference from the
 * annotator: it re-joins hyphenated words for the CRF ("China-Iran"), while here the CRF sees the tokenizer's
 * tokens, so "China" and "Iran" in "China-Iran ties" are each a LOCATION. A loaded tagger is shared by the JVM's
 * tasks: {@link CRFClassifier#classifySentence} works on copies of the tokens it is given.
 */
public final class NerTagger {
    /** Classify whole sentences (the CRF sees all of each sentence). */
    public static final String SCOPE_SENTENCE = "sentence";
    /** Classify only windows around capitalised tokens; everything else is O. */
    public static final String SCOPE_WINDOWS = "capitalised-windows";

    public static final List<String> SCOPES = List.of(SCOPE_SENTENCE, SCOPE_WINDOWS);
    /** Tokens of context either side of a candidate in {@link #SCOPE_WINDOWS}. */
    public static final int WINDOW_CONTEXT = 3;

    private final CRFClassifier<CoreLabel> crf;

    public NerTagger(CRFClassifier<CoreLabel> crf) {
        this.crf = crf;
    }

    /** Loads a serialised CRF model (classpath resource or file path). */
    public static NerTagger load(String model) {
        try {
            return new NerTagger(CRFClassifier.getClassifier(model));
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot load NER model " + model + ": " + e, e);
        }
    }

    /** Tags the sentence's tokens in place (their NER annotation). */
    public void tag(List<CoreLabel> sentence, String scope) {
        if (SCOPE_SENTENCE.equals(scope)) {
            classify(sentence, 0, sentence.size());
            return;
        }
        tagWindows(sentence, WINDOW_CONTEXT);
    }

    /** Classifies only the sentence's {@link CandidateWindows} with {@code context} tokens either side. */
    public void tagWindows(List<CoreLabel> sentence, int context) {
        for (CoreLabel label : sentence) {
            label.setNER(MentionTypes.NONE);
        }
        List<String> words = new ArrayList<>(sentence.size());
        for (CoreLabel label : sentence) {
            words.add(label.word());
        }
        for (CandidateWindows.Window window : CandidateWindows.of(words, context)) {
            classify(sentence, window.start(), window.end());
        }
    }

    private void classify(List<CoreLabel> sentence, int start, int end) {
        if (start >= end) {
            return;
        }
        // classifySentence works on copies it preprocesses (word shapes) and returns them in the same order.
        List<CoreLabel> part = sentence.subList(start, end);
        List<CoreLabel> answers = crf.classifySentence(part);
        for (int i = 0; i < part.size(); i++) {
            String answer = answers.get(i).get(CoreAnnotations.AnswerAnnotation.class);
            part.get(i).setNER(answer == null ? MentionTypes.NONE : answer);
        }
    }
}
