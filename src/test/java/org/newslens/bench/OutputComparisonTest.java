package org.newslens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.bench.OutputComparison.Options;
import org.newslens.bench.OutputComparison.TableResult;
import org.newslens.io.Table;
import org.newslens.testing.SharedSpark;

/** Row-for-row comparison of two runs' tables: order ignored, repeats counted, doubles exact or to a tolerance. */
class OutputComparisonTest {
    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path temp;

    private Dataset<Row> terms(Object[]... rows) {
        return spark.createDataFrame(
                java.util.Arrays.stream(rows).map(RowFactory::create).toList(), Table.TERM_STATS.schema());
    }

    @Test
    void rowOrderDoesNotMatterButEveryRepeatCounts() {
        Dataset<Row> a = terms(new Object[] {"quay", 3L, 2L, 0.5}, new Object[] {"ferry", 1L, 1L, 1.0});
        Dataset<Row> b = terms(new Object[] {"ferry", 1L, 1L, 1.0}, new Object[] {"quay", 3L, 2L, 0.5});
        assertThat(OutputComparison.compareTable("t", a, b, 0).equal()).isTrue();

        Dataset<Row> twice =
                terms(new Object[] {"ferry", 1L, 1L, 1.0}, new Object[] {"quay", 3L, 2L, 0.5}, new Object[] {
                    "quay", 3L, 2L, 0.5
                });
        TableResult repeated = OutputComparison.compareTable("t", a, twice, 0);
        assertThat(repeated.equal()).isFalse();
        assertThat(repeated.onlyExpected()).isZero();
        assertThat(repeated.onlyActual()).isEqualTo(1);
        assertThat(repeated.actualExamples()).hasSize(1);
    }

    @Test
    void doublesAreEqualToTheBitUnlessATolerance() {
        Dataset<Row> a = terms(new Object[] {"quay", 3L, 2L, 0.1 + 0.2}, new Object[] {"pier", 1L, 1L, 0.0});
        Dataset<Row> b = terms(new Object[] {"quay", 3L, 2L, 0.3}, new Object[] {"pier", 1L, 1L, 0.0});
        TableResult exact = OutputComparison.compareTable("t", a, b, 0);
        assertThat(exact.onlyExpected()).isEqualTo(1);
        assertThat(exact.onlyActual()).isEqualTo(1);
        assertThat(exact.differingRows()).isEqualTo(2);
        assertThat(OutputComparison.compareTable("t", a, b, 1e-9).equal()).isTrue();

        Dataset<Row> far = terms(new Object[] {"quay", 3L, 2L, 0.3000003}, new Object[] {"pier", 1L, 1L, 0.0});
        assertThat(OutputComparison.compareTable("t", a, far, 1e-9).differingRows())
                .isEqualTo(2);
        Dataset<Row> otherCount = terms(new Object[] {"quay", 4L, 2L, 0.3}, new Object[] {"pier", 1L, 1L, 0.0});
        assertThat(OutputComparison.compareTable("t", a, otherCount, 1e-9).differingRows())
                .as("a close double does not excuse another column")
                .isEqualTo(2);
    }

    @Test
    void runFoldersAreComparedTableByTableSkippingNamedTablesAndFindingStateTables() throws Exception {
        Path left = Files.createDirectories(temp.resolve("left"));
        Path right = Files.createDirectories(temp.resolve("right"));
        Dataset<Row> a = terms(new Object[] {"quay", 3L, 2L, 0.5});
        Dataset<Row> b = terms(new Object[] {"quay", 3L, 2L, 0.75});
        a.write().parquet(left.resolve("term_stats").toString());
        b.write().parquet(right.resolve("term_stats").toString());
        a.write().parquet(left.resolve("state/draft_model").toString());
        a.write().parquet(left.resolve("state/line_counts").toString());
        a.write().parquet(right.resolve("state/line_counts").toString());
        org.apache.hadoop.fs.Path l = new org.apache.hadoop.fs.Path(left.toUri());
        org.apache.hadoop.fs.Path r = new org.apache.hadoop.fs.Path(right.toUri());

        List<TableResult> exact = OutputComparison.compare(spark, l, r, Options.EXACT);
        assertThat(exact).extracting(TableResult::table).containsExactly("term_stats");
        assertThat(exact.get(0).differingRows()).isEqualTo(2);

        List<TableResult> withState = OutputComparison.compare(spark, l, r, Options.EXACT.withStateTables());
        assertThat(withState)
                .extracting(t -> t.table() + " " + t.equal() + " " + t.present())
                .containsExactly(
                        "term_stats false true", "state/draft_model false false", "state/line_counts true true");

        assertThat(OutputComparison.compare(
                        spark, l, r, Options.EXACT.withStateTables().skipping("term_stats", "state/draft_*")))
                .extracting(TableResult::table)
                .containsExactly("state/line_counts");
    }
}
