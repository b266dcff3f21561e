package org.newslens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.io.ParquetTables;
import org.newslens.io.Table;
import org.newslens.testing.Outputs;

/**
 * Every output table read by DuckDB with plain {@code read_parquet}: same row counts, the declared column
 * types, and the analyst queries the README shows. Proves the tables are ordinary, well-typed Parquet.
 */
class DuckDbInteropTest {
    private final Path output = ReportFixture.shared();
    private Connection duck;

    @BeforeEach
    void open() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            for (Table table : Table.values()) {
                st.execute("CREATE VIEW " + view(table) + " AS SELECT * FROM read_parquet('"
                        + Outputs.currentRun(output).resolve(table.tableName()) + "/*.parquet')");
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        duck.close();
    }

    private List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The DuckDB type a declared Spark type must read back as. */
    static String duckType(DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return "VARCHAR";
        } else if (type.equals(DataTypes.IntegerType)) {
            return "INTEGER";
        } else if (type.equals(DataTypes.LongType)) {
            return "BIGINT";
        } else if (type.equals(DataTypes.DoubleType)) {
            return "DOUBLE";
        } else if (type.equals(DataTypes.BooleanType)) {
            return "BOOLEAN";
        } else if (type.equals(DataTypes.DateType)) {
            return "DATE";
        } else if (type instanceof ArrayType array) {
            return duckType(array.elementType()) + "[]";
        } else if (type instanceof StructType struct) {
            List<String> fields = new ArrayList<>();
            for (StructField f : struct.fields()) {
                fields.add("\"" + f.name() + "\" " + duckType(f.dataType()));
            }
            return "STRUCT(" + String.join(", ", fields) + ")";
        }
        throw new IllegalArgumentException("no DuckDB mapping for " + type);
    }

    @Test
    void everyTableReadsWithTheDeclaredColumnsTypesAndRowCounts() throws SQLException {
        ParquetTables tables =
                new ParquetTables(new Configuration(), output.toUri().toString());
        for (Table table : tables.present()) {
            Map<String, String> expected = new LinkedHashMap<>();
            for (StructField f : table.schema().fields()) {
                expected.put(f.name(), duckType(f.dataType()));
            }
            Map<String, String> actual = new LinkedHashMap<>();
            for (List<Object> row : query("DESCRIBE " + view(table))) {
                actual.put(
                        (String) row.get(0),
                        ((String) row.get(1)).replace("\"", "").replaceAll("(\\w+) (\\w)", "$1 $2"));
            }
            Map<String, String> expectedPlain = new LinkedHashMap<>();
            expected.forEach((k, v) -> expectedPlain.put(k, v.replace("\"", "")));
            assertThat(actual).as("columns of %s", table.tableName()).containsExactlyEntriesOf(expectedPlain);
            assertThat(query("SELECT count(*) FROM " + view(table)).get(0).get(0))
                    .as("rows of %s", table.tableName())
                    .isEqualTo(tables.count(table));
        }
    }

    @Test
    void theCurrentLinkIsThePathUsersQuery() throws SQLException {
        // output/current/<table>/*.parquet, as the docs show, reads the same rows as the resolved run folder.
        ParquetTables tables =
                new ParquetTables(new Configuration(), output.toUri().toString());
        assertThat(query("SELECT count(*) FROM read_parquet('" + output.resolve("current/documents") + "/*.parquet')")
                        .get(0)
                        .get(0))
                .isEqualTo(tables.count(Table.DOCUMENTS));
    }

    @Test
    void topPartnersOfAnEntity() throws SQLException {
        List<List<Object>> partners = query("""
                SELECT CASE WHEN a.name = 'Chile' THEN b.name ELSE a.name END AS partner, p.count, p.npmi
                FROM entity_pairs p
                JOIN entities a ON a.entity_id = p.entity_a
                JOIN entities b ON b.entity_id = p.entity_b
                WHERE p."window" = 'sentence' AND 'Chile' IN (a.name, b.name)
                ORDER BY p.count DESC, p.npmi DESC, partner""");
        assertThat(partners).isNotEmpty();
        assertThat(partners.get(0))
                .containsExactly("Norway", 2L, partners.get(0).get(2));
    }

    @Test
    void documentsOfATopic() throws SQLException {
        List<List<Object>> titles = query("""
                SELECT d.title, d.published
                FROM doc_topics t JOIN documents d USING (doc_id)
                WHERE t.model = 'lda' AND t.is_dominant
                  AND t.topic_id = (SELECT topic_id FROM topics WHERE rank = 1 AND term = 'solar')
                ORDER BY t.weight DESC, d.doc_id""");
        assertThat(titles)
                .extracting(r -> r.get(0))
                .containsExactly("Kenya expands solar grid", "Solar tariffs debated in Nairobi");
        assertThat(titles.get(0).get(1)).hasToString("2024-02-20");
    }

    @Test
    void topTermsKeywordsAndAliases() throws SQLException {
        assertThat(query("SELECT term, cf FROM term_stats ORDER BY cf DESC, term LIMIT 1"))
                .containsExactly(List.of("salmon", 7L));
        assertThat(query("""
                SELECT string_agg(term, ', ' ORDER BY rank) FROM doc_keywords WHERE doc_id = 'd4'""").get(0).get(0)).isEqualTo("grid, solar, expanded, fall, help");
        assertThat(query("""
                SELECT e.name, a.alias, a.count FROM entities e, unnest(e.aliases) AS u(a)
                WHERE e.name = 'Mara Lindqvist'""")).containsExactly(List.of("Mara Lindqvist", "Mara Lindqvist", 3L));
        assertThat(query("SELECT period, share FROM topic_trends WHERE topic_id = 0 ORDER BY period"))
                .extracting(r -> r.get(0))
                .containsExactly("2024-01", "2024-02", "2024-03");
    }

    /** The view's name: the table's folder name, with "state/inputs" read as state_inputs. */
    private static String view(Table table) {
        return table.tableName().replace('/', '_');
    }
}
