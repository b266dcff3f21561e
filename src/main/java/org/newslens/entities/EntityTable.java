package org.newslens.entities;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.newslens.io.Columns;

/**
 * The {@code entities} table from {@code mentions}: one row per entity_id with its most used spelling of the
 * canonical name, the majority type of its mentions (ties: alphabetical), every surface form with its count
 * (most frequent first), and mention and document counts. Deterministic: every choice has a total order.
 */
public final class EntityTable {
    private EntityTable() {}

    public static Dataset<Row> build(Dataset<Row> mentions) {
        Dataset<Row> names = pickFirst(
                mentions.groupBy(Columns.ENTITY_ID, Columns.NAME)
                        .agg(count(lit(1)).as("n")),
                Columns.NAME);
        Dataset<Row> types = pickFirst(
                mentions.groupBy(Columns.ENTITY_ID, Columns.TYPE)
                        .agg(count(lit(1)).as("n")),
                Columns.TYPE);
        Dataset<Row> aliases = mentions.groupBy(Columns.ENTITY_ID, Columns.TEXT)
                .agg(count(lit(1)).as("n"))
                .groupBy(Columns.ENTITY_ID)
                // sort by (−count, alias), then drop the sort key: most frequent first, ties alphabetical
                .agg(
                        sort_array(collect_list(struct(
                                        col("n").multiply(-1).as("neg"),
                                        col(Columns.TEXT).as(Columns.ALIAS))))
                                .as("sorted"),
                        sum("n").as(Columns.MENTIONS))
                .withColumn(
                        Columns.ALIASES,
                        expr("transform(sorted, x -> named_struct('alias', x.alias, 'count', -x.neg))"))
                .drop("sorted");
        Dataset<Row> docs = mentions.groupBy(Columns.ENTITY_ID)
                .agg(countDistinct(Columns.DOC_ID).as(Columns.DOCS));
        return names.join(types, Columns.ENTITY_ID)
                .join(aliases, Columns.ENTITY_ID)
                .join(docs, Columns.ENTITY_ID)
                .withColumn(Columns.MENTIONS, col(Columns.MENTIONS).cast("long"));
    }

    /** Per entity, the value with the most mentions; ties go to the alphabetically first value. */
    private static Dataset<Row> pickFirst(Dataset<Row> counts, String column) {
        return counts.withColumn(
                        "rank",
                        row_number()
                                .over(Window.partitionBy(Columns.ENTITY_ID)
                                        .orderBy(col("n").desc(), col(column).asc())))
                .filter(col("rank").equalTo(1))
                .select(Columns.ENTITY_ID, column);
    }
}
