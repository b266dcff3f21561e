package org.newslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.io.HadoopConf;

/**
 * The record readers on hostile files, without Spark: each file must end as rows (records or rejects) with a
 * reason and a detail, never as an exception, a hang or an out-of-memory error.
 */
class RecordFileReaderTest {
    private static final int MB = 1024 * 1024;
    private static final Configuration CONF = new Configuration();

    @TempDir
    Path dir;

    /** The RAW rows of one file, read as the executors do. */
    private static List<Row> read(Path file, int maxRecordBytes, int maxDepth) throws Exception {
        RecordFileReader reader = new RecordFileReader(new HadoopConf(CONF), maxRecordBytes, maxDepth);
        InputFile input = new InputFile(
                new org.apache.hadoop.fs.Path(file.toUri()).toString(),
                file.getFileName().toString(),
                Files.size(file),
                FileKind.of(file.getFileName().toString()));
        List<Row> rows = new ArrayList<>();
        reader.call(List.of(RowFactory.create(
                                input.uri(), input.relativePath(), input.kind().name(), input.length()))
                        .iterator())
                .forEachRemaining(rows::add);
        return rows;
    }

    private static List<Row> read(Path file) throws Exception {
        return read(file, IngestSettings.MAX_RECORD_BYTES.defaultValue(), IngestSettings.MAX_JSON_DEPTH.defaultValue());
    }

    private static List<String> reasons(List<Row> rows) {
        return rows.stream()
                .map(r -> r.getString(9) == null ? "record" : r.getString(9))
                .toList();
    }

    private static String text(Row row) {
        return row.getString(8);
    }

    @Test
    void jsonLineOfTwentyMegabytesIsTooLargeNotMalformed() throws Exception {
        Path file = dir.resolve("big.jsonl");
        String huge =
                "{\"title\": \"Budget hearing\", \"text\": \"" + "The hearing went on. ".repeat(1_000_000) + "\"}";
        Fixtures.write(file, "{\"text\": \"Ferries run again.\"}\n" + huge + "\n{\"text\": \"Trams run again.\"}\n");

        List<Row> rows = read(file);
        assertThat(reasons(rows)).containsExactly("record", "record_too_large", "record");
        assertThat(rows.get(1).getString(10))
                .contains("line 2")
                .contains("ingest.max-record-bytes")
                .doesNotContain("not a JSON object");
        assertThat(text(rows.get(2))).isEqualTo("Trams run again.");

        // A higher limit reads it.
        assertThat(reasons(read(file, 32 * MB, 100))).containsExactly("record", "record", "record");
    }

    @Test
    void jsonNestedThousandsOfLevelsIsRejectedQuickly() throws Exception {
        Path file = dir.resolve("deep.jsonl");
        String deep = "{\"text\": \"Deep one.\", \"extra\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}";
        String deepText = "{\"meta\": " + "{\"a\": ".repeat(5_000) + "1" + "}".repeat(5_000) + ", \"text\": \"x\"}";
        Fixtures.write(file, deep + "\n" + deepText + "\n{\"text\": \"Shallow one.\", \"extra\": [[1]]}\n");

        long start = System.nanoTime();
        List<Row> rows = read(file);
        assertThat(reasons(rows)).containsExactly("too_deeply_nested", "too_deeply_nested", "record");
        assertThat(rows.get(0).getString(10)).contains("line 1").contains("ingest.max-json-depth 100");
        assertThat(text(rows.get(2))).isEqualTo("Shallow one.");
        assertThat(System.nanoTime() - start).as("a bounded parse, not minutes").isLessThan(30_000_000_000L);
    }

