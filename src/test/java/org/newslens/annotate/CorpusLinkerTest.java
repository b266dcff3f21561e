package org.newslens.annotate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.newslens.testing.SharedSpark;

class CorpusLinkerTest {
    private final SparkSession spark = SharedSpark.session();

    /** Outputs written with Spark's lower and sha2 keep their entity ids: appends join on them. */
    @Test
    void entityIdsAreThoseOfSparksLowerAndSha2() {
        List<String> names = List.of(
                "Xi Jinping",
                "U.N.",
                "Łódź",
                "Ærø",
                "İstanbul",
                "ΟΔΥΣΣΕΑΣ",
                "Straße",
                "Ñandú",
                "北京",
                "Ａｂｃ",
                "Tab\tand\u0000NUL",
                "");
        Dataset<Row> ids = spark.createDataset(names, Encoders.STRING())
                .toDF("name")
                .select(
                        col("name"),
                        CorpusLinker.entityId(col("name")).as("ours"),
                        substring(sha2(lower(col("name")), 256), 1, 16).as("spark"));

        List<Row> rows = ids.collectAsList();

        assertThat(rows).hasSize(names.size());
        rows.forEach(r -> assertThat(r.<String>getAs("ours"))
                .as(r.<String>getAs("name"))
                .hasSize(16)
                .isEqualTo(r.getAs("spark")));
        assertThat(rows.stream().map(r -> r.<String>getAs("ours")).distinct()).hasSize(names.size());
    }

    @Test
    void aNullNameHasNoId() {
        assertThat(CorpusLinker.entityId((String) null)).isNull();
    }
}
