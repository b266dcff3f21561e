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
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output tables: the contract users' queries depend on. Each schema is declared once here and checked
 * before a table is written, so a table never drifts by accident. {@code producer} names the job that
 * writes the table, for "run jobs/X first" messages. Every table and column carries a one-line meaning, from
 * which the tables reference (src/site/markdown/tables.md, {@code jobs/reference-docs}) is generated.
 */
public enum Table {
    DOCUMENTS(
            "documents",
            "ingest",
            "One row per article kept.",
            field(
                    Columns.DOC_ID,
                    StringType,
                    false,
                    "Stable id, 32 hex digits: SHA-256 over the input-relative path, the record key and the raw "
                            + "content; the same input always gets the same id"),
            field(Columns.SOURCE_URI, StringType, false, "The file the document came from (full Hadoop URI)"),
            field(
                    Columns.TITLE,
                    StringType,
                    true,
                    "The headline found above the text, or the record's title; null when there is none"),
            field(Columns.PUBLISHED, DateType, true, "Publication date; null when unknown"),
            field(Columns.OUTLET, StringType, true, "The publication; null when unknown"),
            field(Columns.URL, StringType, true, "The record's url; null for plain-text files"),
            field(
                    Columns.TEXT,
                    StringType,
                    false,
                    "The cleaned text: paragraphs separated by a blank line; title, kicker, date/byline and sign-off "
                            + "lines and boilerplate removed"),
            field(Columns.N_CHARS, IntegerType, false, "Length of text in Unicode code points"),
            field(
                    Columns.N_TOKENS,
                    IntegerType,
                    false,
                    "A simple word count: runs of letters and digits in text (a size measure, not the NLP "
                            + "tokenisation)"),
            field(
                    Columns.CONTENT_SHA,
                    StringType,
                    false,
                    "SHA-256 (64 hex digits) of text; equal texts have equal content_sha")),
    REJECTS(
            "rejects",
            "ingest",
            "One row per input that could not become a document, and a warning row per truncated article.",
            field(Columns.SOURCE_URI, StringType, false, "The file (or folder) concerned"),
            field(
                    Columns.REASON,
                    StringType,
                    false,
                    "Why: a code such as empty_file, not_text, undecodable, malformed_json or truncated (see the "
                            + "ingest page)"),
            field(
                    Columns.DETAIL,
                    StringType,
                    true,
                    "What exactly was wrong: byte offset, header or schema found, exception, original length, ...")),
    SENTENCES(
            "sentences",
            "annotate",
            "One row per sentence.",
            field(Columns.DOC_ID, StringType, false, "The document"),
            field(Columns.SENT_ID, IntegerType, false, "0-based sentence number in the document"),
            field(Columns.BEGIN, IntegerType, false, "Character offset of the sentence's start in documents.text"),
            field(
                    Columns.END,
                    IntegerType,
                    false,
                    "Character offset of the sentence's end in documents.text (exclusive)"),
            field(Columns.TEXT, StringType, false, "The sentence as written"),
            field(
                    Columns.TERMS,
                    createArrayType(StringType, true),
                    false,
                    "One entry per token, in order: its term (lower-cased lemma), or null for tokens without a "
                            + "letter; stop words kept")),
    TOKENS(
            "tokens",
            "annotate",
            "One row per token.",
            field(Columns.DOC_ID, StringType, false, "The document"),
            field(Columns.SENT_ID, IntegerType, false, "The sentence the token belongs to"),
            field(Columns.TOK_ID, IntegerType, false, "0-based token number within the sentence"),
            field(Columns.TEXT, StringType, false, "The token as written"),
            field(Columns.LEMMA, StringType, false, "Lemma (uses the part-of-speech tag when annotate.pos is on)"),
            field(Columns.POS, StringType, true, "Penn Treebank part-of-speech tag; null when annotate.pos is off"),
            field(
                    Columns.NER,
                    StringType,
                    true,
                    "PERSON, ORGANIZATION, LOCATION (MISC with a 4-class model) or O; null when annotate.ner is off"),
            field(
                    Columns.IS_STOP,
                    BooleanType,
                    false,
                    "On the stop-word list (a token written in capitals, such as \"US\", never is)"),
            field(Columns.BEGIN, IntegerType, false, "Character offset of the token's start in documents.text"),
            field(
                    Columns.END,
                    IntegerType,
                    false,
                    "Character offset of the token's end in documents.text (exclusive)")),
    MENTIONS(
            "mentions",
            "annotate",
            "One row per entity mention (when NER is on).",
            field(Columns.DOC_ID, StringType, false, "The document"),
            field(Columns.SENT_ID, IntegerType, false, "The sentence the mention is in"),
            field(Columns.BEGIN, IntegerType, false, "Character offset of the mention's start in documents.text"),
            field(
                    Columns.END,
                    IntegerType,
                    false,
                    "Character offset of the mention's end in documents.text (exclusive)"),
            field(
                    Columns.TEXT,
                    StringType,
                    false,
                    "The mention as written (\"Iran\", \"President Xi Jinping\", \"U.S.\")"),
            field(Columns.TYPE, StringType, false, "NER type of this mention"),
            field(
                    Columns.ENTITY_ID,
                    StringType,
                    true,
                    "The canonical entity (16 hex digits: SHA-256 of the lower-cased canonical name); joins entities"),
            field(Columns.NAME, StringType, true, "The canonical name the mention resolved to")),
    TERM_STATS(
            "term_stats",
            "terms",
            "One row per term (lower-cased lemma with a letter, stop words left out).",
            field(Columns.TERM, StringType, false, "The term"),
            field(Columns.CF, LongType, false, "Corpus frequency: occurrences in all documents"),
            field(Columns.DF, LongType, false, "Document frequency: documents containing it"),
            field(
                    Columns.IDF,
                    DoubleType,
                    false,
                    "Smoothed inverse document frequency, ln((1 + N) / (1 + df)) + 1 with N documents")),
    DOC_TERMS(
            "doc_terms",
            "terms",
            "One row per (document, term).",
            field(Columns.DOC_ID, StringType, false, "The document"),
            field(Columns.TERM, StringType, false, "The term"),
            field(Columns.TF, IntegerType, false, "Occurrences of the term in the document"),
            field(Columns.TF_IDF, DoubleType, false, "tf × idf")),
    COLLOCATIONS(
            "collocations",
            "terms",
            "One row per bigram or trigram seen at least terms.collocation-min-count times.",
            field(Columns.NGRAM, StringType, false, "The terms joined by single spaces"),
            field(Columns.N, IntegerType, false, "2 or 3"),
            field(Columns.COUNT, LongType, false, "Occurrences in the corpus"),
            field(Columns.DF, LongType, false, "Documents containing it"),
            field(
                    Columns.PMI,
                    DoubleType,
                    false,
                    "Pointwise mutual information in bits; high for exclusive phrases, also rare ones: read it with "
                            + "count"),
            field(
                    Columns.LLR,
                    DoubleType,
                    false,
                    "Dunning's log-likelihood ratio G²: grows with evidence, the best single ranking of the corpus's "
                            + "phrases")),
    DOC_KEYWORDS(
            "doc_keywords",
            "terms",
            "One row per (document, rank): the document's top terms.keywords terms by tf-idf.",
            field(Columns.DOC_ID, StringType, false, "The document"),
            field(Columns.RANK, IntegerType, false, "1 = best (ties: alphabetical)"),
            field(Columns.TERM, StringType, false, "The term"),
            field(Columns.SCORE, DoubleType, false, "Its tf-idf in the document")),
    ENTITIES(
            "entities",
            "entities",
            "One row per canonical entity.",
            field(Columns.ENTITY_ID, StringType, false, "As in mentions"),
            field(Columns.NAME, StringType, false, "Canonical name (its most used spelling)"),
            field(Columns.TYPE, StringType, false, "Majority type of its mentions (ties: alphabetical)"),
            field(
                    Columns.ALIASES,
                    createArrayType(
                            createStructType(new StructField[] {
                                field(Columns.ALIAS, StringType, false, "A surface form"),
                                field(Columns.COUNT, LongType, false, "Mentions written this way")
                            }),
                            false),
                    false,
                    "Every surface form seen, with its count, most frequent first"),
            field(Columns.MENTIONS, LongType, false, "Number of mentions"),
            field(Columns.DOCS, LongType, false, "Number of documents mentioning it")),
    ENTITY_PAIRS(
            "entity_pairs",
            "entities",
            "One row per unordered pair of distinct entities and window (entity_a < entity_b).",
            field(Columns.ENTITY_A, StringType, false, "The first entity's id"),
            field(Columns.ENTITY_B, StringType, false, "The second entity's id"),
            field(
                    Columns.WINDOW,
                    StringType,
                    false,
                    "sentence (same sentence) or document (same document); a window "
                            + "pairs at most its entities.window-max-entities (default 100) most mentioned entities"),
            field(
                    Columns.COUNT,
                    LongType,
                    false,
                    "Windows containing both; a pair counts once per window however often it is mentioned there"),
            field(Columns.DOCS, LongType, false, "Documents where they co-occur in this window"),
            field(
                    Columns.PMI,
                    DoubleType,
                    false,
                    "Pointwise mutual information in bits: how many times more often together than chance"),
            field(Columns.NPMI, DoubleType, false, "PMI normalised to [-1, 1]; 1 when they never appear apart"),
            field(
                    Columns.LLR,
                    DoubleType,
                    false,
                    "Dunning's log-likelihood G²: how surely the association is not chance (> 3.84: p < 0.05)"),
            field(
                    Columns.JACCARD,
                    DoubleType,
                    false,
                    "Share of the windows mentioning either entity that mention both"),
            field(Columns.NAME_A, StringType, false, "entity_a's name"),
            field(Columns.NAME_B, StringType, false, "entity_b's name")),
    ENTITY_GRAPH(
            "entity_graph",
            "entities",
            "One row per entity of the sentence-window co-occurrence graph.",
            field(Columns.ENTITY_ID, StringType, false, "The entity"),
            field(Columns.DEGREE, LongType, false, "Number of distinct co-occurring entities"),
            field(Columns.WEIGHTED_DEGREE, DoubleType, false, "Sum of the pair counts of its edges"),
            field(Columns.PAGERANK, DoubleType, false, "PageRank, normalised to sum 1 over all entities"),
            field(
                    Columns.COMMUNITY,
                    LongType,
                    false,
                    "Community id from weighted label propagation (the vertex id of one member)"),
            field(Columns.NAME, StringType, false, "The entity's name"),
            field(Columns.TYPE, StringType, false, "The entity's type")),
    TOPICS(
            "topics",
            "topics",
            "One row per (topic, rank).",
            field(Columns.MODEL, StringType, false, "nmf or kmeans (topics.model)"),
            field(
                    Columns.TOPIC_ID,
                    IntegerType,
                    false,
                    "0 … k-1 after a full run; append runs keep each topic's id, and topics new in a refit get ids "
                            + "above any used before"),
            field(Columns.RANK, IntegerType, false, "1 = the topic's strongest term"),
            field(Columns.TERM, StringType, false, "A term or a two-word collocation"),
            field(
                    Columns.WEIGHT,
                    DoubleType,
                    false,
                    "The term's share of the topic's weight (sums to 1 over the vocabulary)"),
            field(Columns.LABEL, StringType, false, "The topic's three top terms, comma-separated"),
            field(
                    Columns.FIRST_SEEN,
                    StringType,
                    false,
                    "The run that first had this topic, as its place in the manifest's history: \"run 1\" is the "
                            + "full run, \"run 2\" the append after it, ...; kept by append runs and by refits that "
                            + "match it"),
            field(
                    Columns.IS_NEW,
                    BooleanType,
                    false,
                    "True in the run that introduced the topic (every topic of a full run; in an append with "
                            + "--topics.refit, the topics that matched no stored one)")),
    DOC_TOPICS(
            "doc_topics",
            "topics",
            "One row per (document, topic) with weight ≥ 0.01, and always the dominant topic.",
            field(Columns.DOC_ID, StringType, false, "The document"),
            field(Columns.MODEL, StringType, false, "The topic model (nmf or kmeans)"),
            field(Columns.TOPIC_ID, IntegerType, false, "The topic"),
            field(
                    Columns.WEIGHT,
                    DoubleType,
                    false,
                    "The topic's share of the document (a document's weights sum to 1)"),
            field(
                    Columns.IS_DOMINANT,
                    BooleanType,
                    false,
                    "True for the document's largest weight (exactly one per document)")),
    CLUSTERS(
            "clusters",
            "topics",
            "One row per document.",
            field(Columns.DOC_ID, StringType, false, "The document"),
            field(
                    Columns.CLUSTER_ID,
                    IntegerType,
                    false,
                    "0 … k-1 after a full run, kept by append runs as topic ids are; -1 for documents with no "
                            + "vocabulary term or no topic weight"),
            field(Columns.LABEL, StringType, false, "The cluster's four top terms by class-based tf-idf"),
            field(Columns.DISTANCE, DoubleType, false, "Cosine distance from the document to its cluster centroid")),
    DUPLICATES(
            "duplicates",
            "topics",
            "One row per near-duplicate document.",
            field(Columns.DOC_ID, StringType, false, "The later copy"),
            field(
                    Columns.DUPLICATE_OF,
                    StringType,
                    false,
                    "The earliest document it is a near-copy of (earlier published, then smaller doc_id)"),
            field(
                    Columns.SIMILARITY,
                    DoubleType,
                    false,
                    "Jaccard similarity of the two documents' word 3-shingle sets (≥ topics.duplicate-similarity)"),
            field(Columns.OUTLET, StringType, true, "The outlet of the copy (doc_id); null when unknown"),
            field(
                    Columns.DUPLICATE_OF_OUTLET,
                    StringType,
                    true,
                    "The outlet of the earliest copy (duplicate_of); null when unknown")),
    TOPIC_TRENDS(
            "topic_trends",
            "topics",
            "One row per (period, model, topic), for documents with a known published date.",
            field(
                    Columns.PERIOD,
                    StringType,
                    false,
                    "2024-03-05 (day), 2024-W10 (ISO week), 2024-03 (month) or 2024 (year), as topics.period says"),
            field(Columns.MODEL, StringType, false, "The topic model (nmf or kmeans), or clusters"),
            field(Columns.TOPIC_ID, IntegerType, false, "Topic or cluster id"),
            field(
                    Columns.SHARE,
                    DoubleType,
                    false,
                    "Topic: mean weight over the period's documents; cluster: its share of the period's documents"),
            field(Columns.DOCS, LongType, false, "Documents of the period whose dominant topic (or cluster) this is")),
    TOPIC_METRICS(
            "topic_metrics",
            "topics",
            "One row per quality figure of the topic model or the clustering.",
            field(Columns.MODEL, StringType, false, "nmf or kmeans for the topic model, clusters for the clustering"),
            field(
                    Columns.TOPIC_ID,
                    IntegerType,
                    true,
                    "The topic or cluster the figure is about; null for figures about the whole model"),
            field(
                    Columns.METRIC,
                    StringType,
                    false,
                    "npmi, c_npmi, reconstruction_error, silhouette, mean_cosine, k, fit_docs, vocabulary, "
                            + "silhouette_at_k_<k>"),
            field(Columns.VALUE, DoubleType, false, "The figure")),
    TOPIC_MODEL(
            "state/topic_model",
            "topics",
            "State: one row per topic and per cluster of the stored topic model, with its id and weights; an append "
                    + "run scores new and changed documents with it (see topics.md, Topics across append runs).",
            field(Columns.KIND, StringType, false, "topic or cluster"),
            field(Columns.ID, IntegerType, false, "The topic_id or cluster_id it has in the tables"),
            field(
                    Columns.POSITION,
                    IntegerType,
                    false,
                    "0-based place among the model's topics (or clusters), the order in which documents are scored"),
            field(
                    Columns.FIRST_SEEN,
                    StringType,
                    false,
                    "The run that first had it, as its place in the manifest's history (\"run 1\" = the full run)"),
            field(
                    Columns.TERMS,
                    createArrayType(StringType, false),
                    true,
                    "The vocabulary terms its weights are over (non-zero weights only, in vocabulary order); null "
                            + "for clusters of topic mixtures"),
            field(
                    Columns.WEIGHTS,
                    createArrayType(DoubleType, false),
                    false,
                    "Topic: each term's weight in the fitted factor (NMF) or centroid (kmeans); cluster: its "
                            + "centroid over terms, or (clusters of topic mixtures) over the topics in "
                            + "position order")),
    TOPIC_VOCABULARY(
            "state/topic_vocabulary",
            "topics",
            "State: one row per term of the stored topic model's vocabulary, with the idf documents are weighted by.",
            field(Columns.TERM, StringType, false, "A term or a two-word collocation"),
            field(
                    Columns.POSITION,
                    IntegerType,
                    false,
                    "0-based index of the term in the model (terms in sorted order)"),
            field(Columns.DF, LongType, false, "Fitting documents containing it when the model was fitted"),
            field(Columns.IDF, DoubleType, false, "ln((1 + N) / (1 + df)) + 1 with N the fitting documents"),
            field(
                    Columns.IS_COLLOCATION,
                    BooleanType,
                    false,
                    "A two-word collocation, counted where its two words stand next to each other")),
    TOPIC_MODEL_INFO(
            "state/topic_model_info",
            "topics",
            "State: one row per fact about the stored topic model: the topics.* settings it was fitted with, and "
                    + "model, clusters_on_mixtures, documents, fitted_in, last_topic_id, last_cluster_id.",
            field(Columns.KEY, StringType, false, "A setting (topics.k, ...) or a fact's name"),
            field(
                    Columns.VALUE,
                    StringType,
                    false,
                    "Its value as text: fitted_in is the run id of the fit; last_topic_id and last_cluster_id are "
                            + "the largest ids ever used (-1 for none), so a new topic never takes an old id")),
    STATE_TOPIC_SCORES(
            "state/topic_scores",
            "topics",
            "State: every document's scores under the stored topic model; an append run that keeps the model scores "
                    + "only documents not listed here with the same content_sha (a refit scores every document).",
            field(Columns.DOC_ID, StringType, false, "The document (one with a vocabulary term)"),
            contentSha(),
            field(Columns.CLUSTER_ID, IntegerType, false, "Its cluster id (-1: no topic weight)"),
            field(Columns.DISTANCE, DoubleType, false, "Cosine distance to its cluster's centroid"),
            field(
                    Columns.WEIGHTS,
                    createArrayType(DoubleType, false),
                    false,
                    "Its weight on each topic, by the model's topic position"),
            field(
                    Columns.DOMINANT,
                    IntegerType,
                    false,
                    "The model position of its dominant topic; -1 when no topic has weight")),
    STATE_TOPIC_CLUSTER_TERMS(
            "state/topic_cluster_terms",
            "topics",
            "State: each cluster's vocabulary term counts, summed over its documents, from which the cluster labels are "
                    + "worked out; an append run that keeps the model adds the counts of the documents it scores and "
                    + "takes away those of the documents gone since, instead of counting every document again.",
            field(Columns.CLUSTER_ID, IntegerType, false, "The cluster"),
            field(Columns.TERM, StringType, false, "A vocabulary term"),
            field(Columns.TF, LongType, false, "Its occurrences in the cluster's documents (at least 1)")),
    STATE_TOPIC_COHERENCE_COUNTS(
            "state/topic_coherence_counts",
            "topics",
            "State: the sliding-window counts behind the NPMI coherence of the topics and clusters; an append run that "
                    + "keeps the model and needs no other key adds the counts of the documents it scores and takes away "
                    + "those of the documents gone since, instead of reading every document again.",
            field(
                    "key",
                    StringType,
                    false,
                    "A top term; two top terms joined by U+0001 (a pair); U+0000 followed by 'windows' for the number "
                            + "of windows"),
            field("n", LongType, false, "Windows holding it (0 when none does)")),
    ENTITY_TRENDS(
            "entity_trends",
            "trends",
            "One row per (period, entity) for the periods in which the entity is mentioned; dated documents only.",
            field(
                    Columns.PERIOD,
                    StringType,
                    false,
                    "2024-03-05 (day), 2024-W10 (ISO week) or 2024-03 (month), as trends.period says"),
            field(Columns.PERIOD_START, DateType, false, "The period's first day"),
            field(Columns.PERIOD_END, DateType, false, "The period's last day"),
            field(Columns.ENTITY_ID, StringType, false, "The entity (entities.entity_id)"),
            field(Columns.NAME, StringType, false, "The entity's canonical name"),
            field(Columns.MENTIONS, LongType, false, "Mentions of the entity in the period's documents"),
            field(
                    Columns.DOCS,
                    LongType,
                    false,
                    "The period's documents that mention the entity (the count the burst test uses)"),
            field(
                    Columns.PERIOD_DOCS,
                    LongType,
                    false,
                    "The period's dated documents (near-duplicates once per story, as trends.duplicates-once says)"),
            field(Columns.SHARE, DoubleType, false, "docs / period_docs"),
            field(
                    Columns.EXPECTED,
                    DoubleType,
                    true,
                    "Documents expected at the entity's rate in its trailing history "
                            + "(period_docs × history_docs / history_period_docs); null without history"),
            field(
                    Columns.HISTORY_DOCS,
                    LongType,
                    false,
                    "The entity's documents in the trailing history (the trends.history periods before this one)"),
            field(Columns.HISTORY_PERIOD_DOCS, LongType, false, "All dated documents in the trailing history"),
            field(
                    Columns.P_VALUE,
                    DoubleType,
                    true,
                    "One-sided p-value of the burst test (this period's rate above the history's); null without history"),
            field(
                    Columns.Q_VALUE,
                    DoubleType,
                    true,
                    "Benjamini-Hochberg adjusted p-value over all tested (period, entity) rows; null without history"),
            field(Columns.BURST_SCORE, DoubleType, false, "−log10(p_value); 0 without history"),
            field(
                    Columns.IS_BURST,
                    BooleanType,
                    false,
                    "q_value ≤ trends.fdr, docs ≥ trends.min-burst-docs and docs above expected"),
            field(
                    Columns.IS_NEW,
                    BooleanType,
                    false,
                    "The entity is mentioned in no earlier period (false in the first period)")),
    PAIR_TRENDS(
            "pair_trends",
            "trends",
            "One row per (period, pair) for the sentence-window pairs of entity_pairs, in the periods where they meet.",
            field(Columns.PERIOD, StringType, false, "The period's label, as in entity_trends"),
            field(Columns.PERIOD_START, DateType, false, "The period's first day"),
            field(Columns.PERIOD_END, DateType, false, "The period's last day"),
            field(
                    Columns.ENTITY_A,
                    StringType,
                    false,
                    "The pair's first entity (entity_a < entity_b), as in entity_pairs"),
            field(Columns.ENTITY_B, StringType, false, "The pair's second entity"),
            field(Columns.NAME_A, StringType, false, "entity_a's canonical name"),
            field(Columns.NAME_B, StringType, false, "entity_b's canonical name"),
            field(Columns.COUNT, LongType, false, "Sentences of the period that name both"),
            field(
                    Columns.DOCS,
                    LongType,
                    false,
                    "The period's documents with such a sentence (the count the burst test uses)"),
            field(Columns.PERIOD_DOCS, LongType, false, "The period's dated documents, as in entity_trends"),
            field(
                    Columns.EXPECTED,
                    DoubleType,
                    true,
                    "Documents expected at the pair's rate in its trailing history; null without history"),
            field(Columns.HISTORY_DOCS, LongType, false, "The pair's documents in the trailing history"),
            field(Columns.HISTORY_PERIOD_DOCS, LongType, false, "All dated documents in the trailing history"),
            field(Columns.P_VALUE, DoubleType, true, "One-sided p-value of the burst test; null without history"),
            field(
                    Columns.Q_VALUE,
                    DoubleType,
                    true,
                    "Benjamini-Hochberg adjusted p-value over all tested (period, pair) rows; null without history"),
            field(Columns.BURST_SCORE, DoubleType, false, "−log10(p_value); 0 without history"),
            field(
                    Columns.IS_BURST,
                    BooleanType,
                    false,
                    "q_value ≤ trends.fdr, docs ≥ trends.min-burst-docs and docs above expected"),
            field(
                    Columns.IS_NEW,
                    BooleanType,
                    false,
                    "The two never met in a sentence of an earlier period (false in the first period)")),
    KEYNESS(
            "keyness",
            "trends",
            "One row per (grouping, group, kind, term) used at least trends.keyness-min-count times in the group.",
            field(
                    Columns.GROUPING,
                    StringType,
                    false,
                    "outlet (this outlet against all others) or period (this period against all earlier ones)"),
            field(Columns.GROUP, StringType, false, "The outlet's name or the period's label"),
            field(Columns.KIND, StringType, false, "term (a term of doc_terms) or entity"),
            field(Columns.TERM, StringType, false, "The term, or the entity's canonical name"),
            field(Columns.ENTITY_ID, StringType, true, "The entity; null for terms"),
            field(Columns.COUNT_IN, LongType, false, "Occurrences in the group"),
            field(
                    Columns.COUNT_OUT,
                    LongType,
                    false,
                    "Occurrences in the reference (the other outlets, or the earlier periods)"),
            field(
                    Columns.TOTAL_IN,
                    LongType,
                    false,
                    "All occurrences of this kind (terms, or entity mentions) in the group"),
            field(Columns.TOTAL_OUT, LongType, false, "All occurrences of this kind in the reference"),
            field(
                    Columns.G2,
                    DoubleType,
                    false,
                    "Dunning log-likelihood G² of the 2x2 table; positive when the group uses it more than the "
                            + "reference, negative when less"),
            field(Columns.P_VALUE, DoubleType, false, "P(χ² with 1 degree of freedom ≥ |g2|)"),
            field(
                    Columns.LOG_RATIO,
                    DoubleType,
                    false,
                    "log2 of the relative frequency in the group over that in the reference (a zero count as 0.5)")),
    STATE_INPUTS(
            "state/inputs",
            "ingest",
            "Append state: every input the output holds, as read and parsed before the corpus-level cleaning (one "
                    + "row per text file, record, or input that could not be read). An append run replaces the rows of "
                    + "each input it reads again, keeps the others, and cleans the union as a full run would.",
            field(Columns.SOURCE_URI, StringType, false, "The input's file (full Hadoop URI)"),
            field(
                    Columns.FORMAT,
                    StringType,
                    false,
                    "text, markdown, json, csv, parquet, or listing for a reject found while listing"),
            field(Columns.DOC_ID, StringType, true, "The document id it gets when kept; null for a reject"),
            field(Columns.TITLE, StringType, true, "The headline or record title found"),
            field(Columns.PUBLISHED, StringType, true, "Publication date as ISO text; null when unknown"),
            field(Columns.OUTLET, StringType, true, "The publication; null when unknown"),
            field(Columns.URL, StringType, true, "The record's url"),
            field(
                    Columns.LINES,
                    createArrayType(StringType, false),
                    true,
                    "The body lines before corpus-boilerplate removal"),
            field(
                    Columns.LINE_KEYS,
                    createArrayType(LongType, false),
                    true,
                    "One key per line for finding lines repeated across documents (0: never boilerplate)"),
            field(Columns.REJECT, StringType, true, "The reject reason when the input could not be read; else null"),
            field(Columns.DETAIL, StringType, true, "What exactly was wrong, for a reject"),
            field(Columns.WARNING, StringType, true, "A warning kept with a document (its text was truncated)")),
    STATE_BOILERPLATE_LINES(
            "state/boilerplate_lines",
            "ingest",
            "Append state: the lines removed from the documents as corpus boilerplate, by key. An append run that reads "
                    + "no earlier input again and finds the same boilerplate keeps every earlier document as it was and "
                    + "writes only the new ones.",
            field(
                    Columns.LINE_KEY,
                    LongType,
                    false,
                    "The key of a line removed as corpus boilerplate (see line_keys)")),
    STATE_TERM_COUNTS(
            "state/term_counts",
            "terms",
            "Append state: every term (stop words included) and every n-gram the collocation scores need, with its "
                    + "occurrences and documents over the whole corpus; an append run adds the new documents' counts and "
                    + "takes away those of replaced ones instead of counting every sentence again.",
            field(Columns.NGRAM, StringType, false, "The term, or the n-gram's terms joined by single spaces"),
            field(Columns.N, IntegerType, false, "1 for a term, 2 or 3 for an n-gram"),
            field(
                    Columns.CANDIDATE,
                    BooleanType,
                    false,
                    "Whether the n-gram may be a collocation (neither starts nor ends with a stop word)"),
            field(Columns.COUNT, LongType, false, "Occurrences in the corpus"),
            field(Columns.DF, LongType, false, "Documents containing it")),
    STATE_TERM_COUNTS_DOCUMENTS(
            "state/term_counts_documents",
            "terms",
            "Append state: the documents state/term_counts and doc_terms were counted from; an append run counts only "
                    + "the documents not listed here with the same content_sha, and takes away the listed ones that are "
                    + "gone or changed.",
            field(Columns.DOC_ID, StringType, false, "The document"),
            contentSha()),
    STATE_DUPLICATE_SIGNATURES(
            "state/duplicate_signatures",
            "topics",
            "Append state: each document's hashed shingles and LSH band keys for the near-duplicate search; an append "
                    + "run computes them only for documents not listed here with the same content_sha and banding.",
            field(Columns.DOC_ID, StringType, false, "The document"),
            contentSha(),
            field(
                    Columns.SHINGLES,
                    createArrayType(IntegerType, false),
                    false,
                    "Its distinct word 3-shingles, hashed (Murmur3, 30 bits), ascending"),
            field(
                    Columns.BAND_KEYS,
                    createArrayType(LongType, false),
                    false,
                    "One key per band of its MinHash signature; documents sharing a key are compared"),
            field(
                    Columns.LSH,
                    StringType,
                    false,
                    "The banding and seed the keys were made with (e.g. 9x5 seed 42); keys made otherwise are not reused")),
    STATE_UNLINKED_MENTIONS(
            "state/unlinked_mentions",
            "annotate",
            "Append state: every mention as the NLP pass found it in its document, before the corpus-level linking of "
                    + "short names; an append run links these again over the whole corpus without a new NLP pass.",
            field(Columns.DOC_ID, StringType, false, "The document"),
            field(Columns.SENT_ID, IntegerType, false, "The sentence the mention is in"),
            field(Columns.BEGIN, IntegerType, false, "Character offset of the mention's start in documents.text"),
            field(Columns.END, IntegerType, false, "Character offset of the mention's end (exclusive)"),
            field(Columns.TEXT, StringType, false, "The mention as written"),
            field(Columns.TYPE, StringType, false, "NER type of this mention"),
            field(Columns.NAME, StringType, false, "The name the mention resolved to within its own document"),
            field(
                    Columns.LINK_KEY,
                    StringType,
                    true,
                    "Key of an unresolved short form (a bare surname, an undefined acronym) for corpus-level linking"),
            field(
                    Columns.OFFERS,
                    createArrayType(StringType, false),
                    false,
                    "The keys under which this mention's full name offers itself to short forms elsewhere")),
    STATE_KEYNESS_TERM_CELLS(
            "state/keyness_term_cells",
            "trends",
            "Append state: each term's occurrences in each group of documents keyness compares (the documents with "
                    + "one outlet and period), over the documents of state/keyness_documents; an append run adds the "
                    + "counts of new and changed documents and takes away those of documents gone or changed instead "
                    + "of summing every document's terms again.",
            field(Columns.FEATURE, StringType, false, "The term"),
            field(
                    Columns.OUTLET,
                    StringType,
                    true,
                    "The group's outlet; null for documents the outlet grouping leaves out (no outlet known, or a "
                            + "later copy of a story the outlet already carried)"),
            field(
                    Columns.PERIOD_INDEX,
                    LongType,
                    true,
                    "The group's period, numbered in trends.period's unit (days since 1970-01-01, weeks since "
                            + "Monday 1970-01-05, or year × 12 + month − 1); null for documents the period "
                            + "grouping leaves out (undated, or a later copy of a story)"),
            field(Columns.N, LongType, false, "The term's occurrences in the group's documents")),
    STATE_KEYNESS_DOCUMENTS(
            "state/keyness_documents",
            "trends",
            "Append state: the documents state/keyness_term_cells counts, each with the groups it counts in and "
                    + "the text its terms were counted from; an "
                    + "append run counts the documents not listed here with the same text and groups, and takes "
                    + "away the listed ones that are gone or changed.",
            field(Columns.DOC_ID, StringType, false, "The document"),
            contentSha(),
            field(Columns.OUTLET, StringType, true, "The outlet it counts for; null when it counts for none"),
            field(Columns.PERIOD_INDEX, LongType, true, "The period it counts in; null when it counts in none"));

