package org.newslens.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.SettingsRegistry;
import org.newslens.bench.TopicsInput;
import org.newslens.config.SettingsException;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.Pipeline;
import org.newslens.testing.Outputs;
import org.newslens.testing.SharedSpark;

/**
 * Topics across append runs, at stage level: documents and sentences tables for a corpus, the topics job in a
 * full run, then the tables of a larger corpus and the topics job with --mode append.
 */
class TopicsAppendTest {
    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path dir;

    @Test
    void anAppendKeepsTheModelAndScoresTheNewDocumentsWithIt() {
        Path out = dir.resolve("kept");
        List<TopicsInput.Doc> first = ThemedCorpus.docs(8, 11);
        Snapshot before = fullRun(out, first);
        assertThat(before.isNew()).containsOnly(true);
        assertThat(before.firstSeen()).containsOnly(runId(out));

        List<TopicsInput.Doc> more = new ArrayList<>(first);
        more.addAll(ThemedCorpus.more("stars", ThemedCorpus.STARS, 8, 3, 21));
        more.addAll(ThemedCorpus.more("baking", ThemedCorpus.BAKING, 8, 3, 22));
        more.addAll(ThemedCorpus.more("sailing", ThemedCorpus.SAILING, 8, 3, 23));
        grow(out, more);
        assertThat(topics(out, "--mode", "append", "--topics.k", "3")).isZero();
        Snapshot after = snapshot(out);

        // The same topics: ids, terms, weights and labels, first seen in the first run and no longer new.
        assertThat(after.topics()).isEqualTo(before.topics());
        assertThat(after.isNew()).containsOnly(false);
        assertThat(after.firstSeen()).containsOnly(before.runId());
        assertThat(after.model()).isEqualTo(before.model());
        // The old documents score exactly as before; the new ones are scored too, into their theme's topic.
        for (Map.Entry<String, String> old : before.docTopics().entrySet()) {
            assertThat(after.docTopics().get(old.getKey())).isEqualTo(old.getValue());
        }
        assertThat(after.dominant()).hasSize(first.size() + 9);
        // Only the nine new documents were scored; the old ones kept their stored scores.
        JsonNode figures = manifest(out).path("figures");
        assertThat(figures.path("topic_documents_scored").asLong(-1))
                .as("%s", figures)
                .isEqualTo(9);
        assertThat(figures.path("topic_scores_reused").asLong(-1))
                .as("%s", figures)
                .isEqualTo(first.size());
        Map<String, Integer> themeTopic = themeOf(before.dominant());
        Map<String, Integer> themeCluster = themeOf(before.clusters());
        for (int d = 8; d < 11; d++) {
            for (String theme : List.of("stars", "baking", "sailing")) {
                String doc = String.format("%s-%02d", theme, d);
                assertThat(after.dominant().get(doc)).as(doc).isEqualTo(themeTopic.get(theme));
                assertThat(after.clusters().get(doc)).as(doc).isEqualTo(themeCluster.get(theme));
            }
        }
        // The fit's own figures are the kept model's; coherence is computed again.
        List<String> metrics = new TableStore(spark, uri(out), "read")
                .read(Table.TOPIC_METRICS, "test").filter("topic_id is null").collectAsList().stream()
                        .map(r -> r.getString(0) + "/" + r.getString(2))
                        .toList();
        assertThat(metrics).contains("nmf/reconstruction_error", "clusters/silhouette", "nmf/c_npmi", "nmf/k");
    }

