package org.newslens.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.newslens.config.CoreSettings;
import org.newslens.config.Settings;
import org.newslens.io.Table;
import org.newslens.io.TableStore;

/**
 * Writes {@code _manifest.json} into the run's folder once every table is there, just before the folder
 * becomes the current run: the manifest always sits beside the tables it describes.
 */
final class RunManifest {
    static final String FILE_NAME = "_manifest.json";

    private RunManifest() {}

    /** Figures of each run kept in the history, when the run has them. */
    private static final List<String> HISTORY_FIGURES = List.of(
            "input_fingerprint",
            "inputs_read",
            "documents",
            "documents_added",
            "documents_replaced",
            "documents_dropped",
            "documents_reannotated",
            "documents_relinked",
            "terms_documents_counted",
            "terms_documents_uncounted",
            "duplicate_documents_signed",
            "duplicate_signatures_reused",
            "duplicate_search",
            "keyness_documents_counted",
            "keyness_documents_uncounted",
            "rejects_read",
            "rejects");

    static void write(
            TableStore tables, Settings settings, RunSummary summary, String runId, Instant started, Instant ended)
            throws IOException {
        write(tables, settings, summary, runId, started, ended, null);
    }

    /** The manifest of a run; {@code base} is the output an append run added to (null for a full run). */
    static void write(
            TableStore tables,
            Settings settings,
            RunSummary summary,
            String runId,
            Instant started,
            Instant ended,
            AppendBase base)
            throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", AppendBase.FORMAT);
        manifest.put("run_id", runId);
        manifest.put("mode", settings.get(CoreSettings.MODE));
        // A run without ingest (a single later job) continues the corpus of the run it starts from.
        Map<String, Object> previous = summary.corpusRoot() == null ? previousManifest(tables) : Map.of();
        manifest.put("corpus_root", summary.corpusRoot() != null ? summary.corpusRoot() : previous.get("corpus_root"));
        manifest.put("started", started.toString());
        manifest.put("ended", ended.toString());
        manifest.put("settings", settings.effective());
        manifest.put("figures", summary.figures());
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Map.Entry<Table, Long> entry : tables.written().entrySet()) {
            rows.put(entry.getKey().tableName(), entry.getValue());
        }
        for (Map.Entry<Table, Long> entry : tables.carriedOver().entrySet()) {
            rows.put(entry.getKey().tableName(), entry.getValue());
        }
        manifest.put("rows", rows);
        // Tables this run did not write, taken unchanged from the run that was current when it started.
        manifest.put(
                "carried_over",
                tables.carriedOver().keySet().stream().map(Table::tableName).toList());
        manifest.put("stage_seconds", summary.stageSeconds());
        manifest.put("versions", Versions.all());
        List<Map<String, Object>> history = new ArrayList<>();
        if (base != null) {
            history.addAll(base.history());
        } else if (previous.get("history") instanceof List<?> earlier) {
            earlier.forEach(run -> history.add(castMap(run)));
        }
        history.add(historyEntry(settings, summary, runId, ended));
        manifest.put("history", history);
        // No reader sees the run folder before it is committed, so the file is written in place.
        try (OutputStream out = tables.fileSystem().create(new Path(tables.runFolder(), FILE_NAME), true)) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, manifest);
        }
    }

    /** One run in the history: when, what it read, and what it did to the documents. */
    private static Map<String, Object> historyEntry(
            Settings settings, RunSummary summary, String runId, Instant ended) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("run_id", runId);
        entry.put("ended", ended.toString());
        entry.put("mode", settings.get(CoreSettings.MODE));
        entry.put("input", settings.get(CoreSettings.INPUT));
        boolean freshStart = !CoreSettings.isAppend(settings) && summary.corpusRoot() != null;
        for (String figure : HISTORY_FIGURES) {
            if (summary.figures().containsKey(figure)) {
                entry.put(figure, summary.figures().get(figure));
            } else if (freshStart && figure.equals("documents_added")) {
                // A full run that ingests starts the output afresh: every document it keeps is added.
                entry.put(figure, summary.figures().get("documents"));
            } else if (freshStart && figure.equals("documents_replaced")) {
                entry.put(figure, 0L);
            }
        }
        entry.put("up_to_date", summary.upToDate());
        return entry;
    }

    /** The manifest of the run this one starts from, or an empty map. */
    private static Map<String, Object> previousManifest(TableStore tables) throws IOException {
        return read(tables.previousRunFolder(), tables.fileSystem()).orElse(Map.of());
    }

    /** The row count of each table as the manifest of the run this one starts from gives it. */
    static Map<Table, Long> previousRowCounts(TableStore tables) throws IOException {
        Map<Table, Long> counts = new java.util.EnumMap<>(Table.class);
        if (previousManifest(tables).get("rows") instanceof Map<?, ?> rows) {
            for (Table table : Table.values()) {
                if (rows.get(table.tableName()) instanceof Number n) {
                    counts.put(table, n.longValue());
                }
            }
        }
        return counts;
    }

    /** The manifest of a run folder, or empty when the folder has none. */
    static java.util.Optional<Map<String, Object>> read(Path runFolder, org.apache.hadoop.fs.FileSystem fs)
            throws IOException {
        Path file = new Path(runFolder, FILE_NAME);
        if (!fs.exists(file)) {
            return java.util.Optional.empty();
        }
        try (java.io.InputStream in = fs.open(file)) {
            return java.util.Optional.of(castMap(new ObjectMapper().readValue(in, Map.class)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}