    private final String tableName;
    private final String producer;
    private final String description;
    private final StructType schema;

    Table(String tableName, String producer, String description, StructField... fields) {
        this.tableName = tableName;
        this.producer = producer;
        this.description = description;
        this.schema = createStructType(fields);
    }

    /**
     * A column with its one-line meaning. The meaning is kept as the field's comment (its metadata), which the
     * schema check ignores (it compares names and types) and the reference pages print.
     */
    /** The content_sha column of an append state table: the text its rows were made from (see DocumentText). */
    private static StructField contentSha() {
        return field(Columns.CONTENT_SHA, StringType, false, "Its cleaned text's SHA-256, as in documents");
    }

    private static StructField field(String name, DataType type, boolean nullable, String description) {
        return createStructField(name, type, nullable).withComment(description);
    }

    /** Folder name under the output root. */
    public String tableName() {
        return tableName;
    }

    /** The job that writes this table. */
    public String producer() {
        return producer;
    }

    /** What one row of the table is, in one line. */
    public String description() {
        return description;
    }

    /** The one-line meaning of a column (also of a field nested in a column's struct). */
    public static String description(StructField column) {
        return column.getComment().getOrElse(() -> "");
    }

    public StructType schema() {
        return schema;
    }

    public String[] columns() {
        return schema.fieldNames();
    }

    public static Table byName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.tableName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No table named " + name));
    }
}