    @Test
    void jsonKeysMatchCaseInsensitivelyAndTextMustBeAString() throws Exception {
        Path file = dir.resolve("keys.jsonl");
        Fixtures.write(
                file,
                String.join(
                                "\n",
                                "{\"TEXT\": \"Upper-case key.\", \"Title\": \"Upper title\", \"Published\": \"2021-03-04\", "
                                        + "\"SOURCE\": \"Brenmoor Post\", \"URL\": \"https://example.org/a\", \"ID\": 17}",
                                "{\"Text\": \"Mixed-case key.\"}",
                                "{\"text\": 42}",
                                "{\"text\": [\"a\", \"b\"]}",
                                "{\"body\": {\"p\": \"nested\"}}",
                                "{\"text\": true}",
                                "{\"text\": \"one\", \"TEXT\": \"two\"}",
                                "{\"text\": null, \"content\": \"Content wins when text is null.\"}",
                                "{\"text\": \"ok\"} trailing",
                                "[\"an\", \"array\"]")
                        + "\n");

        List<Row> rows = read(file);
        assertThat(reasons(rows))
                .containsExactly(
                        "record",
                        "record",
                        "text_not_a_string",
                        "text_not_a_string",
                        "text_not_a_string",
                        "text_not_a_string",
                        "ambiguous_column",
                        "record",
                        "malformed_json",
                        "malformed_json");
        Row upper = rows.get(0);
        assertThat(text(upper)).isEqualTo("Upper-case key.");
        assertThat(upper.getString(3)).isEqualTo("17");
        assertThat(upper.getString(4)).isEqualTo("Upper title");
        assertThat(upper.getString(5)).isEqualTo("2021-03-04");
        assertThat(upper.getString(6)).isEqualTo("Brenmoor Post");
        assertThat(upper.getString(7)).isEqualTo("https://example.org/a");
        assertThat(text(rows.get(1))).isEqualTo("Mixed-case key.");
        assertThat(rows.get(2).getString(10)).contains("'text' is a number");
        assertThat(rows.get(3).getString(10)).contains("JSON array");
        assertThat(rows.get(4).getString(10)).contains("'body' is a JSON object");
        assertThat(rows.get(6).getString(10)).contains("'text' and 'TEXT'");
        assertThat(text(rows.get(7))).isEqualTo("Content wins when text is null.");
    }

