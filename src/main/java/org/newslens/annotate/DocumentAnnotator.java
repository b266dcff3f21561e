package org.newslens.annotate;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.process.Morphology;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newslens.annotate.names.DocumentCanonicalizer;
import org.newslens.annotate.names.MentionMerger;
import org.newslens.annotate.names.MentionSpan;
import org.newslens.annotate.names.MentionTypes;
import org.newslens.annotate.names.TaggedToken;
import org.newslens.text.StopWords;
import org.newslens.text.TermNormalizer;

/**
 * Annotates one document with a shared CoreNLP pipeline: sentences, tokens with lemma (from the POS tag when
 * tagging is on, else CoreNLP's tag-free {@link Morphology#stem(String)}), stop-word flag, NER tag, and the
 * document's merged, canonicalised entity mentions. One instance per task: {@link Morphology} is not thread-safe.
 */
public final class DocumentAnnotator {
    private final StanfordCoreNLP pipeline;
    private final NerTagger ner;
    private final AnnotatorConfig config;
    private final Morphology morphology = new Morphology();
    private final Set<String> keptTypes;
    /** Tag-free lemmas by word: Zipf's law makes a small cache hit most tokens; stem() costs ~1/3 of tokenizing. */
    private final Map<String, String> stemCache = new HashMap<>();

    private static final int STEM_CACHE_LIMIT = 100_000;

    public DocumentAnnotator(CoreNlpPipelines.Loaded loaded, AnnotatorConfig config) {
        this.pipeline = loaded.pipeline();
        this.ner = loaded.ner();
        this.config = config;
        this.keptTypes = MentionTypes.kept(config.misc());
    }

    public AnnotatedDocument annotate(String docId, String text) {
        Annotation annotation = new Annotation(text);
        pipeline.annotate(annotation);
        List<AnnotatedDocument.Sentence> sentences = new ArrayList<>();
        List<AnnotatedDocument.Token> tokens = new ArrayList<>();
        List<MentionSpan> spans = new ArrayList<>();
        List<CoreMap> coreSentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        int sentId = 0;
        for (CoreMap sentence : coreSentences) {
            List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
            if (config.ner()) {
                ner.tag(labels, config.nerScope());
            }
            List<String> terms = new ArrayList<>(labels.size());
            List<TaggedToken> tagged = new ArrayList<>(labels.size());
            int tokId = 0;
            for (CoreLabel label : labels) {
                String surface = label.originalText() != null ? label.originalText() : label.word();
                String pos = config.pos() ? label.tag() : null;
                String ner = config.ner() ? (label.ner() == null ? MentionTypes.NONE : label.ner()) : null;
                String lemma = isName(label.word(), ner, tokId == 0) ? label.word() : lemma(label.word(), pos);
                String term = TermNormalizer.term(lemma);
                int begin = label.beginPosition();
                int end = label.endPosition();
                tokens.add(new AnnotatedDocument.Token(
                        sentId, tokId++, surface, lemma, pos, ner, StopWords.isStop(surface, term), begin, end));
                terms.add(term);
                tagged.add(new TaggedToken(surface, ner, begin, end));
            }
            int begin = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            sentences.add(new AnnotatedDocument.Sentence(sentId, begin, end, text.substring(begin, end), terms));
            if (config.ner()) {
                spans.addAll(MentionMerger.merge(text, sentId, tagged, keptTypes));
            }
            sentId++;
        }
        return new AnnotatedDocument(docId, sentences, tokens, DocumentCanonicalizer.canonicalize(text, spans));
    }

    /**
     * A name is its own lemma: without a POS tag, CoreNLP's tag-free stemmer would read "Beijing" as a verb
     * ("beij") and "Raisi" as a plural ("raisus"). A token is taken as a name when NER tagged it as an
     * entity, or when it is capitalised anywhere but at the start of its sentence.
     */
    static boolean isName(String word, String ner, boolean sentenceStart) {
        if (ner != null && !ner.equals(MentionTypes.NONE)) {
            return true;
        }
        return !sentenceStart && !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }

    private String lemma(String word, String pos) {
        if (pos != null) {
            return orWord(morphology.lemma(word, pos), word);
        }
        String cached = stemCache.get(word);
        if (cached == null) {
            cached = orWord(morphology.stem(word), word);
            if (stemCache.size() >= STEM_CACHE_LIMIT) {
                stemCache.clear();
            }
            stemCache.put(word, cached);
        }
        return cached;
    }

    private static String orWord(String lemma, String word) {
        return lemma == null || lemma.isEmpty() ? word : lemma;
    }
}
