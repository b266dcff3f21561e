package org.newslens.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Figures a run collects for the console summary and the manifest: counts and seconds per stage. Each figure
 * has a stable snake_case key (its name in {@code _manifest.json}, documented in the manifest page), a label
 * the console shows, and a value: a number, or text where the figure is no count (a fingerprint, a path).
 */
public final class RunSummary {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    /** Decimals kept of a fractional figure (seconds, rates, scores). */
    private static final int DECIMALS = 3;

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, Double> stageSeconds = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    /** The run's summary when this is one stage's (see {@link #forStage()}), else null. */
    private final RunSummary run;

    private volatile String corpusRoot;
    private volatile boolean upToDate;

    public RunSummary() {
        this(null);
    }

    private RunSummary(RunSummary run) {
        this.run = run;
    }

    /**
     * A summary for one stage, whose figures, stage time and notes join this one's with {@link #add}: stages that
     * run side by side then still list theirs in the run's order. The corpus root and up-to-date mark are the
     * run's, shared at once.
     */
    RunSummary forStage() {
        return new RunSummary(this);
    }

    /** Adds a stage's figures, stage time and notes (see {@link #forStage()}). */
    void add(RunSummary stage) {
        figures.putAll(stage.figures);
        labels.putAll(stage.labels);
        stageSeconds.putAll(stage.stageSeconds);
        notes.addAll(stage.notes);
    }

    /**
     * A figure named in words or in snake_case: its key is the snake_case form ("entity pairs" and
     * {@code entity_pairs} both give {@code entity_pairs}), its console label the key's words.
     */
    public void put(String name, Object value) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        put(key, key.replace('_', ' '), value);
    }

    /** A figure with its own console label; fails when the key is not snake_case. */
    public void put(String key, String label, Object value) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Figure key '" + key + "' is not snake_case (a-z, 0-9, _)");
        }
        figures.put(
                key,
                value instanceof Double || value instanceof Float ? rounded(((Number) value).doubleValue()) : value);
        labels.put(key, label);
    }

    public void note(String line) {
        notes.add(line);
    }

    /** The folder document ids are relative to (kept in the manifest so that appends use the same one). */
    public void corpusRoot(String root) {
        if (run != null) {
            run.corpusRoot(root);
        } else {
            this.corpusRoot = root;
        }
    }

    public String corpusRoot() {
        return run != null ? run.corpusRoot() : corpusRoot;
    }

    /** Said by an append run's ingest when its input holds nothing new: every table stays as it is. */
    public void markUpToDate() {
        if (run != null) {
            run.markUpToDate();
        } else {
            this.upToDate = true;
        }
    }

    public boolean upToDate() {
        return run != null ? run.upToDate() : upToDate;
    }

    void stage(String job, double seconds) {
        stageSeconds.put(job, seconds);
    }

    /** The figures by key, for the manifest. */
    public Map<String, Object> figures() {
        return figures;
    }

    public Map<String, Double> stageSeconds() {
        return stageSeconds;
    }

    public List<String> notes() {
        return notes;
    }

    /** The short summary printed at the end of a run, with the readable labels. */
    public String render() {
        StringBuilder out = new StringBuilder("NewsLens run summary\n");
        figures.forEach((key, value) -> out.append(String.format("  %-22s %s%n", labels.get(key), value)));
        stageSeconds.forEach((job, seconds) -> out.append(String.format("  %-22s %.1f s%n", "time " + job, seconds)));
        notes.forEach(note -> out.append("  note: ").append(note).append('\n'));
        return out.toString();
    }

    private static double rounded(double value) {
        return Double.isFinite(value)
                ? BigDecimal.valueOf(value)
                        .setScale(DECIMALS, RoundingMode.HALF_UP)
                        .doubleValue()
                : value;
    }
}
