package org.newslens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.newslens.pipeline.Job;

/** The jobs by name, in pipeline order; {@code all} runs every one of them. */
public final class Jobs {
    private static final Map<String, Supplier<Job>> BY_NAME = new java.util.LinkedHashMap<>();

    static {
        // One line per job, in pipeline order: ingest, annotate, terms, entities, topics, trends, report.
        BY_NAME.put("ingest", org.newslens.ingest.IngestJob::new);
        BY_NAME.put("annotate", org.newslens.annotate.AnnotateJob::new);
        BY_NAME.put("terms", org.newslens.terms.TermsJob::new);
        BY_NAME.put("entities", org.newslens.entities.EntitiesJob::new);
        BY_NAME.put("topics", org.newslens.topics.TopicsJob::new);
        BY_NAME.put("trends", org.newslens.trends.TrendsJob::new);
        BY_NAME.put("report", org.newslens.report.ReportJob::new);
    }

    private Jobs() {}

    public static List<String> names() {
        List<String> names = new ArrayList<>(BY_NAME.keySet());
        names.add("all");
        return names;
    }

    /** The jobs a command runs: one job, or every job for {@code all}. */
    public static List<Job> forCommand(String command) {
        if ("all".equals(command)) {
            return BY_NAME.values().stream().map(Supplier::get).toList();
        }
        Supplier<Job> job = BY_NAME.get(command);
        if (job == null) {
            throw new org.newslens.config.SettingsException(
                    "Unknown job '" + command + "'; expected one of " + String.join(", ", names()));
        }
        return List.of(job.get());
    }
}
