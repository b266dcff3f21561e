package org.newslens.topics;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.newslens.config.Setting;
import org.newslens.config.Settings;
import org.newslens.io.Columns;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.topics.model.FittedModels;
import org.newslens.topics.model.Nmf;
import org.newslens.topics.model.Vocabulary;

/**
 * The topic model an output keeps from run to run, in three state tables: {@code state/topic_vocabulary} (terms
 * with their idf), {@code state/topic_model} (each topic's and cluster's id, first run and weights) and
 * {@code state/topic_model_info} (the settings it was fitted with and a few facts). Doubles go through Parquet
 * unchanged, so the model read back scores every document exactly as the fitted one did. {@code models} is null
 * when the run that stored it had no document with a vocabulary term (nothing was fitted).
 */
record StoredModel(
        Vocabulary vocabulary,
        Set<String> collocations,
        FittedModels models,
        ModelIds topics,
        ModelIds clusters,
        Map<String, String> info) {
    static final String TOPIC = "topic";
    static final String CLUSTER = "cluster";
    static final String MODEL = "model";
    static final String CLUSTERS_ON_MIXTURES = "clusters_on_mixtures";
    static final String DOCUMENTS = "documents";
    static final String FITTED_IN = "fitted_in";
    static final String LAST_TOPIC_ID = "last_topic_id";
    static final String LAST_CLUSTER_ID = "last_cluster_id";

    /**
     * What to store after a fit (or after scoring with a kept model): the defining settings asked for, then the
     * facts. {@code lastTopicId} and {@code lastClusterId} are the largest ids used before this run (-1 for none).
     */
    static StoredModel of(
            Vocabulary vocabulary,
            Set<String> collocations,
            FittedModels models,
            ModelIds topics,
            ModelIds clusters,
            Settings settings,
            String fittedIn,
            int lastTopicId,
            int lastClusterId) {
        Map<String, String> info = new LinkedHashMap<>();
        for (Setting<?> setting : TopicsSettings.defining()) {
            info.put(setting.key(), String.valueOf(settings.get(setting)));
        }
        info.put(MODEL, settings.get(TopicsSettings.MODEL));
        info.put(CLUSTERS_ON_MIXTURES, String.valueOf(models != null && models.clustersOnMixtures()));
        info.put(DOCUMENTS, String.valueOf(vocabulary.documents()));
        info.put(FITTED_IN, fittedIn);
        info.put(LAST_TOPIC_ID, String.valueOf(Math.max(lastTopicId, topics.last())));
        info.put(LAST_CLUSTER_ID, String.valueOf(Math.max(lastClusterId, clusters.last())));
        Set<String> used = new LinkedHashSet<>();
        vocabulary.terms().stream().filter(collocations::contains).forEach(used::add);
        return new StoredModel(vocabulary, used, models, topics, clusters, info);
    }

    boolean hasModel() {
        return models != null && topics.size() > 0;
    }

    String fittedIn() {
        return info.get(FITTED_IN);
    }

    int lastTopicId() {
        return Integer.parseInt(info.getOrDefault(LAST_TOPIC_ID, "-1"));
    }

    int lastClusterId() {
        return Integer.parseInt(info.getOrDefault(LAST_CLUSTER_ID, "-1"));
    }

    /**
     * The defining settings whose asked value differs from the stored one, each as "key: stored X, asked Y"; empty
     * when they agree (or nothing was stored).
     */
    static List<String> differences(Map<String, String> storedInfo, Settings asked) {
        List<String> differences = new ArrayList<>();
        for (Setting<?> setting : TopicsSettings.defining()) {
            String stored = storedInfo.get(setting.key());
            String wanted = String.valueOf(asked.get(setting));
            if (stored != null && !stored.equalsIgnoreCase(wanted)) {
                differences.add("--" + setting.key() + ": the stored model was fitted with " + stored
                        + ", this run asks for " + wanted);
            }
        }
        return differences;
    }

    /** The model the current run stored, if it stored one (an output written before models were kept has none). */
    static Optional<StoredModel> read(TableStore tables) {
        if (!tables.exists(Table.TOPIC_MODEL_INFO)) {
            return Optional.empty();
        }
        Map<String, String> info = new LinkedHashMap<>();
        tables.read(Table.TOPIC_MODEL_INFO, "topics")
                .collectAsList()
                .forEach(r -> info.put(r.getAs(Columns.KEY), r.getAs(Columns.VALUE)));
        if (info.isEmpty()) {
            return Optional.empty(); // written empty by a run without documents
        }
        List<String> terms = new ArrayList<>();
        List<Long> dfs = new ArrayList<>();
        List<Double> idfs = new ArrayList<>();
        Set<String> collocations = new LinkedHashSet<>();
        for (Row row : tables.read(Table.TOPIC_VOCABULARY, "topics")
                .orderBy(Columns.POSITION)
                .collectAsList()) {
            String term = row.getAs(Columns.TERM);
            terms.add(term);
            dfs.add(row.getAs(Columns.DF));
            idfs.add(row.getAs(Columns.IDF));
            if (row.<Boolean>getAs(Columns.IS_COLLOCATION)) {
                collocations.add(term);
            }
        }
        long[] df = dfs.stream().mapToLong(Long::longValue).toArray();
        double[] idf = idfs.stream().mapToDouble(Double::doubleValue).toArray();
        Vocabulary vocabulary = new Vocabulary(terms, df, idf, Long.parseLong(info.get(DOCUMENTS)));
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < terms.size(); j++) {
            index.put(terms.get(j), j);
        }
        List<Row> topicRows = components(tables, TOPIC);
        List<Row> clusterRows = components(tables, CLUSTER);
        ModelIds topicIds = ids(topicRows);
        ModelIds clusterIds = ids(clusterRows);
        FittedModels models = null;
        if (!topicRows.isEmpty()) {
            boolean onMixtures = Boolean.parseBoolean(info.get(CLUSTERS_ON_MIXTURES));
            double[][] topics = dense(topicRows, index, terms.size());
            double[][] centroids =
                    onMixtures ? dense(clusterRows, null, topicRows.size()) : dense(clusterRows, index, terms.size());
            models = new FittedModels(info.get(MODEL), centroids, onMixtures, topics, Nmf.gram(topics));
        }
        return Optional.of(new StoredModel(vocabulary, collocations, models, topicIds, clusterIds, info));
    }

    private static List<Row> components(TableStore tables, String kind) {
        return tables.read(Table.TOPIC_MODEL, "topics")
                .filter(col(Columns.KIND).equalTo(kind))
                .orderBy(Columns.POSITION)
                .collectAsList();
    }

    private static ModelIds ids(List<Row> rows) {
        int[] ids = new int[rows.size()];
        String[] seen = new String[rows.size()];
        for (int p = 0; p < rows.size(); p++) {
            ids[p] = rows.get(p).getAs(Columns.ID);
            seen[p] = rows.get(p).getAs(Columns.FIRST_SEEN);
        }
        return new ModelIds(ids, seen);
    }

    /** Dense weight vectors from the rows' (terms, weights); with no term index the weights are dense already. */
    private static double[][] dense(List<Row> rows, Map<String, Integer> index, int dim) {
        double[][] vectors = new double[rows.size()][dim];
        for (int p = 0; p < rows.size(); p++) {
            Row row = rows.get(p);
            List<Double> weights = row.getList(row.fieldIndex(Columns.WEIGHTS));
            if (index == null) {
                for (int j = 0; j < weights.size(); j++) {
                    vectors[p][j] = weights.get(j);
                }
            } else {
                List<String> terms = row.getList(row.fieldIndex(Columns.TERMS));
                for (int i = 0; i < terms.size(); i++) {
                    vectors[p][index.get(terms.get(i))] = weights.get(i);
                }
            }
        }
        return vectors;
    }

    /** Writes the three state tables into this run's folder. */
    void write(TableStore tables, SparkSession spark) {
        List<Row> vocabularyRows = new ArrayList<>();
        for (int j = 0; j < vocabulary.size(); j++) {
            String term = vocabulary.terms().get(j);
            vocabularyRows.add(
                    RowFactory.create(term, j, vocabulary.df()[j], vocabulary.idf()[j], collocations.contains(term)));
        }
        List<Row> componentRows = new ArrayList<>();
        if (models != null) {
            for (int p = 0; p < topics.size(); p++) {
                componentRows.add(component(TOPIC, topics, p, models.topics()[p]));
            }
            for (int c = 0; c < clusters.size(); c++) {
                componentRows.add(component(CLUSTER, clusters, c, models.centroids()[c]));
            }
        }
        List<Row> infoRows = new ArrayList<>();
        info.forEach((key, value) -> infoRows.add(RowFactory.create(key, value)));
        tables.write(Table.TOPIC_VOCABULARY, spark.createDataFrame(vocabularyRows, Table.TOPIC_VOCABULARY.schema()));
        tables.write(Table.TOPIC_MODEL, spark.createDataFrame(componentRows, Table.TOPIC_MODEL.schema()));
        tables.write(Table.TOPIC_MODEL_INFO, spark.createDataFrame(infoRows, Table.TOPIC_MODEL_INFO.schema()));
    }

    /** A topic's (or term-space cluster's) non-zero weights with their terms; a mixture cluster's dense weights. */
    private Row component(String kind, ModelIds ids, int position, double[] weights) {
        boolean overTopics = kind.equals(CLUSTER) && models.clustersOnMixtures();
        List<String> terms = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int j = 0; j < weights.length; j++) {
            if (overTopics || weights[j] != 0) {
                values.add(weights[j]);
                if (!overTopics) {
                    terms.add(vocabulary.terms().get(j));
                }
            }
        }
        return RowFactory.create(
                kind, ids.id(position), position, ids.firstSeen()[position], overTopics ? null : terms, values);
    }
}
