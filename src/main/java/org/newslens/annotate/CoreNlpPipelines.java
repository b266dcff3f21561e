package org.newslens.annotate;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Map;
import java.util.Set;
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
    /** The configurations whose loading a task has reported (see {@link #get}). */
    private static final Set<AnnotatorConfig> REPORTED = ConcurrentHashMap.newKeySet();

    private CoreNlpPipelines() {}

    /**
     * The pipeline, the NER tagger (null when NER is off) and the seconds the call waited for them: its own
     * loading, or a load another thread started ahead ({@link #loadAhead}). Only the first call to find them
     * missing reports its wait, so tasks waiting side by side count the loading once.
     */
    public record Loaded(StanfordCoreNLP pipeline, NerTagger ner, double loadSeconds) {}

    /** Whether the pipeline and NER model of this configuration are loaded in this JVM. */
    static boolean isLoaded(AnnotatorConfig config) {
        return PIPELINES.containsKey(config) && (!config.ner() || TAGGERS.containsKey(config.nerModel()));
    }

    public static Loaded get(AnnotatorConfig config) {
        boolean missing = !isLoaded(config);
        long t0 = System.nanoTime();
        StanfordCoreNLP pipeline = pipeline(config);
        NerTagger ner = config.ner() ? tagger(config.nerModel()) : null;
        double seconds = missing && REPORTED.add(config) ? (System.nanoTime() - t0) / 1e9 : 0;
        return new Loaded(pipeline, ner, seconds);
    }

    /** Loads what {@link #get} gives, unless loaded, without reporting the time: the tasks report what they wait. */
    static void loadAhead(AnnotatorConfig config) {
        pipeline(config);
        if (config.ner()) {
            tagger(config.nerModel());
        }
    }

    private static StanfordCoreNLP pipeline(AnnotatorConfig config) {
        return PIPELINES.computeIfAbsent(config, c -> {
            long t0 = System.nanoTime();
            StanfordCoreNLP built = new StanfordCoreNLP(c.properties());
            LOG.info(
                    "Built CoreNLP pipeline {} in {} s",
                    c.properties().getProperty("annotators"),
                    String.format("%.2f", (System.nanoTime() - t0) / 1e9));
            return built;
        });
    }

    private static NerTagger tagger(String model) {
        return TAGGERS.computeIfAbsent(model, m -> {
            long t0 = System.nanoTime();
            NerTagger loaded = NerTagger.load(m);
            LOG.info("Loaded NER model {} in {} s", m, String.format("%.2f", (System.nanoTime() - t0) / 1e9));
            return loaded;
        });
    }
}
