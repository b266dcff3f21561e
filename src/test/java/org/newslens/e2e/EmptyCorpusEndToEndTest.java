package org.newslens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.io.Table;
import org.newslens.testing.Outputs;
import org.newslens.testing.SharedSpark;

/**
 * {@code jobs/all} on a corpus that yields no document: an empty folder, and a folder whose every file is
 * rejected. The run succeeds and leaves what any run leaves: every table (empty), the rejects, the manifest,
 * the report, and a summary that says no document was kept.
 */
class EmptyCorpusEndToEndTest {
    @TempDir
    Path temp;

    @Test
    void anEmptyFolderGivesEveryTableEmptyAndASummarySayingNoDocumentWasKept() throws Exception {
        Path input = Files.createDirectories(temp.resolve("corpus"));
        Path output = temp.resolve("out");

        Run run = runAll(input, output);

        assertThat(run.exitCode).as(run.console).isZero();
        for (Table table : Table.values()) {
            assertThat(rows(output, table).count()).as(table.tableName()).isZero();
        }
        assertThat(run.console).contains("no document was kept");
        JsonNode manifest = manifest(output);
        assertThat(manifest.path("figures").path("documents").asLong(-1)).isZero();
        assertThat(manifest.path("figures").path("corpus").asText()).contains("no document was kept");
        assertThat(Files.readString(Outputs.currentRun(output).resolve("report/index.html")))
                .contains("No document was kept");
    }

    @Test
    void aFolderOfRejectedFilesGivesTheRejectsEveryOtherTableEmptyAndTheSummary() throws Exception {
        Path input = Files.createDirectories(temp.resolve("corpus"));
        Files.write(input.resolve("empty.txt"), new byte[0]);
        Files.writeString(input.resolve("blank.txt"), "  \n\n\t \n", StandardCharsets.UTF_8);
        Files.write(input.resolve("image.txt"), new byte[] {
            (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0
        });
        Path output = temp.resolve("out");

        Run run = runAll(input, output);

        assertThat(run.exitCode).as(run.console).isZero();
        List<String> reasons = rows(output, Table.REJECTS).orderBy("source_uri").collectAsList().stream()
                .map(r -> Path.of(java.net.URI.create(r.getString(0))).getFileName() + " " + r.getString(1))
                .toList();
        assertThat(reasons).containsExactly("blank.txt blank_text", "empty.txt empty_file", "image.txt not_text");
        for (Table table : Table.values()) {
            if (table != Table.REJECTS && table != Table.STATE_INPUTS) {
                assertThat(rows(output, table).count()).as(table.tableName()).isZero();
            }
        }
        // The inputs kept for later appends: the three rejected files, so an append knows them.
        assertThat(rows(output, Table.STATE_INPUTS).count()).isEqualTo(3);
        assertThat(run.console).contains("no document was kept: all 3 inputs were rejected");
        JsonNode manifest = manifest(output);
        assertThat(manifest.path("figures").path("inputs").asLong()).isEqualTo(3);
        assertThat(manifest.path("figures").path("rejects").asLong()).isEqualTo(3);
        assertThat(manifest.path("figures").path("corpus").asText()).contains("no document was kept");
        assertThat(manifest.path("rows").path("rejects").asLong()).isEqualTo(3);
        assertThat(Files.readString(Outputs.currentRun(output).resolve("report/index.html")))
                .contains("No document was kept");
    }

    @Test
    void aSingleShortDocumentWithoutNamesRunsThroughEveryStage() throws Exception {
        Path input = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(
                input.resolve("weather.txt"),
                "Rain again\n\nIt rained all day and the rain kept falling.\n",
                StandardCharsets.UTF_8);
        Path output = temp.resolve("out");

        Run run = runAll(input, output);

        assertThat(run.exitCode).as(run.console).isZero();
        assertThat(rows(output, Table.DOCUMENTS).count()).isEqualTo(1);
        assertThat(rows(output, Table.TERM_STATS).where("term = 'rain'").count())
                .isEqualTo(1);
        assertThat(rows(output, Table.MENTIONS).count()).isZero();
        assertThat(rows(output, Table.ENTITIES).count()).isZero();
        assertThat(rows(output, Table.ENTITY_PAIRS).count()).isZero();
        assertThat(rows(output, Table.CLUSTERS).count()).isEqualTo(1);
        assertThat(run.console).doesNotContain("no document was kept");
    }

    /** The table as written, after checking it is complete and has its declared columns. */
    private static Dataset<Row> rows(Path output, Table table) {
        Path dir = Outputs.currentRun(output).resolve(table.tableName());
        assertThat(dir.resolve("_SUCCESS"))
                .as(table.tableName() + " is written")
                .exists();
        Dataset<Row> rows = SharedSpark.session().read().parquet(dir.toString());
        assertThat(java.util.Arrays.stream(rows.schema().fields()).map(StructField::name))
                .as(table.tableName())
                .containsExactly(table.columns());
        return rows;
    }

    private static JsonNode manifest(Path output) throws Exception {
        return new ObjectMapper()
                .readTree(Outputs.currentRun(output).resolve("_manifest.json").toFile());
    }

    private record Run(int exitCode, String console) {}

    /** Runs {@code all} as the launcher does and keeps what it printed (the summary goes to stdout). */
    private static synchronized Run runAll(Path input, Path output) {
        SharedSpark.session();
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(new String[] {"all", "--input", input.toString(), "--output", output.toString()});
        } finally {
            System.setOut(original);
        }
        String console = printed.toString(StandardCharsets.UTF_8);
        original.print(console);
        return new Run(code, console);
    }
}
