package org.newslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest stage over a folder of record files that used to sink or hang the whole run: each becomes its
 * own rejects (with the records read before a break kept), the good files still become documents, and
 * inputs = documents + rejects.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileRecordFilesTest {
    @TempDir
    Path dir;

    @Test
    void eachBadRecordFileIsItsOwnRejectAndTheRunGoesOn() throws Exception {
        Fixtures.write(dir.resolve("good.txt"), Fixtures.ARTICLE);
        Fixtures.write(
                dir.resolve("good.jsonl"),
                "{\"Text\": \"Ferries to Isla Porvena run again.\", \"TITLE\": \"Ferries\"}\n");
        Fixtures.corruptGzipJsonLines(dir.resolve("corrupt.jsonl.gz"), 3_000);
        Fixtures.damagedParquet(dir.resolve("damaged.parquet"), 600);
        Fixtures.rawParquet(
                dir.resolve("two-text.parquet"),
                "message m { optional binary text (UTF8); optional binary text (UTF8); }",
                List.<byte[][]>of(new byte[][] {Fixtures.utf8("first"), Fixtures.utf8("second")}),
                1 << 20);
        StringBuilder openQuote = new StringBuilder("id,text\n1,\"It never ends");
        while (openQuote.length() < 300_000) {
            openQuote.append(", and on,\nand on");
        }
        Fixtures.write(dir.resolve("open-quote.csv"), openQuote.toString());
        Fixtures.write(dir.resolve("long-line.jsonl"), "{\"text\": \"" + "word ".repeat(40_000) + "\"}\n");
        Fixtures.write(
                dir.resolve("deep.jsonl"),
                "{\"text\": \"deep\", \"x\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}\n");
        Fixtures.write(dir.resolve("number.jsonl"), "{\"text\": 12345}\n");
        Files.write(
                dir.resolve("latin1.csv"),
                "title,text\nCaf\u00e9,Caf\u00e9 prices rise.\n".getBytes(StandardCharsets.ISO_8859_1));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.jsonl").toString())
                .inheritIO()
                .start();
        assertThat(mkfifo.waitFor()).isZero();

        IngestTestSupport.Outcome out =
                IngestTestSupport.ingest(dir, "--ingest.max-record-bytes", "65536", "--ingest.max-json-depth", "50");

        assertThat(out.inputs()).isEqualTo(out.documents().size() + out.droppedInputs());
        assertThat(out.document("good.txt").<String>getAs("title")).isEqualTo("Harbour strike enters second week");
        assertThat(out.document("good.jsonl").<String>getAs("title")).isEqualTo("Ferries");

        List<Row> gz = out.rejectsOf("corrupt.jsonl.gz");
        assertThat(gz).extracting(r -> r.<String>getAs("reason")).contains("unreadable");
        long gzDocs = out.documents().stream()
                .filter(r -> r.<String>getAs("source_uri").endsWith("/corrupt.jsonl.gz"))
                .count();
        assertThat(gzDocs).isGreaterThan(100).isLessThan(3_000);

        assertThat(out.reasonOf("damaged.parquet")).isEqualTo("unreadable");
        assertThat(out.rejectsOf("damaged.parquet").get(0).<String>getAs("detail"))
                .contains("of 600");
        assertThat(out.reasonOf("two-text.parquet")).isEqualTo("ambiguous_column");
        assertThat(out.reasonOf("open-quote.csv")).isEqualTo("record_too_large");
        assertThat(out.reasonOf("long-line.jsonl")).isEqualTo("record_too_large");
        assertThat(out.rejectsOf("long-line.jsonl").get(0).<String>getAs("detail"))
                .contains("ingest.max-record-bytes 65536");
        assertThat(out.reasonOf("deep.jsonl")).isEqualTo("too_deeply_nested");
        assertThat(out.reasonOf("number.jsonl")).isEqualTo("text_not_a_string");
        assertThat(out.reasonOf("latin1.csv")).isEqualTo("undecodable");
        assertThat(out.reasonOf("pipe.jsonl")).isEqualTo("not_a_regular_file");
        assertThat(out.rejects())
                .allSatisfy(r -> assertThat(r.<String>getAs("detail")).isNotBlank());
    }
}
