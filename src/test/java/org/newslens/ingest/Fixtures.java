package org.newslens.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.testing.SharedSpark;

/** Writes made-up input files for the ingest tests (names and places invented, none from data/). */
final class Fixtures {
    private Fixtures() {}

    static final String ARTICLE = "Harbour strike enters second week\n\n"
            + "Port Almira Courier, March 3, 2021 \u2014 Dock workers in Port Almira stayed out on Monday.\n\n"
            + "Union leader Tomas Velder said talks would resume on Friday.\n";

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void writeGzip(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, gzip(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** The first bytes of a real PNG image: signature, IHDR chunk (with NUL bytes), a little IDAT. */
    static byte[] png() {
        return new byte[] {
            (byte) 0x89,
            'P',
            'N',
            'G',
            0x0d,
            0x0a,
            0x1a,
            0x0a,
            0,
            0,
            0,
            0x0d,
            'I',
            'H',
            'D',
            'R',
            0,
            0,
            0,
            1,
            0,
            0,
            0,
            1,
            8,
            6,
            0,
            0,
            0,
            0x1f,
            0x15,
            (byte) 0xc4,
            (byte) 0x89,
            0,
            0,
            0,
            0x0a,
            'I',
            'D',
            'A',
            'T',
            0x78,
            (byte) 0x9c,
            0x63,
            0,
            1,
            0,
            0,
            5,
            0,
            1
        };
    }

    /** A Parquet file (Spark's folder layout, with _SUCCESS and .crc files) of articles id/title/text/published. */
    static void articlesParquet(Path folder) {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("id", DataTypes.LongType, false),
                DataTypes.createStructField("title", DataTypes.StringType, true),
                DataTypes.createStructField("text", DataTypes.StringType, true),
                DataTypes.createStructField("published", DataTypes.DateType, true)));
        SharedSpark.session()
                .createDataFrame(
                        List.of(
                                RowFactory.create(
                                        7L,
                                        "Ferry service restored",
                                        "Ferries to Isla Porvena run again.",
                                        Date.valueOf("2020-05-06")),
                                RowFactory.create(
                                        8L, "Bridge reopens", "The Velder bridge reopened after repairs.", null)),
                        schema)
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(folder.toUri().toString());
    }

    /**
     * A Parquet file written with parquet-hadoop directly, so the schema can be anything (two columns with the
     * same name, upper-case names, invalid UTF-8 in a string column). Each row gives one value per column as
     * bytes (a BINARY column) or null. Small row groups (rowGroupBytes) give several groups for many rows.
     */
    static void rawParquet(Path file, String schema, List<byte[][]> rows, int rowGroupBytes) throws IOException {
        Files.createDirectories(file.getParent());
        org.apache.parquet.schema.MessageType type =
                org.apache.parquet.schema.MessageTypeParser.parseMessageType(schema);
        try (org.apache.parquet.hadoop.ParquetWriter<org.apache.parquet.example.data.Group> writer =
                org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(
                                new org.apache.hadoop.fs.Path(file.toUri()))
                        .withType(type)
                        .withConf(new org.apache.hadoop.conf.Configuration())
                        .withRowGroupSize((long) rowGroupBytes)
                        .withPageSize(Math.min(rowGroupBytes, 64 * 1024))
                        .withCompressionCodec(org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED)
                        .build()) {
            for (byte[][] row : rows) {
                org.apache.parquet.example.data.Group group =
                        new org.apache.parquet.example.data.simple.SimpleGroup(type);
                for (int i = 0; i < row.length; i++) {
                    if (row[i] != null) {
                        group.add(i, org.apache.parquet.io.api.Binary.fromConstantByteArray(row[i]));
                    }
                }
                writer.write(group);
            }
        }
    }

    /** A gzip JSON Lines file of n records (random words, so the stream is long) with 64 bytes overwritten mid-stream. */
    static void corruptGzipJsonLines(Path file, int n) throws IOException {
        StringBuilder lines = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            lines.append("{\"id\": ")
                    .append(i)
                    .append(", \"text\": \"Report ")
                    .append(i)
                    .append(": ")
                    .append(Long.toString(random.nextLong(), 36))
                    .append(' ')
                    .append(Long.toString(random.nextLong(), 36))
                    .append(".\"}\n");
        }
        byte[] gz = gzip(lines.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = gz.length / 2; i < gz.length / 2 + 64; i++) {
            gz[i] = (byte) 0xA5;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, gz);
    }

    /**
     * A Parquet file of n rows (title, text) in small row groups, with 32 bytes of the last row group's text
     * page overwritten; returns the number of row groups.
     */
    static int damagedParquet(Path file, int n) throws IOException {
        List<byte[][]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new byte[][] {
                utf8("Title " + i),
                utf8("Report number " + i + " from the harbour "
                        + "office, with enough words to fill the page a little more.")
            });
        }
        rawParquet(file, "message m { optional binary title (UTF8); optional binary text (UTF8); }", rows, 8 * 1024);
        long start;
        long size;
        int groups;
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
                        new org.apache.hadoop.fs.Path(file.toUri()), new org.apache.hadoop.conf.Configuration()))) {
            List<org.apache.parquet.hadoop.metadata.BlockMetaData> blocks =
                    reader.getFooter().getBlocks();
            groups = blocks.size();
            org.apache.parquet.hadoop.metadata.ColumnChunkMetaData text =
                    blocks.get(groups - 1).getColumns().get(1);
            start = text.getStartingPos();
            size = text.getTotalSize();
        }
        try (java.io.RandomAccessFile raw = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(start + size / 2);
            byte[] junk = new byte[32];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            raw.write(junk);
        }
        return groups;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A Parquet file whose columns are not articles. */
    static void wrongParquet(Path folder) {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("station", DataTypes.StringType, false),
                DataTypes.createStructField("temperature", DataTypes.DoubleType, false)));
        SharedSpark.session()
                .createDataFrame(List.of(RowFactory.create("Almira", 21.5)), schema)
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(folder.toUri().toString());
    }
}