    @Test
    void aKeptKmeansModelScoresTheOldDocumentsExactlyAsItsFullRunDid() {
        // With topics.model kmeans the clusters are over terms, not over topic mixtures: the other stored shape.
        Path out = dir.resolve("kmeans");
        List<TopicsInput.Doc> first = ThemedCorpus.docs(4, 5);
        TopicsInput.write(spark, uri(out), first);
        assertThat(topics(out, "--topics.k", "3", "--topics.model", "kmeans")).isZero();
        Snapshot before = snapshot(out);

        List<TopicsInput.Doc> more = new ArrayList<>(first);
        more.addAll(ThemedCorpus.more("baking", ThemedCorpus.BAKING, 4, 2, 41));
        grow(out, more);
        assertThat(topics(out, "--mode", "append", "--topics.k", "3", "--topics.model", "kmeans"))
                .isZero();
        Snapshot after = snapshot(out);

        assertThat(after.topics()).isEqualTo(before.topics());
        assertThat(after.model()).isEqualTo(before.model());
        assertThat(after.info()).containsEntry("clusters_on_mixtures", "false");
        for (Map.Entry<String, String> old : before.docTopics().entrySet()) {
            assertThat(after.docTopics().get(old.getKey())).isEqualTo(old.getValue());
        }
        assertThat(after.clusters()).containsAllEntriesOf(before.clusters());
        assertThat(after.clusters().get("baking-05"))
                .isEqualTo(themeOf(before.clusters()).get("baking"));
    }

    @Test
    void aRefitOnTheSameCorpusMatchesEveryTopicToItsStoredId() {
        Path out = dir.resolve("same");
        List<TopicsInput.Doc> corpus = ThemedCorpus.docs(8, 11);
        Snapshot before = fullRun(out, corpus);

        grow(out, corpus);
        assertThat(topics(out, "--mode", "append", "--topics.refit", "true", "--topics.k", "3"))
                .isZero();
        Snapshot after = snapshot(out);

        assertThat(after.topTerms()).isEqualTo(before.topTerms());
        assertThat(after.isNew()).containsOnly(false);
        assertThat(after.firstSeen()).containsOnly(before.runId());
        assertThat(after.dominant()).isEqualTo(before.dominant());
        assertThat(after.clusters()).isEqualTo(before.clusters());
        assertThat(after.info()).containsEntry("last_topic_id", "2").containsEntry("fitted_in", runId(out));
    }

    @Test
    void aRefitAfterNewsOnANewSubjectAddsANewTopicAndKeepsTheOldIds() {
        Path out = dir.resolve("new-subject");
        List<TopicsInput.Doc> first = ThemedCorpus.docs(8, 11);
        Snapshot before = fullRun(out, first);

        List<TopicsInput.Doc> more = new ArrayList<>(first);
        more.addAll(ThemedCorpus.more("gardening", ThemedCorpus.GARDENING, 0, 8, 31));
        grow(out, more);
        assertThat(topics(out, "--mode", "append", "--topics.refit", "true", "--topics.k", "4"))
                .isZero();
        Snapshot after = snapshot(out);
        String refit = runId(out);

        // Each old subject keeps its topic and cluster id.
        assertThat(themeOf(after.dominant())).containsAllEntriesOf(themeOf(before.dominant()));
        assertThat(themeOf(after.clusters())).containsAllEntriesOf(themeOf(before.clusters()));
        // The new subject has a new id, above every id used before, marked new and first seen now.
        int gardening = themeOf(after.dominant()).get("gardening");
        assertThat(gardening).isGreaterThan(2);
        assertThat(themeOf(after.clusters()).get("gardening")).isGreaterThan(2);
        assertThat(after.topTerms().get(gardening).subList(0, 3))
                .allSatisfy(t -> assertThat(ThemedCorpus.GARDENING).contains(t));
        for (Row row : topicRows(out)) {
            boolean isNew = row.getInt(1) == gardening;
            assertThat(row.<Boolean>getAs("is_new"))
                    .as("topic %d", row.getInt(1))
                    .isEqualTo(isNew);
            assertThat(row.<String>getAs("first_seen")).isEqualTo(isNew ? refit : before.runId());
        }

        // A later append without refit keeps the four topics, the new one no longer new.
        grow(out, more);
        assertThat(topics(out, "--mode", "append", "--topics.k", "4")).isZero();
        Snapshot later = snapshot(out);
        assertThat(later.topics()).isEqualTo(after.topics());
        assertThat(later.isNew()).containsOnly(false);
        assertThat(later.firstSeen()).containsOnly(before.runId(), refit);
    }

