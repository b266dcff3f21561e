package org.newslens.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Reads the record formats with Spark's readers into RAW rows: JSON Lines (PERMISSIVE, a malformed line
 * becomes a reject), CSV (header per file checked on the driver; files without a text column are rejected whole)
 * and Parquet (footer checked on the driver; files without a string text column are rejected whole).
 * Columns: {@code id, title, text} (or {@code body}/{@code content}), {@code published}/{@code date},
 * {@code outlet}/{@code source}, {@code url}; names match case-insensitively.
 */
final class RecordReaders {
    static final List<String> TEXT_COLUMNS = List.of("text", "body", "content");
    private static final List<String> ALL_COLUMNS = List.of("id", "title", "text", "body", "content", "published",
            "date", "outlet", "source", "url");
    private static final String CORRUPT = "_corrupt_record";

    private final SparkSession spark;
    private final Configuration conf;
    private final List<InputListing.RejectRow> rejects = new ArrayList<>();

    RecordReaders(SparkSession spark) {
        this.spark = spark;
        this.conf = spark.sparkContext().hadoopConfiguration();
    }

    /** Files rejected whole while checking headers and footers. */
    List<InputListing.RejectRow> rejects() {
        return rejects;
    }

    /** All JSON files in one read; each line is one record. */
    Dataset<Row> json(List<InputFile> candidates) {
        // Open each file once on the driver (first bytes through its codec), so a file that cannot be opened
        // or is not really gzip becomes a reject instead of failing Spark's read of all the JSON files.
        List<InputFile> files = new ArrayList<>();
        for (InputFile file : candidates) {
            try {
                probe(file);
                files.add(file);
            } catch (IOException | RuntimeException e) {
                rejects.add(new InputListing.RejectRow(file.uri(), RejectReason.UNREADABLE, "cannot read: " + e));
            }
        }
        if (files.isEmpty()) {
            return null;
        }
        List<StructField> fields = new ArrayList<>();
        for (String name : ALL_COLUMNS) {
            fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(CORRUPT, DataTypes.StringType, true));
        Dataset<Row> df = spark.read().schema(DataTypes.createStructType(fields))
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .json(uris(files));
        Column text = coalesce(col("text"), col("body"), col("content"));
        Column reject = when(col(CORRUPT).isNotNull(), lit(RejectReason.MALFORMED_JSON.code()))
                .when(text.isNull(), lit(RejectReason.NO_TEXT_COLUMN.code()));
        Column detail = when(col(CORRUPT).isNotNull(),
                concat(lit("line is not a JSON object: "), substring(col(CORRUPT), 1, 120)))
                .when(text.isNull(), lit("record has no text, body or content field"));
        return toRaw(df, "json", col("id"), col("title"), coalesce(col("published"), col("date")),
                coalesce(col("outlet"), col("source")), col("url"), text, reject, detail);
    }

