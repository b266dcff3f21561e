package org.newslens.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newslens.e2e.RiverTownCorpus.BUREAU_FILE;
import static org.newslens.e2e.RiverTownCorpus.BUREAU_LINE;
import static org.newslens.e2e.RiverTownCorpus.EDITED_FILE;
import static org.newslens.e2e.RiverTownCorpus.FULL_NAME;
import static org.newslens.e2e.RiverTownCorpus.SHORT_NAME_FILE;
import static org.newslens.e2e.RiverTownCorpus.SURNAME;
import static org.newslens.e2e.RiverTownCorpus.TAGLINE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Jobs;
import org.newslens.Main;
import org.newslens.SettingsRegistry;
import org.newslens.bench.OutputComparison.Options;
import org.newslens.io.Table;
import org.newslens.pipeline.Job;
import org.newslens.pipeline.JobContext;
import org.newslens.pipeline.Pipeline;
import org.newslens.testing.Outputs;
import org.newslens.testing.SharedSpark;
import org.newslens.testing.TableComparison;
import org.newslens.topics.TopicStateRecount;

/**
 * {@code --mode append} as a user runs it nightly: a full run over part A of a corpus, an append of part B (its
 * own folder), then an append of the whole growing folder once part C has arrived and one A article was
 * rewritten. Every table but the topic tables must then hold the rows of one full run over everything; an old
 * article's short name links to the full name a new article gives, and a line that became boilerplate with C
 * is gone from the old articles. The same append again adds nothing; bad use and failed appends leave the
 * output as it was, byte for byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppendEqualsFullEndToEndTest {
    /** The topic model is kept across appends by design, so its tables may differ from a full run's. */
    private static final Options SAME_AS_FULL = Options.EXACT
            .skipping("topics", "doc_topics", "clusters", "topic_trends", "topic_metrics", "state/topic_*")
            .withRelativeTolerance(1e-9)
            .withStateTables();

    @TempDir
    static Path temp;

    private Path root;
    private Path appended;
    private Path full;
    private Run runA;
    private Run runB;
    private Run runC;
    private Run fullRun;
    private List<String> shortNameMentionsAfterA;
    private List<String> shortNameMentionsAfterB;
    private String bureauTextAfterB;

    /** Full run over A, append B, append the whole folder with C and the edit of A; a full run over it all. */
    @BeforeAll
    void runTheSequence() {
        root = temp.resolve("news");
        appended = temp.resolve("appended");
        full = temp.resolve("full");
        RiverTownCorpus.writeA(root);
        runA = run("all", "--input", root.toString(), "--output", appended.toString());
        assertThat(runA.code).as(runA.console()).isZero();
        shortNameMentionsAfterA = mentionNames(appended, SHORT_NAME_FILE, SURNAME);

        RiverTownCorpus.writeB(root);
        runB = append(root.resolve("b"), appended);
        assertThat(runB.code).as(runB.console()).isZero();
        shortNameMentionsAfterB = mentionNames(appended, SHORT_NAME_FILE, SURNAME);
        bureauTextAfterB = documentText(appended, BUREAU_FILE);

        RiverTownCorpus.writeC(root);
        RiverTownCorpus.editA(root);
        runC = append(root, appended);
        assertThat(runC.code).as(runC.console()).isZero();

        fullRun = run("all", "--input", root.toString(), "--output", full.toString());
        assertThat(fullRun.code).as(fullRun.console()).isZero();
    }

    @Test
    @Order(1)
    void afterAppendingBAndCEveryTableButTheTopicTablesEqualsOneFullRunOverEverything() {
        assertThat(TableComparison.differences(SharedSpark.session(), full, appended, SAME_AS_FULL))
                .as("tables of the full run over A+B+C (left) against full A, append B, append A+B+C (right)")
                .isEmpty();
    }

    @Test
    @Order(2)
    void theOldArticlesShortNameLinksToTheFullNameANewArticleGives() {
        assertThat(shortNameMentionsAfterA)
                .as("mentions of %s in %s after the run over A", SURNAME, SHORT_NAME_FILE)
                .isNotEmpty()
                .doesNotContain(FULL_NAME);
        assertThat(shortNameMentionsAfterB).as("after the append of B").isEqualTo(shortNameMentionsAfterA);
        for (Path output : List.of(appended, full)) {
            List<String> names = mentionNames(output, SHORT_NAME_FILE, SURNAME);
            assertThat(names)
                    .as("mentions of %s in %s in %s", SURNAME, SHORT_NAME_FILE, output)
                    .hasSize(shortNameMentionsAfterA.size())
                    .containsOnly(FULL_NAME);
            Row entity = table(output, Table.ENTITIES)
                    .where("name = '" + FULL_NAME + "'")
                    .first();
            assertThat(entity.<Long>getAs("docs"))
                    .as("documents naming %s", FULL_NAME)
                    .isEqualTo(2L);
        }
    }

    @Test
    @Order(3)
    void aLineThatBecameBoilerplateWithCIsGoneFromTheOldArticles() {
        assertThat(bureauTextAfterB).as("%s after the append of B", BUREAU_FILE).contains(BUREAU_LINE);
        for (Path output : List.of(appended, full)) {
            List<Row> documents = table(output, Table.DOCUMENTS).collectAsList();
            assertThat(documents).as("documents in %s", output).isNotEmpty();
            for (Row document : documents) {
                String text = document.getAs("text");
                assertThat(text)
                        .as("%s in %s", document.<String>getAs("source_uri"), output)
                        .doesNotContain(BUREAU_LINE)
                        .doesNotContain(TAGLINE);
            }
            assertThat(table(output, Table.TOKENS).where("text = 'Quarry'").count())
                    .as("tokens of the boilerplate line in %s", output)
                    .isZero();
        }
    }

    @Test
    @Order(4)
    void theClusterTermCountsTheAppendsUpdatedEqualACountOfEveryDocumentInItsCluster() {
        // The appends keep the topic model and bring the counts behind the cluster labels up to date from the
        // documents that came, changed (the rewritten article, the boilerplate line) or went (the dropped record).
        String output = appended.toUri().toString();
        List<String> stored = TopicStateRecount.storedClusterTerms(SharedSpark.session(), output);
        assertThat(stored).isNotEmpty();
        assertThat(stored).isEqualTo(TopicStateRecount.clusterTerms(SharedSpark.session(), output));
    }

    @Test
    @Order(4)
    void theCoherenceWindowCountsTheAppendsUpdatedEqualACountOfEveryDocument() {
        String output = appended.toUri().toString();
        Map<String, Long> stored = TopicStateRecount.storedCoherence(SharedSpark.session(), output);
        assertThat(stored).containsKey("\u0000windows");
        assertThat(stored).isEqualTo(TopicStateRecount.coherence(SharedSpark.session(), output));
    }

    @Test
    @Order(4)
    void theRewrittenArticleAndTheDroppedRecordReplaceTheirOldVersionsAndNothingIsLost() {
        List<Row> edited = table(appended, Table.DOCUMENTS)
                .where("source_uri like '%/" + EDITED_FILE + "'")
                .collectAsList();
        assertThat(edited)
                .extracting(r -> r.<String>getAs("title"))
                .containsExactly("School board delays vote on science wing");
        assertThat(table(appended, Table.DOCUMENTS)
                        .where("title = 'Allotment waiting list grows'")
                        .count())
                .as("the record dropped from a/wire.jsonl")
                .isZero();
        int documents = RiverTownCorpus.DOCUMENTS_A - 1 + RiverTownCorpus.DOCUMENTS_B + RiverTownCorpus.DOCUMENTS_C;
        assertThat(table(appended, Table.DOCUMENTS).count()).isEqualTo(documents);
        assertThat(table(appended, Table.DOCUMENTS).select("doc_id").distinct().count())
                .isEqualTo(documents);
        List<String> rejects = table(appended, Table.REJECTS).orderBy("source_uri").collectAsList().stream()
                .map(r -> root.toUri().relativize(java.net.URI.create(r.getString(0))) + " " + r.getString(1))
                .toList();
        assertThat(rejects).containsExactly("a/draft.txt empty_file", "b/wire.jsonl malformed_json");
    }

    @Test
    @Order(5)
    void theManifestKeepsEveryRunsHistoryAndTheSummarySaysWhatTheAppendsDid() {
        JsonNode history = manifest(appended).path("history");
        assertThat(history.size()).as("history entries: %s", history).isEqualTo(3);
        assertThat(field(history, "mode")).containsExactly("full", "append", "append");
        assertThat(field(history, "input"))
                .containsExactly(root.toString(), root.resolve("b").toString(), root.toString());
        assertThat(field(history, "input_fingerprint")).allMatch(f -> f.matches("[0-9a-f]{64}"));
        assertThat(field(history, "documents_added"))
                .as("documents added: A, then B, then C's five and the rewritten article")
                .containsExactly(
                        Integer.toString(RiverTownCorpus.DOCUMENTS_A),
                        Integer.toString(RiverTownCorpus.DOCUMENTS_B),
                        Integer.toString(RiverTownCorpus.DOCUMENTS_C + 1));
        assertThat(field(history, "documents_replaced"))
                .as("replaced: by the third run, the rewritten article and the record dropped from its file")
                .containsExactly("0", "0", "2");
        for (Run append : List.of(runB, runC)) {
            assertThat(append.stdout()).as("summary of an append").contains("documents added");
        }
        // What the append of C did to old documents, and why: two lost the line that became boilerplate (the A
        // and the B article that carried it), one has its short name linked to the full name C brings.
        JsonNode third = history.get(2);
        assertThat(third.path("documents_reannotated").asLong(-1)).isEqualTo(2);
        assertThat(third.path("documents_relinked").asLong(-1)).isEqualTo(1);
        assertThat(runC.stdout())
                .contains("2 old documents annotated again")
                .contains("1 old documents had a mention linked to another name");
        JsonNode second = history.get(1);
        assertThat(second.path("documents_reannotated").asLong(-1)).isZero();
        assertThat(second.path("documents_relinked").asLong(-1)).isZero();
        // The terms stage counted only what each append brought, and took away what it replaced: new and
        // re-annotated documents are counted, replaced, dropped and re-annotated ones' old counts taken away.
        for (JsonNode append : List.of(second, third)) {
            assertThat(append.path("terms_documents_counted").asLong(-1))
                    .as("documents counted for terms: %s", append)
                    .isEqualTo(append.path("documents_added").asLong()
                            + append.path("documents_reannotated").asLong());
            assertThat(append.path("terms_documents_uncounted").asLong(-1))
                    .as("old documents whose term counts were taken away: %s", append)
                    .isEqualTo(append.path("documents_replaced").asLong()
                            + append.path("documents_dropped").asLong()
                            + append.path("documents_reannotated").asLong());
        }
        assertThat(third.path("terms_documents_uncounted").asLong()).isPositive();
        // Keyness: the stored term counts per cell were brought up to date, from the documents counted for terms
        // (and any whose outlet or period grouping changed, such as a story with a new earlier copy).
        for (JsonNode append : List.of(second, third)) {
            assertThat(append.path("keyness_documents_counted").asLong(-1))
                    .as("documents counted for keyness: %s", append)
                    .isBetween(1L, append.path("documents").asLong() - 1);
        }
        assertThat(third.path("keyness_documents_uncounted").asLong()).isPositive();
        // Near-duplicate signatures: only what the terms stage counted anew is signed, the rest reused.
        for (JsonNode append : List.of(second, third)) {
            assertThat(append.path("duplicate_documents_signed").asLong(-1))
                    .as("documents signed: %s", append)
                    .isBetween(1L, append.path("terms_documents_counted").asLong());
            assertThat(append.path("duplicate_signatures_reused").asLong(-1))
                    .as("signatures reused: %s", append)
                    .isPositive();
        }
        // B only adds documents, so only their buckets are searched; C changes old texts, so everything is.
        assertThat(second.path("duplicate_search").asText()).isEqualTo("new documents");
        assertThat(third.path("duplicate_search").asText()).isEqualTo("all documents");
    }

    /** Each run's own rejects: B's malformed line is B's; the empty A file was rejected by the first run. */
    @Test
    @Order(5)
    void theHistoryCountsTheRejectsOfEachRunsInput() {
        JsonNode history = manifest(appended).path("history");
        assertThat(field(history, "rejects_read"))
                .as("rejects of the inputs of A, of b/, and of the whole folder: %s", history)
                .containsExactly("1", "1", "2");
        assertThat(field(history, "rejects"))
                .as("rejects the output holds after each run")
                .containsExactly("1", "2", "2");
    }

    @Test
    @Order(6)
    void theSameAppendAgainAddsNothingAndLeavesEveryTableAsItWas() throws IOException {
        Path before = copyOf(Outputs.currentRun(appended), temp.resolve("before-repeat"));
        Run again = append(root, appended);
        assertThat(again.code).as(again.console()).isZero();
        assertThat(TableComparison.runDifferences(
                        SharedSpark.session(), before, Outputs.currentRun(appended), Options.EXACT.withStateTables()))
                .as("tables before and after appending the same input again")
                .isEmpty();
        JsonNode last = lastHistoryEntry(appended);
        assertThat(last.path("mode").asText()).isEqualTo("append");
        assertThat(last.path("documents_added").asLong(-1)).isZero();
        assertThat(last.path("documents_replaced").asLong(-1)).isZero();
        assertThat(manifest(appended).path("figures").path("documents_added").asLong(-1))
                .as("figures: %s", manifest(appended).path("figures"))
                .isZero();
    }

    @Test
    @Order(7)
    void appendingIntoAnOutputWithoutARunIsAClearErrorAndWritesNothing() throws IOException {
        Path extra = extraInput();
        Path missing = temp.resolve("no-such-output");
        Run intoMissing = append(extra, missing);
        assertThat(intoMissing.code).as(intoMissing.console()).isEqualTo(2);
        assertThat(intoMissing.stderr()).contains(missing.toString());
        assertThat(missing).doesNotExist();

        Path empty = Files.createDirectories(temp.resolve("empty-output"));
        Run intoEmpty = append(extra, empty);
        assertThat(intoEmpty.code).as(intoEmpty.console()).isEqualTo(2);
        assertThat(intoEmpty.stderr()).contains(empty.toString());
        try (Stream<Path> left = Files.list(empty)) {
            assertThat(left).as("files left in an empty output folder").isEmpty();
        }
    }

    @Test
    @Order(8)
    void appendingWithSettingsThatChangeWhatRowsMeanIsAClearErrorAndWritesNothing() {
        Path extra = extraInput();
        for (String[] setting : List.of(
                new String[] {"--annotate.ner-scope", "sentence"},
                new String[] {"--annotate.pos", "true"},
                new String[] {"--ingest.max-chars", "5000"})) {
            Map<String, String> before = fileHashes(appended);
            Run run = run(
                    "all",
                    "--mode",
                    "append",
                    "--input",
                    extra.toString(),
                    "--output",
                    appended.toString(),
                    setting[0],
                    setting[1]);
            assertThat(run.code)
                    .as("%s %s: %s", setting[0], setting[1], run.console())
                    .isEqualTo(2);
            assertThat(run.stderr())
                    .as("error for %s", setting[0])
                    .contains(setting[0] + " " + setting[1])
                    .contains("--mode full");
            assertThat(fileHashes(appended)).as("output after %s", setting[0]).isEqualTo(before);
        }
    }

    @Test
    @Order(9)
    void aFailedAppendLeavesTheOutputAndItsManifestByteIdentical() {
        Path extra = extraInput();
        Map<String, String> before = fileHashes(appended);
        // The failure comes after every stage and the report, when the run's folder is complete but its manifest
        // is not yet written: the latest point a run can fail at.
        List<Job> jobs = new ArrayList<>(Jobs.forCommand("all"));
        jobs.add(failing());
        assertThatThrownBy(() -> Pipeline.run(jobs, SettingsRegistry.parse(new String[] {
                    "--mode", "append", "--input", extra.toString(), "--output", appended.toString()
                })))
                .hasMessageContaining("injected failure");
        assertThat(fileHashes(appended)).as("output after a failed append").isEqualTo(before);
    }

    @Test
    @Order(10)
    void anAppendThatLeavesTheClusterLabelsAsTheyWereUpdatesTheCoherenceCountsInsteadOfReadingEveryDocument() {
        // Words the kept model has never seen: the new article joins no cluster, so no label moves and the stored
        // window counts hold every key the coherence needs; its windows still count.
        Path nonsense = temp.resolve("nonsense");
        try {
            Files.createDirectories(nonsense);
            Files.writeString(
                    nonsense.resolve("glossary.txt"),
                    "Zorblat quindle\nJune 21, 2024\n\nZorblat quindle frimp vostage, plonkish marrow drabble."
                            + " Quindle vostage trindle, zorblat frimp snoggle wemble harp.\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String output = appended.toUri().toString();
        long windowsBefore =
                TopicStateRecount.storedCoherence(SharedSpark.session(), output).get("\u0000windows");

        Run runD = append(nonsense, appended);

        assertThat(runD.code).as(runD.console()).isZero();
        assertThat(runD.console())
                .contains("coherence window counts updated (1) or counted again over every document (0) 1")
                .containsPattern("duplicate search +new documents");
        Map<String, Long> stored = TopicStateRecount.storedCoherence(SharedSpark.session(), output);
        assertThat(stored.get("\u0000windows")).isGreaterThan(windowsBefore);
        assertThat(stored).isEqualTo(TopicStateRecount.coherence(SharedSpark.session(), output));
    }

    @Test
    @Order(11)
    void reprintsAppendedLaterFindTheirEarliestCopyAsASearchOfEveryDocumentWould() throws IOException {
        // A reprint of an A article dated after it, then one dated before it: the second becomes the earliest copy
        // of both. Each append only adds documents, so it searches only the new documents' buckets.
        String article = Files.readString(root.resolve(SHORT_NAME_FILE), StandardCharsets.UTF_8);
        String output = appended.toUri().toString();
        List<String> dates = List.of("March 9, 2024", "March 1, 2024");
        for (String date : dates) {
            Path reprint = temp.resolve("reprint-" + dates.indexOf(date));
            Files.createDirectories(reprint);
            Files.writeString(
                    reprint.resolve("harbour-dues.txt"),
                    article.replace("March 4, 2024", date).replace("Source: Kesselby Lantern", "Source: Valley Post"),
                    StandardCharsets.UTF_8);

            Run run = append(reprint, appended);

            assertThat(run.code).as(run.console()).isZero();
            assertThat(run.console()).containsPattern("duplicate search +new documents");
            assertThat(TopicStateRecount.storedDuplicates(SharedSpark.session(), output))
                    .as("duplicates after the reprint of %s", date)
                    .isEqualTo(TopicStateRecount.duplicates(SharedSpark.session(), output))
                    .hasSize(date.startsWith("March 9") ? 1 : 2);
        }
    }

    // ---- helpers

    /** A folder outside the corpus root holding one new article. */
    private Path extraInput() {
        Path extra = temp.resolve("late-news");
        try {
            Files.createDirectories(extra);
            Files.writeString(
                    extra.resolve("lighthouse.txt"),
                    "Lighthouse keeper retires\nJune 20, 2024\n\nThe last keeper of the Kesselby lighthouse, "
                            + "Edda Morlaine, retired on Thursday after thirty-one years.\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return extra;
    }

    /** A job without Spark that fails; placed last, it runs after the report, before the manifest. */
    private static Job failing() {
        return new Job() {
            public String name() {
                return "failing";
            }

            public List<Table> inputs() {
                return List.of();
            }

            public List<Table> outputs() {
                return List.of();
            }

            public boolean needsSpark() {
                return false;
            }

            public void run(JobContext context) {
                throw new IllegalStateException("injected failure");
            }
        };
    }

    private record Run(int code, String stdout, String stderr) {
        String console() {
            return stdout + stderr;
        }
    }

    private static Run append(Path input, Path output) {
        return run("all", "--mode", "append", "--input", input.toString(), "--output", output.toString());
    }

    /** Runs the real entry point and keeps what it printed (the summary on stdout, errors on stderr). */
    private static synchronized Run run(String... args) {
        SharedSpark.session();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        Run run = new Run(code, printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        out.print(run.stdout());
        err.print(run.stderr());
        return run;
    }

    private static Dataset<Row> table(Path output, Table table) {
        return SharedSpark.session()
                .read()
                .parquet(Outputs.currentRun(output).resolve(table.tableName()).toString());
    }

    private static String docId(Path output, String file) {
        List<Row> rows = table(output, Table.DOCUMENTS)
                .where("source_uri like '%/" + file + "'")
                .select("doc_id")
                .collectAsList();
        assertThat(rows).as("documents of %s in %s", file, output).hasSize(1);
        return rows.get(0).getString(0);
    }

    private static String documentText(Path output, String file) {
        return table(output, Table.DOCUMENTS)
                .where("doc_id = '" + docId(output, file) + "'")
                .first()
                .getAs("text");
    }

    /** The canonical names of the mentions in {@code file}'s document whose text contains {@code surname}. */
    private static List<String> mentionNames(Path output, String file, String surname) {
        return table(output, Table.MENTIONS)
                .where("doc_id = '" + docId(output, file) + "' and text like '%" + surname + "%'")
                .orderBy("begin")
                .collectAsList()
                .stream()
                .map(r -> r.<String>getAs("name"))
                .toList();
    }

    private static JsonNode manifest(Path output) {
        try {
            return new ObjectMapper()
                    .readTree(
                            Outputs.currentRun(output).resolve("_manifest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode lastHistoryEntry(Path output) {
        JsonNode history = manifest(output).path("history");
        assertThat(history.size()).as("history: %s", history).isPositive();
        return history.get(history.size() - 1);
    }

    private static List<String> field(JsonNode entries, String name) {
        List<String> values = new ArrayList<>();
        entries.forEach(entry -> values.add(entry.path(name).asText()));
        return values;
    }

    /** Every file and link under {@code folder} by relative path: a file's SHA-256, a link's target. */
    private static Map<String, String> fileHashes(Path folder) {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                String relative = folder.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    hashes.put(relative, "link to " + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path)) {
                    hashes.put(relative, "folder");
                } else {
                    hashes.put(
                            relative,
                            HexFormat.of()
                                    .formatHex(
                                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }

    /** A copy of a run folder (its tables and manifest), to compare with later runs of the same output. */
    private static Path copyOf(Path run, Path copy) throws IOException {
        try (Stream<Path> paths = Files.walk(run)) {
            for (Path path : paths.toList()) {
                Path target = copy.resolve(run.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return copy;
    }
}
