package org.newslens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.io.ParquetTables;
import org.newslens.io.Table;

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
}
