package org.newslens.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newslens.testing.SharedSpark;

class StoredKeynessTest {
    private static final SparkSession SPARK = SharedSpark.session();
    /** doc_id, content_sha, outlet, period_index, as state/keyness_documents lists them. */
    private static final StructType LISTED = new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("content_sha", DataTypes.StringType)
            .add("outlet", DataTypes.StringType)
            .add("period_index", DataTypes.LongType);

    /**
     * A document is counted again only when its text or a group changed, and its stored counts taken away; a
     * grouping that leaves it out (null) on both sides is no change.
     */
    @Test
    void documentsWithTheSameTextAndGroupsKeepTheirCountsAndTheOthersChange() {
        Dataset<Row> stored = SPARK.createDataFrame(
                List.of(
                        RowFactory.create("same", "s1", "A", 10L),
                        RowFactory.create("no outlet", "s2", null, 10L),
                        RowFactory.create("undated", "s3", "A", null),
                        RowFactory.create("edited", "s4", "A", 10L),
                        RowFactory.create("now a copy", "s5", "B", 11L),
                        RowFactory.create("gone", "s6", "A", 11L)),
                LISTED);
        Dataset<Row> now = SPARK.createDataFrame(
                List.of(
                        RowFactory.create("same", "s1", "A", 10L),
                        RowFactory.create("no outlet", "s2", null, 10L),
                        RowFactory.create("undated", "s3", "A", null),
                        RowFactory.create("edited", "s4b", "A", 10L),
                        RowFactory.create("now a copy", "s5", "B", null),
                        RowFactory.create("new", "s7", null, 12L)),
                LISTED);

        List<String> changes = StoredKeyness.changes(now, stored).collectAsList().stream()
                .map(Row::toString)
                .sorted()
                .toList();

        assertThat(changes)
                .containsExactly(
                        "[[edited,s4b,A,10],[edited,s4,A,10]]",
                        "[[new,s7,null,12],null]",
                        "[[now a copy,s5,B,null],[now a copy,s5,B,11]]",
                        "[null,[gone,s6,A,11]]");
    }
}
