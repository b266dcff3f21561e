package org.newslens.trends;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.stats.BenjaminiHochberg;
import org.newslens.testing.SharedSpark;

/**
 * The trends job on hand-made tables whose figures are worked out by hand: three weeks of four documents from
 * two outlets, an entity in 0, 1 and 3 of them, a near-copy, and term counts chosen for a known G2.
 */
class TrendsJobTest {
    private static final SparkSession SPARK = SharedSpark.session();

    @TempDir
    static Path out;

    private static TableStore tables;

    /** Week 1 (2024-01-01..07), 2 and 3: documents w{week}-{i}, outlet A for i < 2, else B; "copy" reprints w1-0. */
    @BeforeAll
    static void run() {
        String root = out.toUri().toString();
        TableStore store = new TableStore(SPARK, root, "fixture");
        List<Row> docs = new ArrayList<>();
        List<Row> mentions = new ArrayList<>();
        List<Row> terms = new ArrayList<>();
        for (int week = 1; week <= 3; week++) {
            for (int i = 0; i < 4; i++) {
                String id = "w" + week + "-" + i;
                docs.add(document(
                        id, java.time.LocalDate.of(2024, 1, 1).plusDays(7L * (week - 1) + i % 2), i < 2 ? "A" : "B"));
                // Mira Holt: in no document of week 1, one of week 2, three of week 3 (twice in w3-0).
                if ((week == 2 && i == 0) || (week == 3 && i < 3)) {
                    mentions.add(mention(id, 0, "e:mira"));
                    if (week == 3 && i == 0) {
                        mentions.add(mention(id, 1, "e:mira"));
                    }
                }
                // Ivo Brandt: in every document, with Mira in the same sentence where she is.
                mentions.add(mention(id, 0, "e:ivo"));
                // Outlet A: 20 x harbour in 1,000 terms over its six documents; B: 5 in 2,000 over its six.
                boolean a = i < 2;
                int harbour = a ? (i == 0 && week == 1 ? 20 : 0) : (i == 2 && week == 1 ? 5 : 0);
                if (harbour > 0) {
                    terms.add(RowFactory.create(id, "harbour", harbour, 1.0));
                }
                int rest = (a ? 1000 : 2000) / 6 + (week == 3 && (i == 1 || i == 3) ? (a ? 1000 : 2000) % 6 : 0);
                terms.add(RowFactory.create(id, "filler", rest - harbour, 1.0));
            }
        }
        // A near-copy of w1-0 in outlet B: left out over time; B's only copy of that story, so B keeps it.
        docs.add(document("copy", java.time.LocalDate.of(2024, 1, 2), "B"));
        mentions.add(mention("copy", 0, "e:ivo"));
        docs.add(document("undated", null, "A"));
        store.write(Table.DOCUMENTS, SPARK.createDataFrame(docs, Table.DOCUMENTS.schema()));
        store.write(Table.MENTIONS, SPARK.createDataFrame(mentions, Table.MENTIONS.schema()));
        store.write(Table.DOC_TERMS, SPARK.createDataFrame(terms, Table.DOC_TERMS.schema()));
        store.write(
                Table.STATE_TERM_COUNTS_DOCUMENTS,
                SPARK.createDataFrame(docs, Table.DOCUMENTS.schema()).select("doc_id", "content_sha"));
        // term_stats as the terms stage writes it beside doc_terms (only the terms matter here)
        store.write(
                Table.TERM_STATS,
                SPARK.createDataFrame(
                        List.of(
                                RowFactory.create("harbour", 25L, 2L, 1.0),
                                RowFactory.create("filler", 2975L, 24L, 0.0)),
                        Table.TERM_STATS.schema()));
        store.write(
                Table.ENTITIES,
                SPARK.createDataFrame(
                        List.of(entity("e:mira", "Mira Holt"), entity("e:ivo", "Ivo Brandt")),
                        Table.ENTITIES.schema()));
        store.write(
                Table.ENTITY_PAIRS,
                SPARK.createDataFrame(
                        List.of(RowFactory.create(
                                "e:ivo", "e:mira", "sentence", 4L, 4L, 1.0, 0.5, 2.0, 0.3, "Ivo Brandt", "Mira Holt")),
                        Table.ENTITY_PAIRS.schema()));
        store.write(
                Table.DUPLICATES,
                SPARK.createDataFrame(
                        List.<Row>of(RowFactory.create("copy", "w1-0", 0.9, "B", "A")), Table.DUPLICATES.schema()));
        store.commit();
        assertThat(Main.run(new String[] {
                    "trends",
                    "--output",
                    root,
                    "--trends.period",
                    "week",
                    "--trends.keyness-min-count",
                    "1",
                    "--trends.min-burst-docs",
                    "1"
                }))
                .isZero();
        tables = new TableStore(SPARK, root, "check");
    }

    private static Row document(String id, java.time.LocalDate published, String outlet) {
        return RowFactory.create(
                id,
                "file:/t/" + id,
                id,
                published == null ? null : Date.valueOf(published),
                outlet,
                null,
                "text",
                4,
                1,
                "sha-" + id);
    }

