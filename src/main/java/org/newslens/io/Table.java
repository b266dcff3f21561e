package org.newslens.io;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.Arrays;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output tables: the contract users' queries depend on. Each schema is declared once here and checked
 * before a table is written, so a table never drifts by accident. {@code producer} names the job that
 * writes the table, for "run jobs/X first" messages.
 */
public enum Table {
    DOCUMENTS("documents", "ingest",
            field("doc_id", StringType, false),
            field("source_uri", StringType, false),
            field("title", StringType, true),
            field("published", DateType, true),
            field("outlet", StringType, true),
            field("url", StringType, true),
            field("text", StringType, false),
            field("n_chars", IntegerType, false),
            field("n_tokens", IntegerType, false),
            field("content_sha", StringType, false)),
    REJECTS("rejects", "ingest",
            field("source_uri", StringType, false),
            field("reason", StringType, false),
            field("detail", StringType, true)),
    SENTENCES("sentences", "annotate",
            field("doc_id", StringType, false),
            field("sent_id", IntegerType, false),
            field("begin", IntegerType, false),
            field("end", IntegerType, false),
            field("text", StringType, false),
            // One entry per token: its term (lower-cased lemma), or null for punctuation and numbers.
            field("terms", createArrayType(StringType, true), false)),
    TOKENS("tokens", "annotate",
            field("doc_id", StringType, false),
            field("sent_id", IntegerType, false),
            field("tok_id", IntegerType, false),
            field("text", StringType, false),
            field("lemma", StringType, false),
            field("pos", StringType, true),
            field("ner", StringType, true),
            field("is_stop", BooleanType, false),
            field("begin", IntegerType, false),
            field("end", IntegerType, false)),
    MENTIONS("mentions", "annotate",
            field("doc_id", StringType, false),
            field("sent_id", IntegerType, false),
            field("begin", IntegerType, false),
            field("end", IntegerType, false),
            field("text", StringType, false),
            field("type", StringType, false),
            field("entity_id", StringType, true),
            // The canonical name the mention resolved to (the entity's key); written by annotate.
            field("name", StringType, true)),
    TERM_STATS("term_stats", "terms",
            field("term", StringType, false),
            field("cf", LongType, false),
            field("df", LongType, false),
            field("idf", DoubleType, false)),
    DOC_TERMS("doc_terms", "terms",
            field("doc_id", StringType, false),
            field("term", StringType, false),
            field("tf", IntegerType, false),
            field("tf_idf", DoubleType, false)),
    COLLOCATIONS("collocations", "terms",
            field("ngram", StringType, false),
            field("n", IntegerType, false),
            field("count", LongType, false),
            field("df", LongType, false),
            field("pmi", DoubleType, false),
            field("llr", DoubleType, false)),
    DOC_KEYWORDS("doc_keywords", "terms",
            field("doc_id", StringType, false),
            field("rank", IntegerType, false),
            field("term", StringType, false),
            field("score", DoubleType, false)),
    ENTITIES("entities", "entities",
            field("entity_id", StringType, false),
            field("name", StringType, false),
            field("type", StringType, false),
            field("aliases", createArrayType(createStructType(new StructField[] {
                    field("alias", StringType, false), field("count", LongType, false)}), false), false),
            field("mentions", LongType, false),
            field("docs", LongType, false)),
    ENTITY_PAIRS("entity_pairs", "entities",
            field("entity_a", StringType, false),
            field("entity_b", StringType, false),
            field("window", StringType, false),
            field("count", LongType, false),
            field("docs", LongType, false),
            field("pmi", DoubleType, false),
            field("npmi", DoubleType, false),
            field("llr", DoubleType, false),
            field("jaccard", DoubleType, false),
            // Readability: the entities' names, so a query needs no join to read a pair.
            field("name_a", StringType, false),
            field("name_b", StringType, false)),
    ENTITY_GRAPH("entity_graph", "entities",
            field("entity_id", StringType, false),
            field("degree", LongType, false),
            field("weighted_degree", DoubleType, false),
            field("pagerank", DoubleType, false),
            field("community", LongType, false),
            field("name", StringType, false),
            field("type", StringType, false)),
    TOPICS("topics", "topics",
            field("model", StringType, false),
            field("topic_id", IntegerType, false),
            field("rank", IntegerType, false),
            field("term", StringType, false),
            field("weight", DoubleType, false),
            field("label", StringType, false)),
    DOC_TOPICS("doc_topics", "topics",
            field("doc_id", StringType, false),
            field("model", StringType, false),
            field("topic_id", IntegerType, false),
            field("weight", DoubleType, false),
            field("is_dominant", BooleanType, false)),
    CLUSTERS("clusters", "topics",
            field("doc_id", StringType, false),
            field("cluster_id", IntegerType, false),
            field("label", StringType, false),
            field("distance", DoubleType, false)),
    DUPLICATES("duplicates", "topics",
            field("doc_id", StringType, false),
            field("duplicate_of", StringType, false),
            field("similarity", DoubleType, false)),
    TOPIC_TRENDS("topic_trends", "topics",
            field("period", StringType, false),
            field("model", StringType, false),
            field("topic_id", IntegerType, false),
            field("share", DoubleType, false),
            field("docs", LongType, false)),
    TOPIC_METRICS("topic_metrics", "topics",
            field("model", StringType, false),
            // The topic or cluster the figure is about; null for figures about the whole model.
            field("topic_id", IntegerType, true),
            field("metric", StringType, false),
            field("value", DoubleType, false));

    private final String tableName;
    private final String producer;
    private final StructType schema;

    Table(String tableName, String producer, StructField... fields) {
        this.tableName = tableName;
        this.producer = producer;
        this.schema = createStructType(fields);
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return createStructField(name, type, nullable);
    }

    /** Folder name under the output root. */
    public String tableName() {
        return tableName;
    }

    /** The job that writes this table. */
    public String producer() {
        return producer;
    }

    public StructType schema() {
        return schema;
    }

    public String[] columns() {
        return schema.fieldNames();
    }

    public static Table byName(String name) {
        return Arrays.stream(values()).filter(t -> t.tableName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No table named " + name));
    }
}
