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
            field("similarity", DoubleType, false),
            // The outlet of the copy (doc_id); null when unknown.
            field("outlet", StringType, true),
            // The outlet of the earliest copy (duplicate_of); null when unknown.
            field("duplicate_of_outlet", StringType, true)),
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
            field("value", DoubleType, false)),
    ENTITY_TRENDS("entity_trends", "trends",
            // The period's label: 2024-03-05 (day), 2024-W10 (ISO week) or 2024-03 (month).
            field("period", StringType, false),
            // The period's first and last day.
            field("period_start", DateType, false),
            field("period_end", DateType, false),
            field("entity_id", StringType, false),
            // The entity's canonical name.
            field("name", StringType, false),
            // Mentions of the entity in the period's documents.
            field("mentions", LongType, false),
            // The period's documents that mention the entity (the count the burst test uses).
            field("docs", LongType, false),
            // The period's dated documents (near-duplicates counted once by default).
            field("period_docs", LongType, false),
            // docs / period_docs.
            field("share", DoubleType, false),
            // Documents expected from the entity's rate in the trailing history; null without history.
            field("expected", DoubleType, true),
            // The entity's documents in the trailing history (the earlier periods the expected value is taken from).
            field("history_docs", LongType, false),
            // All dated documents in the trailing history.
            field("history_period_docs", LongType, false),
            // One-sided p-value of the burst test (this period's rate above the history's); null without history.
            field("p_value", DoubleType, true),
            // Benjamini-Hochberg adjusted p-value over all (period, entity) tests; null without history.
            field("q_value", DoubleType, true),
            // -log10(p_value): the burst score; 0 without history.
            field("burst_score", DoubleType, false),
            // Whether q_value is at most the false-discovery rate and docs reach the minimum.
            field("is_burst", BooleanType, false),
            // Whether the entity was never mentioned in an earlier period.
            field("is_new", BooleanType, false)),
    PAIR_TRENDS("pair_trends", "trends",
            // The period's label, as in entity_trends.
            field("period", StringType, false),
            // The period's first and last day.
            field("period_start", DateType, false),
            field("period_end", DateType, false),
            // The pair's entities (entity_a < entity_b), as in entity_pairs.
            field("entity_a", StringType, false),
            field("entity_b", StringType, false),
            // The entities' names.
            field("name_a", StringType, false),
            field("name_b", StringType, false),
            // Sentences of the period in which the two entities occur together.
            field("count", LongType, false),
            // The period's documents with such a sentence (the count the burst test uses).
            field("docs", LongType, false),
            // The period's dated documents (near-duplicates counted once by default).
            field("period_docs", LongType, false),
            // Documents expected from the pair's rate in the trailing history; null without history.
            field("expected", DoubleType, true),
            // The pair's documents in the trailing history.
            field("history_docs", LongType, false),
            // All dated documents in the trailing history.
            field("history_period_docs", LongType, false),
            // One-sided p-value of the burst test; null without history.
            field("p_value", DoubleType, true),
            // Benjamini-Hochberg adjusted p-value over all (period, pair) tests; null without history.
            field("q_value", DoubleType, true),
            // -log10(p_value): the burst score; 0 without history.
            field("burst_score", DoubleType, false),
            // Whether q_value is at most the false-discovery rate and docs reach the minimum.
            field("is_burst", BooleanType, false),
            // Whether the pair never occurred together in a sentence of an earlier period.
            field("is_new", BooleanType, false)),
    KEYNESS("keyness", "trends",
            // What is compared: period (this period against all earlier ones) or outlet (this outlet against all others).
            field("grouping", StringType, false),
            // The period label or the outlet name.
            field("group", StringType, false),
            // term (a term of doc_terms) or entity (an entity of entities).
            field("kind", StringType, false),
            // The term, or the entity's canonical name.
            field("term", StringType, false),
            // The entity's id; null for terms.
            field("entity_id", StringType, true),
            // Occurrences inside the group and in the reference (the earlier periods, or the other outlets).
            field("count_in", LongType, false),
            field("count_out", LongType, false),
            // All occurrences of this kind (all terms, or all entity mentions) inside the group and in the reference.
            field("total_in", LongType, false),
            field("total_out", LongType, false),
            // Dunning log-likelihood G2 of the 2x2 table, positive when the group uses it more than the reference.
            field("g2", DoubleType, false),
            // p-value of G2 against chi-squared with one degree of freedom.
            field("p_value", DoubleType, false),
            // log2 of the relative frequency inside over outside (a zero count outside counts as 0.5).
            field("log_ratio", DoubleType, false));

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
