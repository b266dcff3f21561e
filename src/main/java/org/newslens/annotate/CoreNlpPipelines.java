package org.newslens.annotate;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One StanfordCoreNLP pipeline per executor JVM and configuration, and one {@link NerTagger} per NER model,
 * built on first use and shared by the JVM's tasks (annotating with a built pipeline, and classifying with a
 * loaded CRF, are thread-safe). Never serialised: tasks carry only the {@link AnnotatorConfig} key.
 */
public final class CoreNlpPipelines {
    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpPipelines.class);
    private static final Map<AnnotatorConfig, StanfordCoreNLP> PIPELINES = new ConcurrentHashMap<>();
    private static final Map<String, NerTagger> TAGGERS = new ConcurrentHashMap<>();

    private CoreNlpPipelines() {}

    /**
     * The pipeline, the NER tagger (null when NER is off) and, when this call built either, the seconds
     * building (loading models) took.
     */
    public record Loaded(StanfordCoreNLP pipeline, NerTagger ner, double loadSeconds) {}

    /** Whether the pipeline and NER model of this configuration are loaded in this JVM. */
    static boolean isLoaded(AnnotatorConfig config) {
        return PIPELINES.containsKey(config) && (!config.ner() || TAGGERS.containsKey(config.nerModel()));
    }

    public static Loaded get(AnnotatorConfig config) {
        double[] seconds = {0};
        StanfordCoreNLP pipeline = PIPELINES.computeIfAbsent(config, c -> {
            long t0 = System.nanoTime();
            StanfordCoreNLP built = new StanfordCoreNLP(c.properties());
            seconds[0] += (System.nanoTime() - t0) / 1e9;
            LOG.info(
                    "Built CoreNLP pipeline {} in {} s",
                    c.properties().getProperty("annotators"),
                    String.format("%.2f", (System.nanoTime() - t0) / 1e9));
            return built;
        });
        NerTagger ner = !config.ner()
                ? null
                : TAGGERS.computeIfAbsent(config.nerModel(), model -> {
                    long t0 = System.nanoTime();
                    NerTagger loaded = NerTagger.load(model);
                    seconds[0] += (System.nanoTime() - t0) / 1e9;
                    LOG.info(
                            "Loaded NER model {} in {} s",
                            model,
                            String.format("%.2f", (System.nanoTime() - t0) / 1e9));
                    return loaded;
                });
        return new Loaded(pipeline, ner, seconds[0]);
    }
}
