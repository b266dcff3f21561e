package org.newslens.annotate;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One StanfordCoreNLP pipeline per executor JVM and configuration, built on first use and shared by the
 * JVM's tasks (annotating with a built pipeline is thread-safe). Never serialised: tasks carry only the
 * {@link AnnotatorConfig} key.
 */
public final class CoreNlpPipelines {
    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpPipelines.class);
    private static final Map<AnnotatorConfig, StanfordCoreNLP> PIPELINES = new ConcurrentHashMap<>();

    private CoreNlpPipelines() {
    }

    /** The pipeline and, when this call built it, the seconds building (loading models) took. */
    public record Loaded(StanfordCoreNLP pipeline, double loadSeconds) {
    }

    public static Loaded get(AnnotatorConfig config) {
        StanfordCoreNLP existing = PIPELINES.get(config);
        if (existing != null) {
            return new Loaded(existing, 0);
        }
        double[] seconds = {0};
        StanfordCoreNLP pipeline = PIPELINES.computeIfAbsent(config, c -> {
            long t0 = System.nanoTime();
            StanfordCoreNLP built = new StanfordCoreNLP(c.properties());
            seconds[0] = (System.nanoTime() - t0) / 1e9;
            LOG.info("Built CoreNLP pipeline {} in {} s; model files loaded: {}", c.properties().getProperty("annotators"),
                    String.format("%.2f", seconds[0]), c.modelFiles());
            return built;
        });
        return new Loaded(pipeline, seconds[0]);
    }
}
