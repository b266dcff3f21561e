package org.newslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One end-to-end run of the real entry point over a folder mixing every supported format and the bad inputs
 * of issue 7; each file's outcome is checked, and so is inputs = documents + rejects (truncated excluded).
 */
class BadInputTest {
    @TempDir
    static Path dir;

    static List<Row> documents;
    static List<Row> rejects;
    static JsonNode figures;
    static int exitCode;

    @BeforeAll
    static void runIngestOverTheMix() throws Exception {
        Path in = dir.resolve("in");
        Fixtures.write(in.resolve("news/strike.txt"), Fixtures.ARTICLE);
        Fixtures.write(
                in.resolve("news/flood.md"),
                "# Rains flood the lower town\n\n*Updated* \n\nWater rose overnight "
                        + "in the lower town of Brenmoor.\n");
        Fixtures.writeGzip(
                in.resolve("news/quake.txt.gz"),
                "Quake shakes coastal villages\n\nA moderate quake "
                        + "shook villages along the Corvan coast on Sunday.\n");
        Fixtures.write(
                in.resolve("feeds/wire.jsonl"),
                String.join(
                                "\n",
                                "{\"id\": 1, \"title\": \"Grain exports rise\", \"text\": \"Grain exports from Nuvia rose 8%.\", "
                                        + "\"published\": \"2022-09-30\", \"source\": \"Nuvia Daily\"}",
                                "{\"id\": 2, \"title\": \"Rail fares frozen\", \"body\": \"Rail fares in Nuvia stay frozen.\", "
                                        + "\"date\": \"Oct. 2, 2022\", \"url\": \"https://example.org/rail\"}",
                                "{\"id\": 3, \"title\": \"Broken record\", \"text\": \"unterminated",
                                "not json at all",
                                "",
                                "{\"id\": 4, \"title\": \"No body here\"}",
                                "{\"id\": 1, \"title\": \"Grain exports rise\", \"text\": \"Grain exports from Nuvia rose 8%.\", "
                                        + "\"published\": \"2022-09-30\", \"source\": \"Nuvia Daily\"}",
                                "{\"id\": 5, \"content\": \"Tram line extended to the airport.\"}")
                        + "\n");
        Fixtures.writeGzip(
                in.resolve("feeds/more news.ndjson.gz"),
                "{\"id\": \"x9\", \"text\": \"Harvest festival draws crowds.\"}\n");
        Fixtures.write(in.resolve("feeds/empty.jsonl"), "");
        Fixtures.write(in.resolve("feeds/broken.jsonl.gz"), "{\"text\": \"gzip suffix but plain bytes\"}\n");
        Fixtures.write(
                in.resolve("tables/articles.csv"),
                "id,title,body,published,source\n"
                        + "a1,Library reopens,\"The city library reopened.\n\nIt had been closed for a year.\",2019-04-01,Brenmoor Post\n"
                        + "a2,Park expanded,The park gains two hectares.,,\n");
        Fixtures.write(
                in.resolve("tables/summaries.csv"), "id,headline,summary\nb1,Vote delayed,The vote was delayed.\n");
        Fixtures.articlesParquet(in.resolve("tables/articles.parquet"));
        Fixtures.wrongParquet(in.resolve("tables/weather.parquet"));
        Files.createDirectories(in.resolve("bad"));
        Files.write(in.resolve("bad/image.txt"), Fixtures.png());
        Files.write(
                in.resolve("bad/latin1.txt"),
                "Caf\u00e9 prices rise in Brenmoor".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(in.resolve("bad/empty.txt"), new byte[0]);
        Fixtures.write(in.resolve("bad/blank.txt"), "  \n\t\n   \n");
        Fixtures.write(
                in.resolve("bad/only-furniture.txt"), "Share this\nLeave a Reply\nSubscribe to our newsletter\n");
        Files.write(in.resolve("bad/broken.txt.gz"), "this is not gzip data".getBytes(StandardCharsets.UTF_8));
        Fixtures.write(in.resolve("bad/report.docx"), "pretend word document");
        Fixtures.write(
                in.resolve("world/hafen.txt"),
                "Hafenarbeiter streiken weiter\n\nDie Hafenarbeiter in Almira "
                        + "streikten am Montag die zweite Woche in Folge. Gespräche über Löhne sollen am Freitag weitergehen.\n");
        Fixtures.write(in.resolve("world/.draft.txt"), "hidden draft");
        Fixtures.write(in.resolve("world/_SUCCESS"), "");

        Path out = dir.resolve("out");
        IngestTestSupport.MainRun run = IngestTestSupport.runIngest(in, out);
        exitCode = run.exitCode();
        documents = run.documents();
        rejects = run.rejects();
        figures = run.figures();
    }

    private static List<Row> docsFrom(String file) {
        return documents.stream()
                .filter(r -> r.<String>getAs("source_uri").endsWith(file))
                .toList();
    }

    private static List<String> reasonsFor(String file) {
        return rejects.stream()
                .filter(r -> r.<String>getAs("source_uri").endsWith(file))
                .map(r -> r.<String>getAs("reason"))
                .sorted()
                .toList();
    }

    @Test
    void everyInputIsADocumentOrAReject() {
        assertThat(exitCode).isZero();
        long inputs = figures.get("inputs").asLong();
        // 4 text + 3 wire.jsonl docs + 1 ndjson + 2 csv + 2 parquet rows
        assertThat(documents).hasSize(12);
        assertThat(figures.get("documents").asLong()).isEqualTo(documents.size());
        assertThat(figures.get("rejects").asLong()).isEqualTo(rejects.size());
        assertThat(inputs).isEqualTo(documents.size() + rejects.size());
        // text files 4 good + 6 bad, JSON lines 7 (the blank line is not a record) + 1, CSV rows 2,
        // Parquet rows 2, whole files rejected: summaries.csv, weather.parquet, report.docx, empty.jsonl,
        // broken.jsonl.gz
        assertThat(inputs).isEqualTo(10 + 8 + 2 + 2 + 5);
        assertThat(figures.get("hidden_files_skipped").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void plainTextMarkdownAndGzipBecomeDocuments() {
        Row strike = docsFrom("news/strike.txt").get(0);
        assertThat(strike.<String>getAs("title")).isEqualTo("Harbour strike enters second week");
        assertThat(strike.<String>getAs("outlet")).isEqualTo("Port Almira Courier");
        assertThat(strike.<java.sql.Date>getAs("published").toLocalDate()).isEqualTo(LocalDate.of(2021, 3, 3));
        assertThat(docsFrom("news/flood.md").get(0).<String>getAs("title")).isEqualTo("Rains flood the lower town");
        Row quake = docsFrom("news/quake.txt.gz").get(0);
        assertThat(quake.<String>getAs("title")).isEqualTo("Quake shakes coastal villages");
        assertThat(quake.<String>getAs("text")).startsWith("A moderate quake");
    }

    @Test
    void jsonLinesGoodMalformedMissingTextAndDuplicate() {
        List<Row> wire = docsFrom("feeds/wire.jsonl");
        assertThat(wire)
                .extracting(r -> r.<String>getAs("title"))
                .containsExactlyInAnyOrder("Grain exports rise", "Rail fares frozen", null);
        Row grain = wire.stream()
                .filter(r -> "Grain exports rise".equals(r.getAs("title")))
                .findFirst()
                .orElseThrow();
        assertThat(grain.<String>getAs("outlet")).isEqualTo("Nuvia Daily");
        assertThat(grain.<java.sql.Date>getAs("published").toLocalDate()).isEqualTo(LocalDate.of(2022, 9, 30));
        Row rail = wire.stream()
                .filter(r -> "Rail fares frozen".equals(r.getAs("title")))
                .findFirst()
                .orElseThrow();
        assertThat(rail.<String>getAs("text")).isEqualTo("Rail fares in Nuvia stay frozen.");
        assertThat(rail.<java.sql.Date>getAs("published").toLocalDate()).isEqualTo(LocalDate.of(2022, 10, 2));
        assertThat(rail.<String>getAs("url")).isEqualTo("https://example.org/rail");
        assertThat(reasonsFor("feeds/wire.jsonl"))
                .containsExactly("duplicate_record", "malformed_json", "malformed_json", "no_text_column");
        assertThat(docsFrom("feeds/more news.ndjson.gz")).hasSize(1);
        assertThat(reasonsFor("feeds/empty.jsonl")).containsExactly("empty_file");
        assertThat(reasonsFor("feeds/broken.jsonl.gz")).containsExactly("unreadable");
    }

    @Test
    void csvWithAndWithoutTextColumn() {
        List<Row> csv = docsFrom("tables/articles.csv");
        assertThat(csv).hasSize(2);
        Row library = csv.stream()
                .filter(r -> "Library reopens".equals(r.getAs("title")))
                .findFirst()
                .orElseThrow();
        assertThat(library.<String>getAs("text"))
                .isEqualTo("The city library reopened.\n\nIt had been closed for a year.");
        assertThat(library.<String>getAs("outlet")).isEqualTo("Brenmoor Post");
        assertThat(reasonsFor("tables/summaries.csv")).containsExactly("no_text_column");
    }

    @Test
    void parquetGoodAndWrongSchema() {
        List<Row> parquet = documents.stream()
                .filter(r -> r.<String>getAs("source_uri").contains("tables/articles.parquet/"))
                .toList();
        assertThat(parquet)
                .extracting(r -> r.<String>getAs("title"))
                .containsExactlyInAnyOrder("Ferry service restored", "Bridge reopens");
        List<Row> weather = rejects.stream()
                .filter(r -> r.<String>getAs("source_uri").contains("tables/weather.parquet/"))
                .toList();
        assertThat(weather).extracting(r -> r.<String>getAs("reason")).containsExactly("wrong_schema");
        assertThat(weather.get(0).<String>getAs("detail")).contains("station");
    }

    @Test
    void badFilesAreRejectedWithReasons() {
        assertThat(reasonsFor("bad/image.txt")).containsExactly("not_text");
        assertThat(reasonsFor("bad/latin1.txt")).containsExactly("undecodable");
        assertThat(reasonsFor("bad/empty.txt")).containsExactly("empty_file");
        assertThat(reasonsFor("bad/blank.txt")).containsExactly("blank_text");
        assertThat(reasonsFor("bad/only-furniture.txt")).containsExactly("blank_text");
        assertThat(reasonsFor("bad/broken.txt.gz")).containsExactly("unreadable");
        assertThat(reasonsFor("bad/report.docx")).containsExactly("unsupported_format");
        assertThat(rejects)
                .allSatisfy(r -> assertThat(r.<String>getAs("detail")).isNotBlank());
    }

    @Test
    void nonEnglishArticleIsADocument() {
        Row hafen = docsFrom("world/hafen.txt").get(0);
        assertThat(hafen.<String>getAs("title")).isEqualTo("Hafenarbeiter streiken weiter");
        assertThat(hafen.<String>getAs("text")).contains("Gespräche über Löhne");
        assertThat(hafen.<Integer>getAs("n_tokens")).isEqualTo(19);
    }

    @Test
    void hiddenFilesAreNeitherDocumentsNorRejects() {
        assertThat(docsFrom(".draft.txt")).isEmpty();
        assertThat(reasonsFor(".draft.txt")).isEmpty();
        assertThat(reasonsFor("_SUCCESS")).isEmpty();
    }
}
