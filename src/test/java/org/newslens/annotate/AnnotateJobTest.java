package org.newslens.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.testing.DocumentsFixture;
import org.newslens.testing.SharedSpark;

class AnnotateJobTest {
    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path out;

    @Test
    void loadsTheModelsAheadOnlyForASmallCorpus() throws InterruptedException {
        // A configuration no other test uses, so nothing has loaded its pipeline in this JVM yet.
        AnnotatorConfig config =
                new AnnotatorConfig(false, true, AnnotateSettings.DEFAULT_NER_MODEL, true, NerTagger.SCOPE_SENTENCE);
        assertThat(CoreNlpPipelines.isLoaded(config)).isFalse();
        assertThat(AnnotateJob.loadAhead(config, AnnotateJob.WARM_UP_MAX_BYTES + 1))
                .as("a large corpus")
                .isEmpty();
        assertThat(AnnotateJob.loadAhead(config, 0))
                .as("a corpus of unknown size")
                .isEmpty();
        assertThat(Thread.getAllStackTraces().keySet())
                .as("no loader started (it would still be loading)")
                .noneMatch(t -> t.getName().equals(AnnotateJob.LOADER_THREAD));
        assertThat(CoreNlpPipelines.isLoaded(config)).isFalse();
        Thread loader = AnnotateJob.loadAhead(config, 10_000).orElseThrow();
        assertThat(loader.isDaemon()).as("never keeps the JVM alive").isTrue();
        loader.join(300_000);
        assertThat(CoreNlpPipelines.isLoaded(config)).isTrue();
        assertThat(CoreNlpPipelines.get(config).loadSeconds())
                .as("a task finding the models loaded ahead waited for nothing")
                .isZero();
    }

    @Test
    void theFirstTaskToFindTheModelsMissingReportsTheLoadingOnce() {
        // A configuration no other test uses.
        AnnotatorConfig config =
                new AnnotatorConfig(false, false, AnnotateSettings.DEFAULT_NER_MODEL, true, NerTagger.SCOPE_SENTENCE);
        assertThat(CoreNlpPipelines.get(config).loadSeconds()).isPositive();
        assertThat(CoreNlpPipelines.get(config).loadSeconds()).isZero();
    }

    @Test
    void writesTablesAndLinksShortFormsAcrossTheCorpus() {
        String root = out.toUri().toString();
        DocumentsFixture.writeTo(
                spark,
                root,
                DocumentsFixture.of(
                        spark,
                        List.of(
                                new String[] {
                                    "a",
                                    "Senator Margarethe Lindqvist visited Stockholm on Tuesday. "
                                            + "Lindqvist met the Swedish Food Agency there."
                                },
                                new String[] {
                                    "b", "Lindqvist criticised the plan in Stockholm. SFA inspectors agreed with her."
                                },
                                new String[] {"c", "Nothing named here at all."})));

        assertThat(Main.run(new String[] {"annotate", "--output", root})).isZero();

        TableStore store = new TableStore(spark, root, "check");
        Dataset<Row> tokens = store.read(Table.TOKENS, "test");
        Dataset<Row> sentences = store.read(Table.SENTENCES, "test");
        Dataset<Row> mentions = store.read(Table.MENTIONS, "test");
        assertThat(tokens.schema().fieldNames()).containsExactly(Table.TOKENS.columns());
        assertThat(sentences.filter("doc_id = 'a'").count()).isEqualTo(2);
        assertThat(sentences.filter("size(terms) = 0").count()).isZero();
        // terms has one entry per token of the sentence
        long termEntries = sentences.selectExpr("sum(size(terms))").first().getLong(0);
        assertThat(termEntries).isEqualTo(tokens.count());
        assertThat(tokens.filter("pos is not null").count()).isZero();
        assertThat(tokens.filter("ner is null").count()).isZero();

        Map<String, String> nameBySurface = mentions.filter("doc_id = 'b'").collectAsList().stream()
                .collect(Collectors.toMap(
                        r -> r.getString(r.fieldIndex("text")), r -> r.getString(r.fieldIndex("name")), (x, y) -> x));
        // "Lindqvist" alone in b resolves to the full name introduced only in a.
        assertThat(nameBySurface).containsEntry("Lindqvist", "Margarethe Lindqvist");
        // the same name gets the same entity_id in every document
        assertThat(mentions.filter("name = 'Margarethe Lindqvist'")
                        .select("entity_id")
                        .distinct()
                        .count())
                .isEqualTo(1);
        assertThat(mentions.filter("text like 'Senator%' or name like 'Senator%'")
                        .count())
                .isZero();
    }

    @Test
    void partitionsScaleWithCoresAndCorpusSize() {
        assertThat(AnnotateJob.choosePartitions(0, 8)).isEqualTo(1);
        assertThat(AnnotateJob.choosePartitions(5, 8)).isEqualTo(5);
        assertThat(AnnotateJob.choosePartitions(1_000, 2)).isEqualTo(6);
        assertThat(AnnotateJob.choosePartitions(1_000_000, 2)).isEqualTo(500);
    }
}