    @Test
    void anAppendAskingForOtherModelSettingsFailsAtTheStartNamingThem() {
        Path out = dir.resolve("mismatch");
        fullRun(out, ThemedCorpus.docs(4, 5));
        String run = runFolder(out);

        assertThatThrownBy(() -> validate(out, "--mode", "append", "--topics.k", "4", "--topics.seed", "7"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("--topics.k: the stored model was fitted with 3, this run asks for 4")
                .hasMessageContaining("--topics.seed: the stored model was fitted with 42, this run asks for 7")
                .hasMessageContaining("add --topics.refit");
        assertThat(topics(out, "--mode", "append", "--topics.k", "4")).isEqualTo(2);
        assertThat(runFolder(out)).as("nothing was written").isEqualTo(run);

        assertThatCode(() -> validate(out, "--mode", "append", "--topics.k", "3"))
                .doesNotThrowAnyException();
        assertThatCode(() -> validate(out, "--mode", "append", "--topics.k", "4", "--topics.refit", "true"))
                .doesNotThrowAnyException();
        assertThatCode(() -> validate(out, "--topics.k", "4"))
                .as("a full run fits anew")
                .doesNotThrowAnyException();
    }

    @Test
    void anOutputWithoutAStoredModelNeedsAFullRunOrARefit() throws IOException {
        Path out = dir.resolve("older");
        fullRun(out, ThemedCorpus.docs(4, 5));
        // As an output written before topic models were stored: topics, but no state tables.
        for (Table state : List.of(Table.TOPIC_MODEL, Table.TOPIC_VOCABULARY, Table.TOPIC_MODEL_INFO)) {
            delete(Outputs.currentRun(out).resolve(state.tableName()));
        }

        assertThatThrownBy(() -> validate(out, "--mode", "append", "--topics.k", "3"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("did not store its topic model")
                .hasMessageContaining("--mode full")
                .hasMessageContaining("--topics.refit");
        assertThat(topics(out, "--mode", "append", "--topics.refit", "true", "--topics.k", "3"))
                .isZero();
        Snapshot refitted = snapshot(out);
        assertThat(refitted.topTerms().keySet()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(refitted.isNew()).containsOnly(true);
    }

    // ---- helpers ----

    /** What a run wrote: topics rows (all but is_new and first_seen), per-document scores, the stored model. */
    record Snapshot(
            String runId,
            List<String> topics,
            Map<Integer, List<String>> topTerms,
            Set<Boolean> isNew,
            Set<String> firstSeen,
            Map<String, String> docTopics,
            Map<String, Integer> dominant,
            Map<String, Integer> clusters,
            List<String> model,
            Map<String, String> info) {}

    private Snapshot fullRun(Path out, List<TopicsInput.Doc> docs) {
        TopicsInput.write(spark, uri(out), docs);
        assertThat(topics(out, "--topics.k", "3")).isZero();
        return snapshot(out);
    }

    /**
     * The documents and sentences of the grown corpus, committed as a run the way an append's ingest and annotate
     * leave it: with the output's manifest, which an append run reads first.
     */
    private static JsonNode manifest(Path out) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Outputs.currentRun(out).resolve("_manifest.json").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void grow(Path out, List<TopicsInput.Doc> docs) {
        Path manifest = Outputs.currentRun(out).resolve("_manifest.json");
        TopicsInput.write(spark, uri(out), docs);
        try {
            Files.copy(manifest, Outputs.currentRun(out).resolve("_manifest.json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Snapshot snapshot(Path out) {
        TableStore tables = new TableStore(spark, uri(out), "read");
        List<String> topics = sorted(
                tables.read(Table.TOPICS, "test").drop("is_new", "first_seen").collectAsList());
        Map<Integer, List<String>> topTerms = new HashMap<>();
        tables.read(Table.TOPICS, "test")
                .orderBy("topic_id", "rank")
                .collectAsList()
                .forEach(r -> topTerms.computeIfAbsent(r.getInt(1), t -> new ArrayList<>())
                        .add(r.getString(3)));
        Set<Boolean> isNew = new HashSet<>();
        Set<String> firstSeen = new HashSet<>();
        tables.read(Table.TOPICS, "test").collectAsList().forEach(r -> {
            isNew.add(r.getAs("is_new"));
            firstSeen.add(r.getAs("first_seen"));
        });
        Map<String, String> docTopics = new HashMap<>();
        tables.read(Table.DOC_TOPICS, "test")
                .orderBy("doc_id", "topic_id")
                .collectAsList()
                .forEach(r -> docTopics.merge(r.getString(0), r.toString(), (a, b) -> a + b));
        Map<String, Integer> dominant = new HashMap<>();
        tables.read(Table.DOC_TOPICS, "test")
                .filter("is_dominant")
                .collectAsList()
                .forEach(r -> dominant.put(r.getString(0), r.getInt(2)));
        Map<String, Integer> clusters = new HashMap<>();
        tables.read(Table.CLUSTERS, "test").collectAsList().forEach(r -> clusters.put(r.getString(0), r.getInt(1)));
        List<String> model = sorted(tables.read(Table.TOPIC_MODEL, "test").collectAsList());
        Map<String, String> info = new HashMap<>();
        tables.read(Table.TOPIC_MODEL_INFO, "test")
                .collectAsList()
                .forEach(r -> info.put(r.getString(0), r.getString(1)));
        return new Snapshot(runId(out), topics, topTerms, isNew, firstSeen, docTopics, dominant, clusters, model, info);
    }

    private List<Row> topicRows(Path out) {
        return new TableStore(spark, uri(out), "read")
                .read(Table.TOPICS, "test")
                .collectAsList();
    }

    private static List<String> sorted(List<Row> rows) {
        return rows.stream().map(Row::toString).sorted().toList();
    }

    /** The one id each fixture theme's documents have (fails when a theme is split). */
    private static Map<String, Integer> themeOf(Map<String, Integer> byDoc) {
        Map<String, Set<Integer>> ids = new HashMap<>();
        byDoc.forEach((doc, id) -> ids.computeIfAbsent(ThemedCorpus.theme(doc), t -> new HashSet<>())
                .add(id));
        Map<String, Integer> one = new HashMap<>();
        ids.forEach((theme, found) -> {
            assertThat(found).as("ids of theme %s", theme).hasSize(1);
            one.put(theme, found.iterator().next());
        });
        return one;
    }

    /**
     * Runs the topics job alone through the pipeline (its checks, its commit): 0, or 2 when the settings are
     * refused, as the command line would exit. (The command line runs an append only as the whole pipeline.)
     */
    private static int topics(Path out, String... settings) {
        List<String> args = new ArrayList<>(List.of("--output", uri(out)));
        args.addAll(List.of(settings));
        try {
            Pipeline.run(List.of(new TopicsJob()), SettingsRegistry.parse(args.toArray(new String[0])));
            return 0;
        } catch (SettingsException e) {
            return 2;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void validate(Path out, String... settings) {
        List<String> args = new ArrayList<>(List.of("--output", uri(out)));
        args.addAll(List.of(settings));
        new TopicsJob().validate(SettingsRegistry.parse(args.toArray(new String[0])));
    }

    /** The current run's label as topics name it: its place in the manifest's history ("run 1" = the full run). */
    private static String runId(Path out) {
        try {
            return "run "
                    + new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(Outputs.currentRun(out)
                                    .resolve("_manifest.json")
                                    .toFile())
                            .path("history")
                            .size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String runFolder(Path out) {
        return Outputs.currentRun(out).getFileName().toString();
    }

    private static String uri(Path out) {
        return out.toUri().toString();
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
