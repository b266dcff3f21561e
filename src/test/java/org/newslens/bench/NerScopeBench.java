package org.newslens.bench;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.newslens.annotate.AnnotateSettings;
import org.newslens.annotate.AnnotatorConfig;
import org.newslens.annotate.CoreNlpPipelines;
import org.newslens.annotate.NerTagger;
import org.newslens.annotate.names.MentionMerger;
import org.newslens.annotate.names.MentionSpan;
import org.newslens.annotate.names.MentionTypes;
import org.newslens.annotate.names.TaggedToken;

/**
 * NER cost and agreement, one thread, on the tokens of a corpus tokenized once: CoreNLP's ner annotator (the
 * reference: what annotate ran before), the CRF called per sentence, and the CRF on capitalised windows of
 * 2 and 4 tokens of context. Agreement is mention-level (merged spans, same sentence, offsets and type) against
 * the reference. Not a test, a measurement:
 * {@code mvn -o -q test -Dtest=NerScopeBench -Dnewslens.bench=true -Dnewslens.bench.corpus=DIR}.
 */
@EnabledIfSystemProperty(named = "newslens.bench", matches = "true")
class NerScopeBench {
    private record Doc(String text, List<List<CoreLabel>> sentences) {}

    @Test
    void scopes() throws Exception {
        Path dir = Path.of(System.getProperty("newslens.bench.corpus", "data"));
        AnnotatorConfig plain = new AnnotatorConfig(false, true, AnnotateSettings.DEFAULT_NER_MODEL, false);
        CoreNlpPipelines.Loaded loaded = CoreNlpPipelines.get(plain);
        List<Doc> docs = new ArrayList<>();
        long tokens = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f)
                            && !f.getFileName().toString().startsWith("_")
                            && !f.getFileName().toString().equals("README.md"))
                    .sorted()
                    .toList()) {
                String text = Files.readString(file);
                Annotation annotation = new Annotation(text);
                loaded.pipeline().annotate(annotation);
                List<List<CoreLabel>> sentences = new ArrayList<>();
                for (CoreMap s : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
                    List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
                    sentences.add(labels);
                    tokens += labels.size();
                }
                docs.add(new Doc(text, sentences));
            }
        }
        System.out.printf("BENCH corpus %s docs=%d tokens=%d%n", dir, docs.size(), tokens);
        StanfordCoreNLP annotator = new StanfordCoreNLP(legacyNerProperties());
        NerTagger ner = loaded.ner();
        List<Set<String>> reference = null;
        List<Set<String>> direct = null;
        for (int round = 0; round < 2; round++) {
            List<Set<String>> ref = run(
                    "ner annotator (before)",
                    docs,
                    tokens,
                    doc -> {
                        Annotation a = new Annotation(doc.text());
                        List<CoreMap> maps = new ArrayList<>();
                        for (List<CoreLabel> s : doc.sentences()) {
                            CoreMap m = new Annotation("");
                            m.set(CoreAnnotations.TokensAnnotation.class, s);
                            maps.add(m);
                        }
                        a.set(CoreAnnotations.SentencesAnnotation.class, maps);
                        List<CoreLabel> all = new ArrayList<>();
                        doc.sentences().forEach(all::addAll);
                        a.set(CoreAnnotations.TokensAnnotation.class, all);
                        annotator.annotate(a);
                    },
                    null,
                    null);
            reference = reference == null ? ref : reference;
            List<Set<String>> d = run(
                    "CRF per sentence",
                    docs,
                    tokens,
                    doc -> doc.sentences().forEach(s -> ner.tag(s, NerTagger.SCOPE_SENTENCE)),
                    reference,
                    null);
            direct = direct == null ? d : direct;
            for (int context : new int[] {2, 3, 4}) {
                run(
                        "CRF capitalised windows +-" + context,
                        docs,
                        tokens,
                        doc -> doc.sentences().forEach(s -> ner.tagWindows(s, context)),
                        reference,
                        direct);
            }
        }
    }

    private static List<Set<String>> run(
            String label,
            List<Doc> docs,
            long tokens,
            Consumer<Doc> tagger,
            List<Set<String>> reference,
            List<Set<String>> direct) {
        long t0 = System.nanoTime();
        for (Doc doc : docs) {
            tagger.accept(doc);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Set<String>> mentions = new ArrayList<>();
        for (Doc doc : docs) {
            mentions.add(mentions(doc));
        }
        StringBuilder agreement = new StringBuilder(
                " mentions=" + mentions.stream().mapToInt(Set::size).sum());
        if (reference != null) {
            agreement.append(" | vs ner annotator:").append(agreement(label, docs, mentions, reference));
        }
        if (direct != null) {
            agreement.append(" | vs CRF per sentence:").append(agreement(label, docs, mentions, direct));
        }
        System.out.printf("BENCH %-34s %.2fs %.0f tokens/s%s%n", label, seconds, tokens / seconds, agreement);
        return mentions;
    }

    /** Mention-level precision and recall of {@code mentions} against {@code reference}, same documents. */
    private static String agreement(
            String label, List<Doc> docs, List<Set<String>> mentions, List<Set<String>> reference) {
        long both = 0;
        long got = 0;
        long want = 0;
        for (int i = 0; i < docs.size(); i++) {
            Set<String> common = new HashSet<>(mentions.get(i));
            common.retainAll(reference.get(i));
            Doc doc = docs.get(i);
            if (Boolean.getBoolean("newslens.bench.diff")) {
                mentions.get(i).stream()
                        .filter(m -> !common.contains(m))
                        .forEach(m -> System.out.println("DIFF " + label + " extra   " + show(doc, m)));
                reference.get(i).stream()
                        .filter(m -> !common.contains(m))
                        .forEach(m -> System.out.println("DIFF " + label + " missing " + show(doc, m)));
            }
            both += common.size();
            got += mentions.get(i).size();
            want += reference.get(i).size();
        }
        return String.format(
                " precision=%.4f recall=%.4f", both / (double) Math.max(1, got), both / (double) Math.max(1, want));
    }

    private static String show(Doc doc, String mention) {
        String[] p = mention.split(":");
        int begin = Integer.parseInt(p[1]);
        int end = Integer.parseInt(p[2]);
        return p[3] + " [" + doc.text().substring(begin, end) + "] in \""
                + doc.text()
                        .substring(Math.max(0, begin - 40), Math.min(doc.text().length(), end + 40))
                        .replace('\n', ' ')
                + "\"";
    }

    private static Set<String> mentions(Doc doc) {
        Set<String> spans = new HashSet<>();
        int sentId = 0;
        for (List<CoreLabel> sentence : doc.sentences()) {
            List<TaggedToken> tagged = new ArrayList<>();
            for (CoreLabel l : sentence) {
                String surface = l.originalText() != null ? l.originalText() : l.word();
                tagged.add(new TaggedToken(
                        surface, l.ner() == null ? MentionTypes.NONE : l.ner(), l.beginPosition(), l.endPosition()));
            }
            for (MentionSpan span : MentionMerger.merge(doc.text(), sentId, tagged, MentionTypes.kept(false))) {
                spans.add(span.sentId() + ":" + span.begin() + ":" + span.end() + ":" + span.type());
            }
            sentId++;
        }
        return spans;
    }

    /** The ner annotator exactly as AnnotatorConfig configured it before NER ran through NerTagger. */
    private static Properties legacyNerProperties() {
        Properties props = new Properties();
        props.setProperty("annotators", "ner");
        props.setProperty("ner.model", AnnotateSettings.DEFAULT_NER_MODEL);
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        props.setProperty("ner.combinationMode", "NORMAL");
        props.setProperty("enforceRequirements", "false");
        props.setProperty("tokenize.language", "en");
        return props;
    }
}
