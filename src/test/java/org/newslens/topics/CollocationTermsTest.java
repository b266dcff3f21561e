package org.newslens.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.bench.TopicsInput;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.testing.SharedSpark;

/** Collocations from the terms job's table become topic terms. */
class CollocationTermsTest {
    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path dir;

    @Test
    void aChosenCollocationIsATopicTerm() {
        String output = dir.toUri().toString();
        List<TopicsInput.Doc> docs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            docs.add(new TopicsInput.Doc(
                    "grid-" + i,
                    LocalDate.of(2024, 2, 1),
                    List.of(
                            "The solar panel fed the grid.",
                            "A solar panel and a battery.",
                            "Each solar panel hums.")));
            docs.add(new TopicsInput.Doc(
                    "bread-" + i,
                    LocalDate.of(2024, 2, 1),
                    List.of("The rye loaf cooled.", "A rye loaf and butter.", "Every rye loaf sold.")));
        }
        TopicsInput.write(spark, output, docs);
        TableStore store = new TableStore(spark, output, "colloc");
        store.write(
                Table.COLLOCATIONS,
                spark.createDataFrame(
                        List.of(
                                RowFactory.create("solar panel", 2, 18L, 6L, 3.2, 40.0),
                                RowFactory.create("rye loaf", 2, 18L, 6L, 3.2, 40.0)),
                        Table.COLLOCATIONS.schema()));
        store.commit();
        assertThat(Main.run(new String[] {"topics", "--output", output, "--topics.k", "2"}))
                .isZero();
        List<String> terms = new TableStore(spark, output, "read")
                .read(Table.TOPICS, "test").select("term").collectAsList().stream()
                        .map(r -> r.getString(0))
                        .toList();
        assertThat(terms).contains("solar panel", "rye loaf");
    }
}
