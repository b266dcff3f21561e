package org.newslens.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures a run collects for the console summary and the manifest: counts and seconds per stage. */
public final class RunSummary {
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, Double> stageSeconds = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public void put(String name, Object value) {
        figures.put(name, value);
    }

    public void note(String line) {
        notes.add(line);
    }

    void stage(String job, double seconds) {
        stageSeconds.put(job, seconds);
    }

    public Map<String, Object> figures() {
        return figures;
    }

    public Map<String, Double> stageSeconds() {
        return stageSeconds;
    }

    public List<String> notes() {
        return notes;
    }

    /** The short summary printed at the end of a run. */
    public String render() {
        StringBuilder out = new StringBuilder("NewsLens run summary\n");
        figures.forEach((name, value) -> out.append(String.format("  %-22s %s%n", name, value)));
        stageSeconds.forEach((job, seconds) -> out.append(String.format("  %-22s %.1f s%n", "time " + job, seconds)));
        notes.forEach(note -> out.append("  note: ").append(note).append('\n'));
        return out.toString();
    }
}
