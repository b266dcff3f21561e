package org.newslens.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.testing.SharedSpark;

/** The report's Parquet reader ({@link ParquetTables}, rows built by {@link MapRecords}) gives back what Spark wrote. */
class MapRecordsTest {
    private static final SparkSession SPARK = SharedSpark.session();

    private static final StructType ALIAS =
            new StructType().add("alias", DataTypes.StringType, true).add("count", DataTypes.LongType, false);
    private static final StructType SCHEMA = new StructType()
            .add("doc_id", DataTypes.StringType, false)
            .add("outlet", DataTypes.StringType, true)
            .add("title", DataTypes.StringType, true)
            .add("published", DataTypes.DateType, true)
            .add("n_tokens", DataTypes.IntegerType, true)
            .add("count", DataTypes.LongType, true)
            .add("share", DataTypes.DoubleType, true)
            .add("is_new", DataTypes.BooleanType, true)
            .add("terms", DataTypes.createArrayType(DataTypes.StringType, true), true)
            .add("aliases", DataTypes.createArrayType(ALIAS, false), true)
            .add(
                    "place",
                    new StructType().add("city", DataTypes.StringType, true).add("rank", DataTypes.IntegerType));

    @Test
    void everyRowAndValueOfEveryTypeIsReadAsSparkWroteIt(@TempDir Path run) throws IOException {
        List<Row> rows = new ArrayList<>();
        String[] outlets = {"Reuters", "AP", "Xinhua", "Tehran Times", "Süddeutsche Zeitung"};
        for (int i = 0; i < 6000; i++) {
            boolean sparse = i % 7 == 0;
            rows.add(RowFactory.create(
                    "doc-" + i,
                    sparse ? null : outlets[i % outlets.length],
                    // a few titles, then a new one each row: the column starts dictionary-encoded and falls back
                    // to plain pages once its dictionary is full
                    i < 2000 ? "Title " + (i % 3) : "Title of document " + i,
                    sparse ? null : Date.valueOf(LocalDate.of(2024, 1, 1).plusDays(i % 400)),
                    sparse ? null : i * 3,
                    sparse ? null : (long) i << 33,
                    sparse ? null : i / 7.0,
                    sparse ? null : i % 2 == 0,
                    i % 5 == 0 ? null : i % 5 == 1 ? List.of() : Arrays.asList("iran", null, "china " + (i % 11)),
                    i % 3 == 0
                            ? List.of()
                            : List.of(RowFactory.create("Tehran", (long) i), RowFactory.create(null, 1L)),
                    sparse ? null : RowFactory.create(i % 4 == 0 ? null : "Beijing", i % 9)));
        }
        String folder = run.resolve(Table.DOCUMENTS.tableName()).toUri().toString();
        // Small pages, dictionaries and row groups, so that a file holds several of each.
        SPARK.createDataFrame(rows, SCHEMA)
                .coalesce(2)
                .write()
                .option("parquet.block.size", 64 * 1024)
                .option("parquet.page.size", 4 * 1024)
                .option("parquet.dictionary.page.size", 2 * 1024)
                .parquet(folder);
        assertThat(rowGroupsOfFirstFile(run.resolve(Table.DOCUMENTS.tableName())))
                .isGreaterThan(1);

        List<Map<String, Object>> read = tables(run).readAll(Table.DOCUMENTS);

        List<Map<String, Object>> expected = SPARK.read().parquet(folder).collectAsList().stream()
                .map(row -> plain(row, SCHEMA))
                .toList();
        assertThat(read).hasSize(6000).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(read.get(0).keySet()).containsExactly(SCHEMA.fieldNames());
    }

    @Test
    void onlyTheNamedColumnsAreReadInTheOrderAskedFor(@TempDir Path run) {
        String folder = run.resolve(Table.DOCUMENTS.tableName()).toUri().toString();
        SPARK.createDataFrame(
                        List.of(RowFactory.create("d1", "AP", 10), RowFactory.create("d2", null, 20)),
                        new StructType()
                                .add("doc_id", DataTypes.StringType)
                                .add("outlet", DataTypes.StringType)
                                .add("n_tokens", DataTypes.IntegerType))
                .coalesce(1)
                .write()
                .parquet(folder);

        List<Map<String, Object>> read = tables(run).readAll(Table.DOCUMENTS, "outlet", "doc_id");

        Map<String, Object> second = new LinkedHashMap<>();
        second.put("outlet", null);
        second.put("doc_id", "d2");
        assertThat(read).containsExactly(Map.of("outlet", "AP", "doc_id", "d1"), second);
        assertThat(read.get(0).keySet()).containsExactly("outlet", "doc_id");
    }

    private static ParquetTables tables(Path run) {
        return ParquetTables.ofRun(
                SPARK.sparkContext().hadoopConfiguration(), new org.apache.hadoop.fs.Path(run.toUri()));
    }

    private static int rowGroupsOfFirstFile(Path table) throws IOException {
        try (Stream<Path> files = Files.list(table)) {
            Path first = files.filter(f -> f.getFileName().toString().startsWith("part-"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
            try (ParquetFileReader reader =
                    ParquetTables.open(new org.apache.hadoop.fs.Path(first.toUri()), new Configuration())) {
                return reader.getRowGroups().size();
            }
        }
    }

    /** A Spark value as the reader promises it: LocalDate for a date, List for an array, Map for a struct. */
    private static Object plain(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        if (type instanceof StructType struct) {
            Row row = (Row) value;
            Map<String, Object> map = new LinkedHashMap<>();
            for (StructField field : struct.fields()) {
                map.put(field.name(), plain(row.get(struct.fieldIndex(field.name())), field.dataType()));
            }
            return map;
        }
        if (type instanceof ArrayType array) {
            List<Object> list = new ArrayList<>();
            for (Object element : scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) value)) {
                list.add(plain(element, array.elementType()));
            }
            return list;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Row row, StructType schema) {
        return (Map<String, Object>) plain((Object) row, schema);
    }
}
