package org.newslens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
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
import org.newslens.io.ParquetTables;
import org.newslens.io.Table;
import org.newslens.testing.SharedSpark;

@SuppressWarnings("unchecked")
class ParquetTablesTest {
    @TempDir
    Path out;

    @Test
    void readsTypedRowsNestedListsAndDatesWithoutSpark() {
        ReportFixture.write(out, EnumSet.of(Table.DOCUMENTS, Table.SENTENCES, Table.ENTITIES));
        ParquetTables tables =
                new ParquetTables(new Configuration(), out.toUri().toString());

        assertThat(tables.present()).containsExactly(Table.DOCUMENTS, Table.SENTENCES, Table.ENTITIES);
        assertThat(tables.count(Table.DOCUMENTS)).isEqualTo(6);

        List<Map<String, Object>> docs = tables.readAll(Table.DOCUMENTS, "doc_id", "published", "n_tokens");
        assertThat(docs).hasSize(6);
        Map<String, Object> d1 = docs.stream()
                .filter(r -> r.get("doc_id").equals("d1"))
                .findFirst()
                .orElseThrow();
        assertThat(d1).containsOnlyKeys("doc_id", "published", "n_tokens");
        assertThat(d1.get("published")).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(d1.get("n_tokens")).isInstanceOf(Integer.class);
        Map<String, Object> d3 = docs.stream()
                .filter(r -> r.get("doc_id").equals("d3"))
                .findFirst()
                .orElseThrow();
        assertThat(d3.get("published")).isNull();

        Map<String, Object> sentence = tables.readAll(Table.SENTENCES).stream()
                .filter(r -> r.get("doc_id").equals("d1") && r.get("sent_id").equals(0))
                .findFirst()
                .orElseThrow();
        assertThat((List<Object>) sentence.get("terms")).startsWith("norway", "and", "chile");

        Map<String, Object> norway = tables.readAll(Table.ENTITIES).stream()
                .filter(r -> r.get("entity_id").equals("loc:norway"))
                .findFirst()
                .orElseThrow();
        assertThat(norway.get("mentions")).isEqualTo(3L);
        assertThat((List<Object>) norway.get("aliases"))
                .containsExactly((Object) Map.of("alias", "Norway", "count", 3L));
    }

    @Test
    void missingTablesAreAbsentAndUnknownColumnsNameTheTable() {
        ReportFixture.write(out, EnumSet.of(Table.TERM_STATS));
        ParquetTables tables =
                new ParquetTables(new Configuration(), out.toUri().toString());
        assertThat(tables.present()).containsExactly(Table.TERM_STATS);
        assertThat(tables.exists(Table.DOCUMENTS)).isFalse();
        assertThatThrownBy(() -> tables.readAll(Table.TERM_STATS, "tf"))
                .hasMessageContaining("term_stats has no column tf")
                .hasMessageContaining("jobs/terms");
    }

    private static final SparkSession SPARK = SharedSpark.session();

    private static final StructType ALIAS =
            new StructType().add("alias", DataTypes.StringType, true).add("count", DataTypes.LongType, false);
    private static final StructType SCHEMA = new StructType()
            .add("doc_id", DataTypes.StringType, false)
            .add("outlet", DataTypes.StringType, true)
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
    void everyRowAndValueOfEveryTypeIsReadAsSparkWroteIt(@TempDir Path run) {
        List<Row> rows = new ArrayList<>();
        String[] outlets = {"Reuters", "AP", "Xinhua", "Tehran Times", "Süddeutsche Zeitung"};
        for (int i = 0; i < 6000; i++) {
            boolean sparse = i % 7 == 0;
            rows.add(RowFactory.create(
                    "doc-" + i, // one value per row: not dictionary-encoded for long
                    sparse ? null : outlets[i % outlets.length], // few values: dictionary-encoded
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
        Dataset<Row> written = SPARK.createDataFrame(rows, SCHEMA).repartition(3);
        String folder = run.resolve(Table.DOCUMENTS.tableName()).toUri().toString();
        written.write().parquet(folder);

        List<Map<String, Object>> read = ParquetTables.ofRun(
                        SPARK.sparkContext().hadoopConfiguration(), new org.apache.hadoop.fs.Path(run.toUri()))
                .readAll(Table.DOCUMENTS);

        List<Map<String, Object>> expected = SPARK.read().parquet(folder).collectAsList().stream()
                .map(row -> plain(row, SCHEMA))
                .toList();
        assertThat(read).hasSize(6000).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(read.get(0).keySet()).containsExactly(SCHEMA.fieldNames());
    }

    @Test
    void onlyTheNamedColumnsAreRead(@TempDir Path run) {
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
        List<Map<String, Object>> read = ParquetTables.ofRun(
                        SPARK.sparkContext().hadoopConfiguration(), new org.apache.hadoop.fs.Path(run.toUri()))
                .readAll(Table.DOCUMENTS, "outlet", "doc_id");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("outlet", null);
        second.put("doc_id", "d2");
        assertThat(read).containsExactly(Map.of("outlet", "AP", "doc_id", "d1"), second);
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
