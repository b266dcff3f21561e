package org.newslens.entities;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.newslens.io.Columns;
import org.newslens.io.Table;

/**
 * The {@code entities} table from {@code mentions}: one row per entity_id with its most used spelling of the
 * canonical name, the majority type of its mentions (ties: alphabetical), every surface form with its count
 * (most frequent first), and mention and document counts. Deterministic: every choice has a total order. Each
 * entity's mentions meet in one task and are read once ({@link EntityRows}), rather than aggregated four times
 * and joined.
 */
public final class EntityTable {
    private EntityTable() {}

    /** @param mentions entity_id (not null), name, type, text, doc_id of every linked mention */
    public static Dataset<Row> build(Dataset<Row> mentions) {
        Dataset<Row> columns =
                mentions.select(Columns.ENTITY_ID, Columns.NAME, Columns.TYPE, Columns.TEXT, Columns.DOC_ID);
        return columns.repartition(col(Columns.ENTITY_ID))
                .sortWithinPartitions(Columns.ENTITY_ID, Columns.DOC_ID)
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>) EntityRows::new, Encoders.row(Table.ENTITIES.schema()));
    }
}
