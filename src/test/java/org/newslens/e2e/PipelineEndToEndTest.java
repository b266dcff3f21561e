package org.newslens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.newslens.io.Table;
import org.newslens.testing.Outputs;

/** The whole pipeline on data/: what a user checks after {@code jobs/all}. */
class PipelineEndToEndTest {
    @Test
    void runSucceedsAndWritesEveryTableWithItsDocumentedSchema() throws Exception {
        assertThat(SampleCorpusRun.exitCode()).isZero();
        for (Table table : Table.values()) {
            Path dir = Outputs.currentRun(SampleCorpusRun.output()).resolve(table.tableName());
            assertThat(dir).as("table %s after `all`", table.tableName()).isDirectory();
            List<String> columns = Stream.of(
                            SampleCorpusRun.table(table).schema().fields())
                    .map(StructField::name)
                    .toList();
            assertThat(columns).as(table.tableName()).containsExactly(table.columns());
        }
    }

    @Test
    void everyArticleBecomesADocumentAndNothingIsRejected() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("data"))) {
            long articles = files.filter(p -> p.toString().endsWith(".txt")).count();
            assertThat(SampleCorpusRun.table(Table.DOCUMENTS).count()).isEqualTo(articles);
        }
        assertThat(SampleCorpusRun.table(Table.REJECTS).count()).isZero();
        assertThat(SampleCorpusRun.table(Table.DOCUMENTS)
                        .select("doc_id")
                        .distinct()
                        .count())
                .isEqualTo(5);
    }

    @Test
    void tokensAndSentencesCoverEveryDocument() throws Exception {
        assertThat(SampleCorpusRun.table(Table.SENTENCES)
                        .select("doc_id")
                        .distinct()
                        .count())
                .isEqualTo(5);
        assertThat(SampleCorpusRun.table(Table.TOKENS).count()).isGreaterThan(2000);
    }

    @Test
    void iranAndChinaAreAmongTheTopTermsByDocumentFrequency() throws Exception {
        List<String> top = SampleCorpusRun.table(Table.TERM_STATS)
                .orderBy(
                        org.apache.spark.sql.functions.col("df").desc(),
                        org.apache.spark.sql.functions.col("cf").desc())
                .limit(10)
                .collectAsList()
                .stream()
                .map(r -> r.getString(0))
                .toList();
        assertThat(top).contains("iran", "china");
    }

    @Test
    void foreignMinisterIsACollocation() throws Exception {
        List<Row> rows = SampleCorpusRun.table(Table.COLLOCATIONS)
                .where("ngram = 'foreign minister'")
                .collectAsList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getLong(2)).isGreaterThanOrEqualTo(5);
        assertThat(rows.get(0).getDouble(5)).isGreaterThan(10.0);
    }

    @Test
    void everyDocumentHasKeywordsAndNoneIsAStopWord() throws Exception {
        assertThat(SampleCorpusRun.table(Table.DOC_KEYWORDS)
                        .select("doc_id")
                        .distinct()
                        .count())
                .isEqualTo(5);
        assertThat(SampleCorpusRun.table(Table.DOC_KEYWORDS)
                        .where("term in ('the', 'and', 'say', 'be')")
                        .count())
                .isZero();
    }

    @Test
    void manifestIsWrittenLastWithRowCounts() throws Exception {
        JsonNode manifest = new ObjectMapper()
                .readTree(Outputs.currentRun(SampleCorpusRun.output())
                        .resolve("_manifest.json")
                        .toFile());
        assertThat(manifest.path("rows").path("documents").asLong()).isEqualTo(5);
        assertThat(manifest.path("figures").path("input_fingerprint").asText()).matches("[0-9a-f]{64}");
        assertThat(manifest.path("versions").path("spark").asText()).isEqualTo("4.1.0");
        assertThat(manifest.path("started").asText()).isNotEmpty();
        assertThat(manifest.path("stage_seconds").has("terms")).isTrue();
        assertThat(manifest.path("settings").path("input").asText()).isEqualTo("data");
    }

    @Test
    void manifestFiguresHaveSnakeCaseKeysAndNumbersAreNumbers() throws Exception {
        JsonNode figures = new ObjectMapper()
                .readTree(Outputs.currentRun(SampleCorpusRun.output())
                        .resolve("_manifest.json")
                        .toFile())
                .path("figures");
        assertThat(figures.size()).isGreaterThan(10);
        figures.fields().forEachRemaining(figure -> {
            assertThat(figure.getKey()).matches("[a-z][a-z0-9]*(_[a-z0-9]+)*");
            if (!List.of("input_fingerprint", "report_page", "trends_period", "duplicate_search")
                    .contains(figure.getKey())) {
                assertThat(figure.getValue().isNumber())
                        .as(figure.getKey() + " = " + figure.getValue())
                        .isTrue();
            }
        });
        assertThat(figures.path("documents").asLong()).isEqualTo(5);
        assertThat(figures.path("topics_c_npmi").isDouble()).isTrue();
    }
}
