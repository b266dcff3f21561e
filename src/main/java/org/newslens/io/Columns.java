package org.newslens.io;

/**
 * The column names of the output tables, declared once next to their schemas in {@link Table}. Code names
 * columns with these constants and reads rows by name, so a column's position in a schema can change
 * without breaking a reader.
 */
public final class Columns {
    private Columns() {}

    public static final String DOC_ID = "doc_id";
    public static final String SOURCE_URI = "source_uri";
    public static final String TITLE = "title";
    public static final String PUBLISHED = "published";
    public static final String OUTLET = "outlet";
    public static final String URL = "url";
    public static final String TEXT = "text";
    public static final String N_CHARS = "n_chars";
    public static final String N_TOKENS = "n_tokens";
    public static final String CONTENT_SHA = "content_sha";
    public static final String REASON = "reason";
    public static final String DETAIL = "detail";
    public static final String SENT_ID = "sent_id";
    public static final String BEGIN = "begin";
    public static final String END = "end";
    public static final String TERMS = "terms";
    public static final String TOK_ID = "tok_id";
    public static final String LEMMA = "lemma";
    public static final String POS = "pos";
    public static final String NER = "ner";
    public static final String IS_STOP = "is_stop";
    public static final String TYPE = "type";
    public static final String ENTITY_ID = "entity_id";
    public static final String NAME = "name";
    public static final String TERM = "term";
    public static final String CF = "cf";
    public static final String DF = "df";
    public static final String IDF = "idf";
    public static final String TF = "tf";
    public static final String TF_IDF = "tf_idf";
    public static final String NGRAM = "ngram";
    public static final String N = "n";
    public static final String COUNT = "count";
    public static final String CANDIDATE = "candidate";
    public static final String SHINGLES = "shingles";
    public static final String BAND_KEYS = "band_keys";
    public static final String LSH = "lsh";
    public static final String PMI = "pmi";
    public static final String LLR = "llr";
    public static final String RANK = "rank";
    public static final String SCORE = "score";
    public static final String ALIASES = "aliases";
    public static final String ALIAS = "alias";
    public static final String MENTIONS = "mentions";
    public static final String DOCS = "docs";
    public static final String ENTITY_A = "entity_a";
    public static final String ENTITY_B = "entity_b";
    public static final String WINDOW = "window";
    public static final String NPMI = "npmi";
    public static final String JACCARD = "jaccard";
    public static final String NAME_A = "name_a";
    public static final String NAME_B = "name_b";
    public static final String DEGREE = "degree";
    public static final String WEIGHTED_DEGREE = "weighted_degree";
    public static final String PAGERANK = "pagerank";
    public static final String COMMUNITY = "community";
    public static final String MODEL = "model";
    public static final String TOPIC_ID = "topic_id";
    public static final String WEIGHT = "weight";
    public static final String LABEL = "label";
    public static final String IS_DOMINANT = "is_dominant";
    public static final String CLUSTER_ID = "cluster_id";
    public static final String DISTANCE = "distance";
    public static final String DUPLICATE_OF = "duplicate_of";
    public static final String SIMILARITY = "similarity";
    public static final String DUPLICATE_OF_OUTLET = "duplicate_of_outlet";
    public static final String PERIOD = "period";
    public static final String SHARE = "share";
    public static final String METRIC = "metric";
    public static final String VALUE = "value";
    public static final String PERIOD_START = "period_start";
    public static final String PERIOD_END = "period_end";
    public static final String PERIOD_DOCS = "period_docs";
    public static final String EXPECTED = "expected";
    public static final String HISTORY_DOCS = "history_docs";
    public static final String HISTORY_PERIOD_DOCS = "history_period_docs";
    public static final String P_VALUE = "p_value";
    public static final String Q_VALUE = "q_value";
    public static final String BURST_SCORE = "burst_score";
    public static final String IS_BURST = "is_burst";
    public static final String IS_NEW = "is_new";
    public static final String GROUPING = "grouping";
    public static final String GROUP = "group";
    public static final String KIND = "kind";
    public static final String FEATURE = "feature";
    public static final String PERIOD_INDEX = "period_index";
    public static final String COUNT_IN = "count_in";
    public static final String COUNT_OUT = "count_out";
    public static final String TOTAL_IN = "total_in";
    public static final String TOTAL_OUT = "total_out";
    public static final String G2 = "g2";
    public static final String LOG_RATIO = "log_ratio";

    // Columns of the append state tables (state/...).
    public static final String FORMAT = "format";
    public static final String LINES = "lines";
    public static final String LINE_KEYS = "line_keys";
    public static final String LINE_KEY = "line_key";
    public static final String REJECT = "reject";
    public static final String WARNING = "warning";
    public static final String LINK_KEY = "link_key";
    public static final String OFFERS = "offers";

    // Columns of the topic model state tables (state/topic_*).
    public static final String FIRST_SEEN = "first_seen";
    public static final String ID = "id";
    public static final String POSITION = "position";
    public static final String WEIGHTS = "weights";
    public static final String DOMINANT = "dominant";
    public static final String IS_COLLOCATION = "is_collocation";
    public static final String KEY = "key";
}
