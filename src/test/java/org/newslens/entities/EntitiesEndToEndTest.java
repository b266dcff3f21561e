package org.newslens.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.annotate.names.Titles;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.testing.DocumentsFixture;
import org.newslens.testing.SharedSpark;

/**
 * annotate → entities through the real entry point on the sample corpus in data/. Until the ingest job is on
 * this branch, the documents table is built from data/*.txt directly (DocumentsFixture).
 */
class EntitiesEndToEndTest {
    private static final SparkSession SPARK = SharedSpark.session();

    @TempDir
    static Path out;

    private static TableStore store;

    @BeforeAll
    static void run() throws Exception {
        String root = out.toUri().toString();
        DocumentsFixture.writeTo(SPARK, root, DocumentsFixture.fromFolder(SPARK, Path.of("data")));
        assertThat(Main.run(new String[] {"annotate", "--output", root})).isZero();
        assertThat(Main.run(new String[] {"entities", "--output", root})).isZero();
        store = new TableStore(SPARK, root, "check");
        print();
    }

    private static Dataset<Row> table(Table table) {
        return store.read(table, "test");
    }

    @Test
    void tablesHaveTheDocumentedSchemas() {
        for (Table t : List.of(Table.MENTIONS, Table.ENTITIES, Table.ENTITY_PAIRS, Table.ENTITY_GRAPH)) {
            assertThat(table(t).schema().fieldNames()).containsExactly(t.columns());
        }
        assertThat(table(Table.ENTITY_GRAPH).count())
                .isEqualTo(table(Table.ENTITIES).count());
    }

    @Test
    void xiAndXiJinpingAreOneEntity() {
        Dataset<Row> mentions = table(Table.MENTIONS);
        List<Row> ids = mentions.filter("text in ('Xi', 'Xi Jinping')")
                .select("entity_id")
                .distinct()
                .collectAsList();
        assertThat(ids).hasSize(1);
        Row entity = table(Table.ENTITIES)
                .filter("entity_id = '" + ids.get(0).getString(0) + "'")
                .first();
        assertThat(entity.getString(entity.fieldIndex("name"))).isEqualTo("Xi Jinping");
        assertThat(entity.getString(entity.fieldIndex("type"))).isEqualTo("PERSON");
    }

    @Test
    void iranAndChinaAreTheStrongestSentencePairByCount() {
        Row top = table(Table.ENTITY_PAIRS)
                .filter("window = 'sentence'")
                .orderBy(
                        org.apache.spark.sql.functions.col("count").desc(),
                        org.apache.spark.sql.functions.col("entity_a"))
                .first();
        assertThat(List.of(top.getString(top.fieldIndex("name_a")), top.getString(top.fieldIndex("name_b"))))
                .containsExactlyInAnyOrder("Iran", "China");
    }

    @Test
    void noEntityIsATitleOrABarePossessive() {
        for (Row row : table(Table.ENTITIES).select("name").collectAsList()) {
            String name = row.getString(0);
            assertThat(Titles.isTitle(name.split(" ")[0])).as(name).isFalse();
            assertThat(name)
                    .as(name)
                    .doesNotEndWith("'s")
                    .doesNotEndWith("\u2019s")
                    .isNotIn("'s", "\u2019s", "s");
        }
    }

    @Test
    void countryFormsAreOneEntity() {
        Dataset<Row> mentions = table(Table.MENTIONS);
        assertThat(mentions.filter("text in ('US', 'U.S.', 'United States')")
                        .select("entity_id")
                        .distinct()
                        .count())
                .isEqualTo(1);
    }

    private static void print() {
        Dataset<Row> entities = table(Table.ENTITIES);
        entities.groupBy("type").count().orderBy("type").show(false);
        entities.orderBy(
                        org.apache.spark.sql.functions.col("mentions").desc(),
                        org.apache.spark.sql.functions.col("name"))
                .select("name", "type", "mentions", "docs", "aliases")
                .show(15, false);
        table(Table.ENTITY_PAIRS)
                .filter("window = 'sentence' and count >= 2")
                .orderBy(
                        org.apache.spark.sql.functions.col("npmi").desc(),
                        org.apache.spark.sql.functions.col("count").desc())
                .select("name_a", "name_b", "count", "docs", "pmi", "npmi", "llr", "jaccard")
                .show(15, false);
        table(Table.ENTITY_GRAPH)
                .orderBy(org.apache.spark.sql.functions.col("pagerank").desc())
                .show(10, false);
        entities.orderBy("name").select("name", "type", "mentions", "aliases").show(500, false);
    }
}
