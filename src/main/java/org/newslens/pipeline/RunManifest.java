package org.newslens.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.newslens.config.Settings;
import org.newslens.io.Table;
import org.newslens.io.TableStore;

/** Writes {@code _manifest.json} under the output root, last, once the run's tables are in place. */
final class RunManifest {
    static final String FILE_NAME = "_manifest.json";

    private RunManifest() {
    }

    static void write(TableStore tables, Settings settings, RunSummary summary, String runId,
                      Instant started, Instant ended) throws IOException {
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
        manifest.put("rows", rows);
        manifest.put("stage_seconds", summary.stageSeconds());
        manifest.put("versions", Versions.all());
        Path file = new Path(tables.root(), FILE_NAME);
        Path temp = new Path(tables.root(), FILE_NAME + ".tmp");
        FileSystem fs = tables.fileSystem();
        try (OutputStream out = fs.create(temp, true)) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, manifest);
        }
        fs.delete(file, false);
        fs.rename(temp, file);
    }
}
