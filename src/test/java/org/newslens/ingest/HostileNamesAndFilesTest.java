package org.newslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run of the real entry point over a folder of file names a shell would quote (glob and URI characters)
 * and of entries that are not regular files (FIFO, socket, dangling link, link loops, a link to its own
 * folder): every name is read literally and exactly once, every odd entry is a reject with its reason, the run
 * never blocks, and inputs = documents + rejects.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileNamesAndFilesTest {
    /** File names that Spark's readers would take as globs or URI escapes; each must be read as itself. */
    static final List<String> ODD_NAMES = List.of(
            "a [1].txt",
            "a 1.txt",
            "b {x,y}.md",
            "bx.md",
            "star*.txt",
            "what?.txt",
            "100%25.txt",
            "100%.txt",
            "%41.txt",
            "A.txt",
            "time 10:30.txt",
            "tab\there.txt",
            "quote'\"s.txt",
            "hash#1.txt",
            "caf\u00e9 \u6771\u4eac.txt",
            "back\\slash.txt");

    @TempDir
    static Path dir;

    static List<Row> documents;
    static List<Row> rejects;
    static JsonNode figures;
    static int exitCode;
    static ServerSocketChannel socket;

    @BeforeAll
    static void runIngest() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        for (int i = 0; i < ODD_NAMES.size(); i++) {
            Fixtures.write(in.resolve(ODD_NAMES.get(i)), story(i));
        }
        Fixtures.write(in.resolve("recs [2] {a}.jsonl"), "{\"text\": \"Record story about the ferry timetable.\"}\n");
        Fixtures.write(in.resolve("rows?*.csv"), "Title,TEXT\nRow story,Row story about the tram depot.\n");
        Fixtures.rawParquet(
                in.resolve("cols%20[x].parquet"),
                "message m { optional binary Text (UTF8); }",
                List.<byte[][]>of(new byte[][] {Fixtures.utf8("Column story about the night bus.")}),
                1 << 20);

        Path odd = in.resolve("odd");
        Files.createDirectories(odd);
        Process mkfifo = new ProcessBuilder("mkfifo", odd.resolve("pipe.txt").toString())
                .inheritIO()
                .start();
        assertThat(mkfifo.waitFor()).isZero();
        socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        socket.bind(UnixDomainSocketAddress.of(odd.resolve("live.sock.jsonl")));
        Files.createSymbolicLink(odd.resolve("gone.txt"), odd.resolve("nowhere.txt"));
        Files.createSymbolicLink(odd.resolve("self"), odd);
        Files.createSymbolicLink(odd.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(odd.resolve("loop1.txt"), odd.resolve("loop2.txt"));
        Files.createSymbolicLink(odd.resolve("loop2.txt"), odd.resolve("loop1.txt"));
        Fixtures.write(odd.resolve("story.txt"), story(100));
        Files.createSymbolicLink(odd.resolve("alias.txt"), Path.of("story.txt"));
        Path elsewhere = dir.resolve("elsewhere");
        Fixtures.write(elsewhere.resolve("far.txt"), story(200));
        Files.createSymbolicLink(odd.resolve("outside"), elsewhere);
        // Two folders that link to each other: following the links once is fine, for ever is not.
        Files.createDirectories(in.resolve("x"));
        Files.createDirectories(dir.resolve("y"));
        Fixtures.write(dir.resolve("y/inner.txt"), story(300));
        Files.createSymbolicLink(in.resolve("x/to-y"), dir.resolve("y"));
        Files.createSymbolicLink(dir.resolve("y/to-x"), in.resolve("x"));

        Path out = dir.resolve("out");
        IngestTestSupport.MainRun run = IngestTestSupport.runIngest(in, out);
        exitCode = run.exitCode();
        documents = run.documents();
        rejects = run.rejects();
        figures = run.figures();
    }

    @AfterAll
    static void closeSocket() throws Exception {
        if (socket != null) {
            socket.close();
        }
    }

    /** A distinct article per file, so no line repeats across documents. */
    static String story(int i) {
        return "Story number " + i + " of the odd names\n\nReported on day " + i + ": the council met " + i
                + " times about the harbour item " + (i * 7 + 3) + ".\n";
    }

    private static List<Row> docsFrom(String relative) {
        String suffix = "/in/" + relative;
        return documents.stream()
                .filter(r -> r.<String>getAs("source_uri").endsWith(suffix))
                .toList();
    }

    private static List<String> reasonsFor(String relative) {
        String suffix = "/in/" + relative;
        return rejects.stream()
                .filter(r -> r.<String>getAs("source_uri").endsWith(suffix))
                .map(r -> r.<String>getAs("reason"))
                .sorted()
                .toList();
    }

    @Test
    void everyInputIsADocumentOrAReject() {
        assertThat(exitCode).isZero();
        assertThat(figures.get("inputs").asLong()).isEqualTo(documents.size() + rejects.size());
        // 16 odd names + 3 record files + story, alias, far (through "outside"), inner (through x/to-y)
        assertThat(documents).hasSize(ODD_NAMES.size() + 3 + 4);
        // pipe, socket, gone, self, up, loop1, loop2, and y/to-x seen as x/to-y/to-x
        assertThat(rejects).hasSize(8);
        assertThat(documents).extracting(r -> r.<String>getAs("doc_id")).doesNotHaveDuplicates();
    }

    @Test
    void oddNamesAreReadLiterallyAndOnce() {
        for (int i = 0; i < ODD_NAMES.size(); i++) {
            String name = ODD_NAMES.get(i);
            List<Row> docs = docsFrom(name);
            assertThat(docs).as(name).hasSize(1);
            assertThat(docs.get(0).<String>getAs("title"))
                    .as(name)
                    .isEqualTo("Story number " + i + " of the odd names");
        }
        assertThat(docsFrom("recs [2] {a}.jsonl"))
                .extracting(r -> r.<String>getAs("text"))
                .containsExactly("Record story about the ferry timetable.");
        assertThat(docsFrom("rows?*.csv"))
                .extracting(r -> r.<String>getAs("title"))
                .containsExactly("Row story");
        assertThat(docsFrom("cols%20[x].parquet"))
                .extracting(r -> r.<String>getAs("text"))
                .containsExactly("Column story about the night bus.");
    }

    @Test
    void specialFilesAreNeverOpened() {
        assertThat(reasonsFor("odd/pipe.txt")).containsExactly("not_a_regular_file");
        assertThat(reasonsFor("odd/live.sock.jsonl")).containsExactly("not_a_regular_file");
        assertThat(rejects.stream()
                        .filter(r -> r.<String>getAs("source_uri").endsWith("pipe.txt"))
                        .findFirst()
                        .orElseThrow()
                        .<String>getAs("detail"))
                .contains("named pipe");
    }

    @Test
    void linksAreFollowedOnceAndBrokenOnesAreRejects() {
        assertThat(reasonsFor("odd/gone.txt")).containsExactly("dangling_link");
        assertThat(reasonsFor("odd/self")).containsExactly("link_loop");
        assertThat(reasonsFor("odd/up")).containsExactly("link_loop");
        assertThat(reasonsFor("odd/loop1.txt")).containsExactly("link_loop");
        assertThat(reasonsFor("odd/loop2.txt")).containsExactly("link_loop");
        assertThat(reasonsFor("x/to-y/to-x")).containsExactly("link_loop");
        assertThat(docsFrom("odd/alias.txt")).hasSize(1);
        assertThat(docsFrom("odd/story.txt")).hasSize(1);
        assertThat(docsFrom("odd/outside/far.txt")).hasSize(1);
        assertThat(docsFrom("x/to-y/inner.txt")).hasSize(1);
        List<String> details = new ArrayList<>();
        rejects.forEach(r -> details.add(r.getAs("detail")));
        assertThat(details).allSatisfy(d -> assertThat(d).isNotBlank());
    }
}
