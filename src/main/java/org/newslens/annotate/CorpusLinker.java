package org.newslens.annotate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.newslens.io.Columns;

/**
 * The corpus-level step of canonicalisation, run by annotate before it writes {@code mentions}: a short form
 * a document left unresolved (a bare surname "short:roe", an undefined acronym "acr:WFO") takes the one full
 * name that offers the same key anywhere in the corpus; when several full names offer it (two people called
 * Roe) it stays as it is. Then every mention gets {@code entity_id}, a stable hash of its lower-cased name,
 * so the entities job only aggregates and mentions and entities always agree. Aggregates run over distinct
 * names, never collected to the driver.
 */
public final class CorpusLinker {
    private CorpusLinker() {}

    /** Mentions with columns name, link_key, offers → the same rows with the final name and entity_id. */
    public static Dataset<Row> link(Dataset<Row> mentions) {
        Dataset<Row> unique = mentions.select(
                        explode(col("offers")).as("offer_key"),
                        col(Columns.NAME).as("full_name"))
                .groupBy("offer_key")
                .agg(countDistinct("full_name").as("names"), min("full_name").as("full_name"))
                .filter(col("names").equalTo(1))
                .select("offer_key", "full_name");
        Dataset<Row> linked = mentions.join(unique, mentions.col("link_key").equalTo(unique.col("offer_key")), "left")
                .withColumn(Columns.NAME, coalesce(col("full_name"), col(Columns.NAME)))
                .drop("offer_key", "full_name");
        return linked.withColumn(Columns.ENTITY_ID, entityId(col(Columns.NAME)));
    }

    /** 16 hex digits of SHA-256 of the lower-cased canonical name: stable across runs and partitionings. */
    public static Column entityId(Column name) {
        return substring(sha2(lower(name), 256), 1, 16);
    }
}
