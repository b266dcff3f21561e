package org.newslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.io.HadoopConf;
import org.newslens.testing.SharedSpark;

/** Ingest on the shared session: size limit, corpus boilerplate, determinism, unreadable and missing input. */
class IngestStageTest {
    @TempDir
    Path dir;

    @Test
    void tenMegabyteArticleIsKeptTruncatedWithAWarningRow() throws Exception {
        StringBuilder text = new StringBuilder("Endless hearing on the harbour budget\n\n");
        int paragraph = 0;
        while (text.length() < 10 * 1024 * 1024) {
            text.append("Paragraph ")
                    .append(paragraph++)
                    .append(": the committee heard another witness on the budget")
                    .append(" of the northern harbour, and the chair asked for a recess. Nothing was decided.\n\n");
        }
        Fixtures.write(dir.resolve("big.txt"), text.toString());
        Fixtures.write(dir.resolve("small.txt"), Fixtures.ARTICLE);

        IngestTestSupport.Outcome out = IngestTestSupport.ingest(dir);
        Row big = out.document("big.txt");
        String kept = big.getAs("text");
        assertThat(kept.length()).isLessThanOrEqualTo(1_000_000).isGreaterThan(900_000);
        assertThat(kept).endsWith("Nothing was decided.");
        assertThat(big.<String>getAs("title")).isEqualTo("Endless hearing on the harbour budget");
        assertThat(out.reasonOf("big.txt")).isEqualTo("truncated");
        assertThat(out.rejectsOf("big.txt").get(0).<String>getAs("detail"))
                .contains("kept truncated")
                .contains(big.<String>getAs("doc_id"));
        // The truncated article is one input that is a document; its warning row is not a dropped input.
        assertThat(out.inputs()).isEqualTo(2).isEqualTo(out.documents().size() + out.droppedInputs());
    }

    @Test
    void linesRepeatedAcrossManyDocumentsAreRemoved() throws Exception {
        String furniture = "Northwind Media Group publishes twelve regional titles.";
        for (int i = 0; i < 4; i++) {
            Fixtures.write(
                    dir.resolve("a" + i + ".txt"),
                    "Town council meets " + i + "\n\nThe council of town " + i + " met on Monday to discuss item " + i
                            + ".\n" + furniture + "\n");
        }
        Fixtures.write(
                dir.resolve("b.txt"),
                "Only twice\n\nA line seen in two documents stays.\n" + furniture.replace("twelve", "nine"));
        Fixtures.write(dir.resolve("c.txt"), "Only twice again\n\nA line seen in two documents stays.\n");

        IngestTestSupport.Outcome out = IngestTestSupport.ingest(dir);
        assertThat(out.documents()).hasSize(6);
        assertThat(out.documents())
                .allSatisfy(d -> assertThat(d.<String>getAs("text")).doesNotContain("twelve regional"));
        assertThat(out.document("a2.txt").<String>getAs("text"))
                .isEqualTo("The council of town 2 met on Monday to discuss item 2.");
        assertThat(out.document("c.txt").<String>getAs("text")).isEqualTo("A line seen in two documents stays.");

        // A higher minimum keeps the line.
        IngestTestSupport.Outcome strict = IngestTestSupport.ingest(dir, "--ingest.repeat-min-docs", "5");
        assertThat(strict.document("a2.txt").<String>getAs("text")).contains("twelve regional");
    }

    /** A wire story of several paragraphs, invented. */
    private static final String WIRE_STORY = "Ferry operators agree on winter timetable\n\n"
            + "The three ferry operators on the Velmar Sound agreed on Tuesday to share one winter timetable.\n\n"
            + "Under the deal, crossings to the outer islands will run every ninety minutes from November.\n\n"
            + "Islanders had complained for years that the rival timetables left them waiting at the pier.\n\n"
            + "The harbour authority said it would publish the combined timetable next week.\n";

    @Test
    void identicalCopiesOfAStoryAreDocumentsNotBoilerplate() throws Exception {
        for (String outlet : List.of("north", "south", "east")) {
            Fixtures.write(dir.resolve(outlet + "/ferries.txt"), WIRE_STORY);
        }
        Fixtures.write(dir.resolve("other.txt"), Fixtures.ARTICLE);

        IngestTestSupport.Outcome out = IngestTestSupport.ingest(dir);
        assertThat(out.rejects()).isEmpty();
        assertThat(out.documents()).hasSize(4);
        for (String outlet : List.of("north", "south", "east")) {
            assertThat(out.document(outlet + "/ferries.txt").<String>getAs("text"))
                    .contains("every ninety minutes")
                    .contains("publish the combined timetable");
        }
    }

    @Test
    void syndicatedCopiesKeepTheStoryAndLoseTheOutletsTagLine() throws Exception {
        // Each outlet prints its own tag line under all its articles; three of them also reprint one wire story.
        List<String> outlets = List.of("Velmar Gazette", "Sound Herald", "Island Post");
        for (String outlet : outlets) {
            String tag = "Read more local news every morning in the " + outlet + ".";
            String slug = outlet.replace(' ', '-');
            for (int i = 0; i < 3; i++) {
                Fixtures.write(
                        dir.resolve(slug + "/local" + i + ".txt"),
                        "Local item " + i + "\n\nThe " + outlet + " reports that the bakery on street " + i
                                + " reopened after repairs to its oven.\n" + tag + "\n");
            }
            Fixtures.write(
                    dir.resolve(slug + "/wire.txt"),
                    "By the " + outlet + " news desk\n\n" + WIRE_STORY.substring(WIRE_STORY.indexOf("\n\n") + 2) + tag
                            + "\n");
        }

        IngestTestSupport.Outcome out = IngestTestSupport.ingest(dir);
        assertThat(out.rejects()).isEmpty();
        assertThat(out.documents()).hasSize(12);
        for (String outlet : outlets) {
            String slug = outlet.replace(' ', '-');
            assertThat(out.document(slug + "/wire.txt").<String>getAs("text"))
                    .contains("share one winter timetable")
                    .contains("publish the combined timetable")
                    .doesNotContain("Read more local news");
            assertThat(out.document(slug + "/local1.txt").<String>getAs("text"))
                    .contains("bakery on street 1")
                    .doesNotContain("Read more local news");
        }
    }

