package org.newslens.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
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

    static void write(
            TableStore tables, Settings settings, RunSummary summary, String runId, Instant started, Instant ended)
            throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("run_id", runId);
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
        // No reader sees the run folder before it is committed, so the file is written in place.
        try (OutputStream out = tables.fileSystem().create(new Path(tables.runFolder(), FILE_NAME), true)) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, manifest);
        }
    }
}