    @Test
    void jsonLineWithInvalidUtf8IsUndecodableAndTheOthersAreRead() throws Exception {
        Path file = dir.resolve("mixed.jsonl");
        byte[] latin1 = "{\"text\": \"Caf\u00e9 prices rise.\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = "{\"text\": \"Caf\u00e9 prices fall.\"}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, concat(good, latin1, good));

        List<Row> rows = read(file);
        assertThat(reasons(rows)).containsExactly("record", "undecodable", "record");
        assertThat(rows.get(1).getString(10)).contains("line 2").contains("UTF-8");
        assertThat(text(rows.get(0))).isEqualTo("Caf\u00e9 prices fall.");
    }

    @Test
    void gzipCorruptInTheMiddleKeepsTheRecordsBeforeAndRejectsTheRest() throws Exception {
        Path file = dir.resolve("wire.jsonl.gz");
        Fixtures.corruptGzipJsonLines(file, 5_000);

        List<Row> rows = read(file);
        Row last = rows.get(rows.size() - 1);
        assertThat(last.getString(9)).isEqualTo("unreadable");
        assertThat(last.getString(10))
                .contains("reading stopped at line")
                .contains("records before were read and kept");
        List<Row> records = rows.stream().filter(r -> r.getString(9) == null).toList();
        assertThat(records.size()).isGreaterThan(100).isLessThan(5_000);
        assertThat(text(records.get(0))).startsWith("Report 0: ");
        // Every row is an input: the records read, any line damaged before the stream failed, and the rest.
        assertThat(rows).allSatisfy(r -> assertThat(r.getString(0)).endsWith("wire.jsonl.gz"));
    }

    @Test
    void csvQuoteThatNeverClosesIsBoundedNotOutOfMemory() throws Exception {
        Path file = dir.resolve("open-quote.csv");
        StringBuilder csv = new StringBuilder("id,title,text\n1,Ferries,Ferries run again.\n2,Unclosed,\"It starts");
        while (csv.length() < 3 * MB) {
            csv.append(" and goes on, line after line,\nwithout the closing quote");
        }
        Fixtures.write(file, csv.toString());

        List<Row> rows = read(file, MB, 100);
        assertThat(reasons(rows)).containsExactly("record", "record_too_large");
        assertThat(rows.get(1).getString(10))
                .contains("line 3")
                .contains("ingest.max-record-bytes 1048576")
                .contains("quote that never closes")
                .contains("1 records before");
        // Below the limit the open quote runs to the end of the file (as in Spark's reader): the last field
        // holds the rest of the file, read in bounded memory.
        List<Row> lenient = read(file);
        assertThat(reasons(lenient)).containsExactly("record", "record");
        assertThat(text(lenient.get(1))).startsWith("It starts and goes on").endsWith("without the closing quote");
    }

    @Test
    void csvDecodesStrictlyAndMatchesColumnsCaseInsensitively() throws Exception {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(
                latin1,
                concat(
                        "ID,Title,TEXT\n1,Prices,Coffee prices rise.\n".getBytes(StandardCharsets.UTF_8),
                        "2,Caf\u00e9,Caf\u00e9 prices rise.\n".getBytes(StandardCharsets.ISO_8859_1),
                        "3,\"Caf\u00e9 \"\"bar\"\"\",\"Caf\u00e9, bar\n and more.\"\n"
                                .getBytes(StandardCharsets.UTF_8)));
        List<Row> rows = read(latin1);
        assertThat(reasons(rows)).containsExactly("record", "undecodable", "record");
        assertThat(rows.get(1).getString(10))
                .contains("column 'Title'")
                .contains("line 3")
                .contains("UTF-8");
        assertThat(rows.get(0).getString(3)).isEqualTo("1");
        assertThat(text(rows.get(0))).isEqualTo("Coffee prices rise.");
        assertThat(rows.get(2).getString(4)).isEqualTo("Caf\u00e9 \"bar\"");
        assertThat(text(rows.get(2))).isEqualTo("Caf\u00e9, bar\n and more.");

        Path wide = dir.resolve("wide.csv");
        Fixtures.write(wide, "id,text\n1,Narrow row.\n2," + ",".repeat(5_000) + "\n3,Never reached.\n");
        List<Row> wideRows = read(wide);
        assertThat(reasons(wideRows)).containsExactly("record", "malformed_csv");
        assertThat(wideRows.get(1).getString(10)).contains("the record starting at line 3");

        Path twice = dir.resolve("twice.csv");
        Fixtures.write(twice, "text,Title,Text\nOne,Two,Three\n");
        List<Row> ambiguous = read(twice);
        assertThat(reasons(ambiguous)).containsExactly("ambiguous_column");
        assertThat(ambiguous.get(0).getString(10)).contains("'text' and 'Text'");
    }

    @Test
    void parquetWithTwoTextColumnsIsAmbiguous() throws Exception {
        Path file = dir.resolve("two-text.parquet");
        Fixtures.rawParquet(
                file,
                "message m { optional binary text (UTF8); optional binary text (UTF8); }",
                List.<byte[][]>of(new byte[][] {Fixtures.utf8("first"), Fixtures.utf8("second")}),
                1 << 20);
        Path mixed = dir.resolve("mixed-case.parquet");
        Fixtures.rawParquet(
                mixed,
                "message m { optional binary TEXT (UTF8); optional binary Text (UTF8); }",
                List.<byte[][]>of(new byte[][] {Fixtures.utf8("first"), Fixtures.utf8("second")}),
                1 << 20);

        for (Path p : List.of(file, mixed)) {
            List<Row> rows = read(p);
            assertThat(reasons(rows)).as(p.toString()).containsExactly("ambiguous_column");
            assertThat(rows.get(0).getString(10)).contains("schema:");
        }
    }

    @Test
    void parquetUpperCaseColumnsAndInvalidUtf8() throws Exception {
        Path file = dir.resolve("upper.parquet");
        byte[] latin1 = "Caf\u00e9 prices rise.".getBytes(StandardCharsets.ISO_8859_1);
        Fixtures.rawParquet(
                file,
                "message m { optional binary TITLE (UTF8); optional binary Text (UTF8); "
                        + "optional binary Source (UTF8); optional binary other; }",
                List.of(
                        new byte[][] {
                            Fixtures.utf8("Ferries"),
                            Fixtures.utf8("Ferries run again."),
                            Fixtures.utf8("Brenmoor Post"),
                            Fixtures.utf8("x")
                        },
                        new byte[][] {Fixtures.utf8("Caf\u00e9"), latin1, null, null},
                        new byte[][] {null, Fixtures.utf8("Trams run again."), null, new byte[] {(byte) 0xff}}),
                1 << 20);

        List<Row> rows = read(file);
        assertThat(reasons(rows)).containsExactly("record", "undecodable", "record");
        assertThat(rows.get(0).getString(4)).isEqualTo("Ferries");
        assertThat(text(rows.get(0))).isEqualTo("Ferries run again.");
        assertThat(rows.get(0).getString(6)).isEqualTo("Brenmoor Post");
        assertThat(rows.get(1).getString(10)).contains("column 'Text' of row 2").contains("UTF-8");
        // A column the reader does not use is not read, so its bytes do not matter.
        assertThat(text(rows.get(2))).isEqualTo("Trams run again.");
    }

    @Test
    void parquetWithACorruptPageKeepsTheRowGroupsBefore() throws Exception {
        Path file = dir.resolve("damaged.parquet");
        assertThat(Fixtures.damagedParquet(file, 600))
                .as("the fixture needs several row groups")
                .isGreaterThan(1);

        List<Row> read = read(file);
        Row last = read.get(read.size() - 1);
        assertThat(last.getString(9)).isEqualTo("unreadable");
        assertThat(last.getString(10)).contains("reading stopped at row").contains("of 600");
        assertThat(read.subList(0, read.size() - 1))
                .allSatisfy(r -> assertThat(r.getString(9)).isNull());
        assertThat(read.size() - 1).isGreaterThan(0).isLessThan(600);
        assertThat(text(read.get(0))).startsWith("Report number 0 ");
    }

    @Test
    void parquetFileThatIsNotParquetIsUnreadable() throws Exception {
        Path file = dir.resolve("fake.parquet");
        Fixtures.write(file, "id,text\n1,not parquet\n");
        List<Row> rows = read(file);
        assertThat(reasons(rows)).containsExactly("unreadable");
        assertThat(rows.get(0).getString(10)).contains("fake.parquet");
    }

    @Test
    void randomBytesInEveryRecordFormatEndAsRowsNeverAsExceptions() throws Exception {
        java.util.Random random = new java.util.Random(20261204L);
        String pieces = "{}[]\",:\n\r\\ text TEXT body null 12 true \"text\": \u00e9\u4e2d id,title,text\n\"\"";
        for (int i = 0; i < 300; i++) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            int n = random.nextInt(600);
            for (int j = 0; j < n; j++) {
                if (random.nextBoolean()) {
                    int start = random.nextInt(pieces.length() - 8);
                    bytes.write(Fixtures.utf8(pieces.substring(start, start + 1 + random.nextInt(7))));
                } else {
                    bytes.write(random.nextInt(256));
                }
            }
            String name = "random" + i
                    + List.of(".jsonl", ".csv", ".parquet", ".jsonl.gz", ".csv.gz")
                            .get(i % 5);
            Path file = dir.resolve(name);
            Files.write(file, bytes.toByteArray());
            List<Row> rows = read(file, 4096, 8);
            assertThat(rows).as(name).isNotEmpty();
            assertThat(rows)
                    .as(name)
                    .allSatisfy(r -> assertThat(r.getString(9) == null || r.getString(10) != null)
                            .isTrue());
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