    @Test
    void identicalRecordsInOneFileAreDuplicateRecordsNotBoilerplate() throws Exception {
        String record =
                "{\"id\": 7, \"title\": \"Ferries\", \"text\": \"The ferry operators agreed on one timetable.\"}\n";
        Fixtures.write(dir.resolve("records.jsonl"), record + record + record);

        IngestTestSupport.Outcome out = IngestTestSupport.ingest(dir);
        assertThat(out.documents()).hasSize(1);
        assertThat(out.documents().get(0).<String>getAs("text"))
                .isEqualTo("The ferry operators agreed on one timetable.");
        assertThat(out.rejects())
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.<String>getAs("reason")).isEqualTo("duplicate_record"));
        assertThat(out.inputs()).isEqualTo(3);
    }

    @Test
    void docIdsDoNotDependOnListingOrderOrPartitioning() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("elsewhere/second");
        List<String> names = List.of("x/one.txt", "x/two.md", "y/three.txt", "four.txt", "five.txt", "recs.jsonl");
        for (int i = 0; i < names.size(); i++) {
            String content = names.get(i).endsWith(".jsonl")
                    ? "{\"id\": 1, \"text\": \"Ferries run again.\"}\n{\"id\": 2, \"text\": \"Trams run again.\"}\n"
                    : "Story " + i + "\n\nBody of story " + i + " about the harbour.\n";
            Fixtures.write(first.resolve(names.get(i)), content);
        }
        for (int i = names.size() - 1; i >= 0; i--) { // written in the opposite order, under another root
            Files.createDirectories(second.resolve(names.get(i)).getParent());
            Files.copy(first.resolve(names.get(i)), second.resolve(names.get(i)));
        }
        Fixtures.write(first.resolve("bad.txt"), "");
        Fixtures.write(second.resolve("bad.txt"), "");
        IngestTestSupport.Outcome one = IngestTestSupport.ingest(first, "--partitions", "1");
        IngestTestSupport.Outcome five = IngestTestSupport.ingest(second, "--partitions", "5");
        assertThat(rows(one.documents(), first)).hasSize(7).isEqualTo(rows(five.documents(), second));
        assertThat(rows(one.rejects(), first)).hasSize(1).isEqualTo(rows(five.rejects(), second));
        assertThat(one.documents()).extracting(r -> r.<String>getAs("doc_id")).doesNotHaveDuplicates();
    }

    /** Every column of every row, with the (different) root folder cut from source_uri. */
    private static Set<String> rows(List<Row> rows, Path root) {
        String prefix = root.toUri().getPath();
        return rows.stream()
                .map(r -> r.toString().replace(prefix, "<root>/").replace("file:", ""))
                .collect(Collectors.toSet());
    }

    @Test
    void fileThatCannotBeReadIsAnUnreadableReject() throws Exception {
        // A file that vanishes between listing and reading fails to open on the executor.
        TextFileReader reader = new TextFileReader(
                new HadoopConf(SharedSpark.session().sparkContext().hadoopConfiguration()), 1000);
        Iterator<Row> rows = reader.call(
                List.of(RowFactory.create(dir.resolve("gone.txt").toUri().toString(), "gone.txt", "text"))
                        .iterator());
        Row row = rows.next();
        assertThat(row.<String>getAs(9)).isEqualTo("unreadable");
        assertThat(row.<String>getAs(10)).contains("gone.txt");
    }

    @Test
    void folderWithAFileWithoutReadPermission() throws Exception {
        Fixtures.write(dir.resolve("open.txt"), Fixtures.ARTICLE);
        Path locked = dir.resolve("locked.txt");
        Fixtures.write(locked, "Locked story\n\nNobody should read this.\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            IngestTestSupport.Outcome out = IngestTestSupport.ingest(dir);
            assertThat(out.inputs()).isEqualTo(2).isEqualTo(out.documents().size() + out.droppedInputs());
            if (Files.isReadable(locked)) {
                // Running as root: permissions do not stop the read, so the file is an ordinary document.
                assertThat(out.document("locked.txt").<String>getAs("title")).isEqualTo("Locked story");
            } else {
                assertThat(out.reasonOf("locked.txt")).isEqualTo("unreadable");
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void missingInputStopsTheRunBeforeOutputIsTouched() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "previous run", StandardCharsets.UTF_8);
        SharedSpark.session();
        int code = Main.run(
                new String[] {"ingest", "--input", dir.resolve("no-such-folder").toString(), "--output", out.toString()
                });
        assertThat(code).isEqualTo(2);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("keep.txt");
        }
    }

    @Test
    void emptyFolderGivesEmptyTables() throws Exception {
        Files.createDirectories(dir.resolve("nothing/_temporary"));
        Fixtures.write(dir.resolve("nothing/.keep"), "");
        IngestTestSupport.Outcome out = IngestTestSupport.ingest(dir.resolve("nothing"));
        assertThat(out.inputs()).isZero();
        assertThat(out.documents()).isEmpty();
        assertThat(out.rejects()).isEmpty();
    }
}