    private static Row mention(String doc, int sent, String entity) {
        return RowFactory.create(doc, sent, 0, 4, entity, "PERSON", entity, entity);
    }

    private static Row entity(String id, String name) {
        return RowFactory.create(
                id,
                name,
                "PERSON",
                scala.jdk.javaapi.CollectionConverters.asScala(List.<Object>of(RowFactory.create(name, 1L)))
                        .toSeq(),
                1L,
                1L);
    }

    private static Row row(Table table, String where) {
        List<Row> rows = tables.read(table, "test").filter(where).collectAsList();
        assertThat(rows).as(where).hasSize(1);
        return rows.get(0);
    }

    private static double d(Row row, String column) {
        return row.getDouble(row.fieldIndex(column));
    }

    private static long l(Row row, String column) {
        return row.getLong(row.fieldIndex(column));
    }

    @Test
    void weekThreeOfMiraIsTheBinomialTailWorkedOutByHand() {
        Row week3 = row(Table.ENTITY_TRENDS, "entity_id = 'e:mira' and period = '2024-W03'");
        // x = 3 of n = 4, h = 1 of H = 8 (weeks 1 and 2; the copy counts once, so week 1 has 4 documents):
        // X ~ Binomial(4, 4/12): P(X >= 3) = 4 (1/3)^3 (2/3) + (1/3)^4 = 9/81; expected 4 x 1/8 = 0.5.
        assertThat(l(week3, "docs")).isEqualTo(3);
        assertThat(l(week3, "mentions")).isEqualTo(4);
        assertThat(l(week3, "period_docs")).isEqualTo(4);
        assertThat(l(week3, "history_docs")).isEqualTo(1);
        assertThat(l(week3, "history_period_docs")).isEqualTo(8);
        assertThat(d(week3, "expected")).isCloseTo(0.5, within(1e-12));
        assertThat(d(week3, "p_value")).isCloseTo(1.0 / 9, within(1e-12));
        assertThat(d(week3, "burst_score")).isCloseTo(Math.log10(9), within(1e-12));
        assertThat(d(week3, "share")).isCloseTo(0.75, within(1e-12));
        assertThat(week3.getBoolean(week3.fieldIndex("is_new"))).isFalse();
        assertThat(week3.getDate(week3.fieldIndex("period_start"))).isEqualTo(Date.valueOf("2024-01-15"));
        assertThat(week3.getDate(week3.fieldIndex("period_end"))).isEqualTo(Date.valueOf("2024-01-21"));
        // Week 2: x = 1 of 4 after none of 4: P = 4/8; Mira is new there.
        Row week2 = row(Table.ENTITY_TRENDS, "entity_id = 'e:mira' and period = '2024-W02'");
        assertThat(d(week2, "p_value")).isCloseTo(0.5, within(1e-12));
        assertThat(week2.getBoolean(week2.fieldIndex("is_new"))).isTrue();
    }

    /**
     * Tested rows (week 1 has no history): Mira week 3 p = 1/9, Mira week 2 p = 1/2, Ivo week 2 (4 of 4 after 4 of
     * 4: P(Binomial(8, 1/2) >= 4) = 163/256) and Ivo week 3 (4 of 4 after 8 of 8: P(Binomial(12, 1/3) >= 4) =
     * 0.606926). m = 4; m p / rank in p order: 0.444, 1.0, 0.809, 0.637; the running minimum from the largest
     * gives q = 4/9 for Mira week 3 and 163/256 for the other three.
     */
    @Test
    void qValuesAreBenjaminiHochbergOverAllTestedRows() {
        assertThat(d(row(Table.ENTITY_TRENDS, "entity_id = 'e:mira' and period = '2024-W03'"), "q_value"))
                .isCloseTo(4.0 / 9, within(1e-12));
        assertThat(d(row(Table.ENTITY_TRENDS, "entity_id = 'e:mira' and period = '2024-W02'"), "q_value"))
                .isCloseTo(163.0 / 256, within(1e-12));
        Row ivo2 = row(Table.ENTITY_TRENDS, "entity_id = 'e:ivo' and period = '2024-W02'");
        assertThat(d(ivo2, "p_value")).isCloseTo(163.0 / 256, within(1e-12));
        assertThat(d(ivo2, "q_value")).isCloseTo(163.0 / 256, within(1e-12));
        assertThat(d(row(Table.ENTITY_TRENDS, "entity_id = 'e:ivo' and period = '2024-W03'"), "q_value"))
                .isCloseTo(163.0 / 256, within(1e-12));
        Row first = row(Table.ENTITY_TRENDS, "entity_id = 'e:ivo' and period = '2024-W01'");
        assertThat(first.isNullAt(first.fieldIndex("p_value"))).isTrue();
        assertThat(first.isNullAt(first.fieldIndex("expected"))).isTrue();
        assertThat(first.getBoolean(first.fieldIndex("is_burst"))).isFalse();
        assertThat(tables.read(Table.ENTITY_TRENDS, "test")
                        .filter(col("is_burst"))
                        .count())
                .isZero();
    }