    /** CSV files grouped by header; a file whose header has no text column is rejected. */
    Dataset<Row> csv(List<InputFile> files) {
        Map<List<String>, List<InputFile>> byHeader = new LinkedHashMap<>();
        for (InputFile file : files) {
            List<String> header;
            try {
                header = csvHeader(file);
            } catch (IOException | RuntimeException e) {
                rejects.add(new InputListing.RejectRow(file.uri(), RejectReason.UNREADABLE, "cannot read CSV header: " + e));
                continue;
            }
            if (header == null) {
                rejects.add(new InputListing.RejectRow(file.uri(), RejectReason.EMPTY_FILE,
                        file.length() == 0 ? "0 bytes" : "CSV file has no header line"));
            } else if (lower(header).stream().noneMatch(TEXT_COLUMNS::contains)) {
                rejects.add(new InputListing.RejectRow(file.uri(), RejectReason.NO_TEXT_COLUMN,
                        "CSV header has no text, body or content column; it has: " + String.join(", ", header)));
            } else {
                byHeader.computeIfAbsent(header, h -> new ArrayList<>()).add(file);
            }
        }
        Dataset<Row> all = null;
        for (Map.Entry<List<String>, List<InputFile>> group : byHeader.entrySet()) {
            List<String> header = lower(group.getKey());
            List<StructField> fields = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                // The file's own names (so Spark's header check agrees), or c<i> where a name is blank or repeated.
                String name = group.getKey().get(i);
                boolean usable = !name.isEmpty() && header.indexOf(header.get(i)) == i && !name.contains("`");
                fields.add(DataTypes.createStructField(usable ? name : "c" + i, DataTypes.StringType, true));
            }
            List<String> fieldNames = fields.stream().map(StructField::name).toList();
            fields.add(DataTypes.createStructField(CORRUPT, DataTypes.StringType, true));
            Dataset<Row> df = spark.read().schema(DataTypes.createStructType(fields))
                    .option("header", "true")
                    .option("multiLine", "true")
                    .option("escape", "\"")
                    .option("mode", "PERMISSIVE")
                    .option("columnNameOfCorruptRecord", CORRUPT)
                    .csv(uris(group.getValue()));
            Column text = coalesce(columns(fieldNames, header, TEXT_COLUMNS));
            Column reject = when(col(CORRUPT).isNotNull(), lit(RejectReason.MALFORMED_CSV.code()));
            Column detail = when(col(CORRUPT).isNotNull(),
                    concat(lit("row does not fit the header: "), substring(col(CORRUPT), 1, 120)));
            Dataset<Row> raw = toRaw(df, "csv", named(fieldNames, header, "id"), named(fieldNames, header, "title"),
                    coalesce(columns(fieldNames, header, List.of("published", "date"))),
                    coalesce(columns(fieldNames, header, List.of("outlet", "source"))), named(fieldNames, header, "url"),
                    coalesce(text, lit("")), reject, detail);
            all = all == null ? raw : all.unionAll(raw);
        }
        return all;
    }

    /** Parquet files grouped by schema; a file without a string text/body/content column is rejected. */
    Dataset<Row> parquet(List<InputFile> files) {
        Map<String, List<InputFile>> bySchema = new LinkedHashMap<>();
        for (InputFile file : files) {
            MessageType schema;
            long rows;
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file.uri()), conf))) {
                schema = reader.getFooter().getFileMetaData().getSchema();
                rows = reader.getRecordCount();
            } catch (IOException | RuntimeException e) {
                rejects.add(new InputListing.RejectRow(file.uri(), RejectReason.UNREADABLE, "not a readable Parquet file: " + e));
                continue;
            }
            List<String> names = new ArrayList<>();
            boolean hasText = false;
            for (Type field : schema.getFields()) {
                String name = field.getName().toLowerCase(Locale.ROOT);
                names.add(name);
                hasText |= TEXT_COLUMNS.contains(name) && field.isPrimitive()
                        && field.asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY
                        && field.getRepetition() != Type.Repetition.REPEATED;
            }
            if (!hasText) {
                rejects.add(new InputListing.RejectRow(file.uri(), RejectReason.WRONG_SCHEMA,
                        "no string column text, body or content; schema: " + schema.toString().replaceAll("\\s+", " ").strip()));
            } else if (rows == 0) {
                rejects.add(new InputListing.RejectRow(file.uri(), RejectReason.EMPTY_FILE, "Parquet file has 0 rows"));
            } else {
                bySchema.computeIfAbsent(schema.toString(), s -> new ArrayList<>()).add(file);
            }
        }
        Dataset<Row> all = null;
        for (Map.Entry<String, List<InputFile>> group : bySchema.entrySet()) {
            Dataset<Row> df = spark.read().parquet(uris(group.getValue()));
            List<String> original = List.of(df.schema().fieldNames());
            List<String> names = original.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
            Dataset<Row> raw = toRaw(df, "parquet", named(original, names, "id"), named(original, names, "title"),
                    coalesce(namedList(original, names, List.of("published", "date"))),
                    coalesce(namedList(original, names, List.of("outlet", "source"))), named(original, names, "url"),
                    coalesce(namedList(original, names, List.of("text", "body", "content"))), lit(null), lit(null));
            all = all == null ? raw : all.unionAll(raw);
        }
        return all;
    }

    private static Dataset<Row> toRaw(Dataset<Row> df, String format, Column id, Column title, Column published,
                                      Column outlet, Column url, Column text, Column reject, Column detail) {
        return df.select(
                col("_metadata.file_path").as("source_uri"),
                lit(null).cast("string").as("rel_path"),
                lit(format).as("format"),
                id.cast("string").as("record_key"),
                title.cast("string").as("title"),
                published.cast("string").as("published_raw"),
                outlet.cast("string").as("outlet"),
                url.cast("string").as("url"),
                text.cast("string").as("text"),
                reject.cast("string").as("reject"),
                detail.cast("string").as("detail"),
                lit(null).cast("string").as("warning"));
    }

    private void probe(InputFile file) throws IOException {
        Path path = new Path(file.uri());
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
        try (InputStream raw = path.getFileSystem(conf).open(path);
             InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
            in.read(new byte[256]);
        }
    }

    /** The first line of a (possibly gzip) CSV file parsed as a header, names trimmed; null when empty. */
    private List<String> csvHeader(InputFile file) throws IOException {
        Path path = new Path(file.uri());
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
        try (InputStream raw = path.getFileSystem(conf).open(path);
             InputStream in = codec == null ? raw : codec.createInputStream(raw);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line == null || line.isBlank()) {
                return null;
            }
            CsvParserSettings settings = new CsvParserSettings();
            settings.setMaxCharsPerColumn(-1);
            String[] cells = new CsvParser(settings).parseLine(line.replace("\uFEFF", ""));
            List<String> header = new ArrayList<>();
            for (String cell : cells) {
                header.add(cell == null ? "" : cell.strip());
            }
            return header;
        }
    }

    private static Column[] columns(List<String> fieldNames, List<String> lower, List<String> names) {
        return namedList(fieldNames, lower, names);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private static Column named(List<String> original, List<String> lower, String name) {
        int i = lower.indexOf(name);
        return i < 0 ? lit(null).cast("string") : col("`" + original.get(i) + "`").cast("string");
    }

    private static Column[] namedList(List<String> original, List<String> lower, List<String> names) {
        List<Column> found = new ArrayList<>();
        for (String name : names) {
            found.add(named(original, lower, name));
        }
        return found.toArray(new Column[0]);
    }

    private static String[] uris(List<InputFile> files) {
        return files.stream().map(InputFile::uri).toArray(String[]::new);
    }
}
