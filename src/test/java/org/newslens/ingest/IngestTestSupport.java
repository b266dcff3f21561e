package org.newslens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newslens.Main;
import org.newslens.SettingsRegistry;
import org.newslens.config.CoreSettings;
import org.newslens.config.Settings;
import org.newslens.testing.Outputs;
import org.newslens.testing.SharedSpark;

/** Runs the ingest stage on a fixture folder and collects what it would write. */
final class IngestTestSupport {
    private IngestTestSupport() {}

    record Outcome(List<Row> documents, List<Row> rejects, long inputs) {
        Row document(String fileName) {
            return documents.stream()
                    .filter(r -> r.<String>getAs("source_uri").endsWith("/" + fileName))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no document from " + fileName + "; rejects: " + rejects));
        }

        List<Row> rejectsOf(String fileName) {
            return rejects.stream()
                    .filter(r -> r.<String>getAs("source_uri").endsWith("/" + fileName))
                    .toList();
        }

        String reasonOf(String fileName) {
            List<Row> found = rejectsOf(fileName);
            if (found.size() != 1) {
                throw new AssertionError("expected one reject for " + fileName + ", got " + found + "; documents "
                        + documents.stream().map(r -> r.getAs("source_uri")).toList());
            }
            return found.get(0).getAs("reason");
        }

        Map<String, Long> reasons() {
            Map<String, Long> counts = new TreeMap<>();
            rejects.forEach(r -> counts.merge(r.getAs("reason"), 1L, Long::sum));
            return counts;
        }

        long droppedInputs() {
            return rejects.stream()
                    .filter(r -> !r.getAs("reason").equals(RejectReason.TRUNCATED.code()))
                    .count();
        }
    }

    static Outcome ingest(Path input, String... extra) throws Exception {
        String[] args = new String[extra.length + 2];
        args[0] = "--" + CoreSettings.INPUT.key();
        args[1] = input.toUri().toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return ingest(SettingsRegistry.parse(args));
    }

    static Outcome ingest(Settings settings) throws Exception {
        SparkSession spark = SharedSpark.session();
        IngestJob.Result result = IngestJob.ingest(spark, settings);
        try {
            return new Outcome(
                    result.documents().collectAsList(), result.rejects().collectAsList(), result.inputs());
        } finally {
            result.release();
        }
    }

    /** What a real {@code ingest} run through {@code Main} left in its output's current run. */
    record MainRun(int exitCode, List<Row> documents, List<Row> rejects, JsonNode figures) {}

    /** Runs the {@code ingest} command on {@code in} into {@code out} and reads back its tables and figures. */
    static MainRun runIngest(Path in, Path out) throws Exception {
        SparkSession spark = SharedSpark.session();
        int exitCode = Main.run(new String[] {
            "ingest", "--input", in.toUri().toString(), "--output", out.toUri().toString()
        });
        Path run = Outputs.currentRun(out);
        return new MainRun(
                exitCode,
                spark.read().parquet(run.resolve("documents").toString()).collectAsList(),
                spark.read().parquet(run.resolve("rejects").toString()).collectAsList(),
                new ObjectMapper()
                        .readTree(run.resolve("_manifest.json").toFile())
                        .get("figures"));
    }
}