    @Test
    void pairsFollowTheSentencesTheyShare() {
        Row week3 = row(Table.PAIR_TRENDS, "period = '2024-W03'");
        assertThat(week3.getString(week3.fieldIndex("name_a"))).isEqualTo("Ivo Brandt");
        assertThat(l(week3, "count")).isEqualTo(3);
        assertThat(l(week3, "docs")).isEqualTo(3);
        assertThat(d(week3, "p_value")).isCloseTo(1.0 / 9, within(1e-12));
        assertThat(row(Table.PAIR_TRENDS, "period = '2024-W02'")
                        .getBoolean(
                                row(Table.PAIR_TRENDS, "period = '2024-W02'").fieldIndex("is_new")))
                .isTrue();
    }

    /** 20 of A's 1,000 terms against 5 of B's 2,000: G2 23.185311 (scipy, no continuity correction). */
    @Test
    void outletKeynessIsDunningsG2WorkedOutByHand() {
        Row harbour = row(Table.KEYNESS, "grouping = 'outlet' and `group` = 'A' and term = 'harbour'");
        assertThat(l(harbour, "count_in")).isEqualTo(20);
        assertThat(l(harbour, "count_out")).isEqualTo(5);
        assertThat(l(harbour, "total_in")).isEqualTo(1000);
        // The copy of w1-0 is B's own copy of another outlet's story, so B keeps it; it has no terms.
        assertThat(l(harbour, "total_out")).isEqualTo(2000);
        assertThat(d(harbour, "g2")).isCloseTo(23.185311077839405, within(1e-9));
        assertThat(d(harbour, "p_value")).isCloseTo(1.4711677864988302e-06, within(1e-15));
        assertThat(d(harbour, "log_ratio")).isCloseTo(3.0, within(1e-12));
        Row inB = row(Table.KEYNESS, "grouping = 'outlet' and `group` = 'B' and term = 'harbour'");
        assertThat(d(inB, "g2")).isCloseTo(-23.185311077839405, within(1e-9));
        Row ivo = row(
                Table.KEYNESS,
                "grouping = 'outlet' and `group` = 'B' and kind = 'entity'" + " and entity_id = 'e:ivo'");
        assertThat(ivo.getString(ivo.fieldIndex("term"))).isEqualTo("Ivo Brandt");
        // B: its six documents and the copy mention Ivo once each.
        assertThat(l(ivo, "count_in")).isEqualTo(7);
    }

    @Test
    void periodKeynessComparesWithEarlierPeriodsOnly() {
        assertThat(tables.read(Table.KEYNESS, "test")
                        .filter("grouping = 'period' and `group` = '2024-W01'")
                        .count())
                .isZero();
        Row mira = row(Table.KEYNESS, "grouping = 'period' and `group` = '2024-W03' and entity_id = 'e:mira'");
        assertThat(l(mira, "count_in")).isEqualTo(4);
        assertThat(l(mira, "count_out")).isEqualTo(1);
        // Entity mentions: week 3 has 4 Ivo + 4 Mira; weeks 1-2 have 8 Ivo + 1 Mira (the copy left out).
        assertThat(l(mira, "total_in")).isEqualTo(8);
        assertThat(l(mira, "total_out")).isEqualTo(9);
    }

    /**
     * The distributed q-values equal the single-list ones whatever the number of partitions, both when the driver
     * works them out per distinct p-value and when the rows are sorted across the cluster (too many distinct
     * values); tied p-values (a third of the rows here) share theirs.
     */
    @Test
    void qValuesDoNotDependOnPartitioning() {
        Random random = new Random(3);
        List<Row> rows = new ArrayList<>();
        double[] p = new double[500];
        double[] tied = {1.0, 0.5, 0.01, 2e-4};
        for (int i = 0; i < p.length; i++) {
            int kind = random.nextInt(6);
            p[i] = kind == 0 ? random.nextDouble() * 1e-3 : kind <= 2 ? tied[random.nextInt(4)] : random.nextDouble();
            rows.add(RowFactory.create("k" + i, p[i]));
        }
        StructType schema = new StructType().add("key", DataTypes.StringType).add("p", DataTypes.DoubleType);
        double[] expected = BenjaminiHochberg.adjust(p);
        for (int partitions : new int[] {1, 3, 7}) {
            Dataset<Row> tests = SPARK.createDataFrame(rows, schema).repartition(partitions);
            SPARK.conf().set("spark.sql.shuffle.partitions", String.valueOf(partitions));
            try {
                for (int maxDistinct : new int[] {FalseDiscovery.MAX_DISTINCT_ON_DRIVER, 20}) {
                    List<Row> adjusted = FalseDiscovery.withQValues(SPARK, tests, "p", maxDistinct, col("key"))
                            .collectAsList();
                    assertThat(adjusted).hasSize(p.length);
                    for (Row r : adjusted) {
                        int i = Integer.parseInt(r.getString(0).substring(1));
                        assertThat(r.getDouble(2))
                                .as("q of %s, at most %d distinct p-values on the driver", r.getString(0), maxDistinct)
                                .isEqualTo(expected[i]);
                    }
                }
            } finally {
                SPARK.conf().set("spark.sql.shuffle.partitions", "2");
            }
        }
    }
}
