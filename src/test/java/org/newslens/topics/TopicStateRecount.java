package org.newslens.topics;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newslens.io.Columns;
import org.newslens.io.Table;
import org.newslens.io.TableStore;

/** For tests elsewhere: the topics' append state of an output, and the same counted again from every document. */
public final class TopicStateRecount {
    private TopicStateRecount() {}

    /**
     * (cluster_id, term, tf) rows as strings, sorted: the bags of words of every document (from its sentences,
     * with the stored model's collocations), limited to the stored vocabulary and summed per cluster of the
     * clusters table.
     */
    public static List<String> clusterTerms(SparkSession spark, String output) {
        TableStore tables = new TableStore(spark, output, "read");
        StoredModel model = StoredModel.read(tables).orElseThrow();
        Dataset<Row> bags = TermVectors.bags(spark, TopicsJob.documentsWithSentences(tables), model.collocations());
        Dataset<Row> assignment = tables.read(Table.CLUSTERS, "test").select(Columns.DOC_ID, Columns.CLUSTER_ID);
        return rows(ClusterLabels.termSums(bags, assignment, model.vocabulary(), spark));
    }

    /** The stored state/topic_cluster_terms rows as strings, sorted. */
    public static List<String> storedClusterTerms(SparkSession spark, String output) {
        return rows(new TableStore(spark, output, "read").read(Table.STATE_TOPIC_CLUSTER_TERMS, "test"));
    }

    /** The stored state/topic_coherence_counts: key to windows. */
    public static Map<String, Long> storedCoherence(SparkSession spark, String output) {
        Map<String, Long> stored = new TreeMap<>();
        new TableStore(spark, output, "read")
                .read(Table.STATE_TOPIC_COHERENCE_COUNTS, "test")
                .collectAsList()
                .forEach(r -> stored.put(r.getString(0), r.getLong(1)));
        return stored;
    }

    /** The windows of each stored coherence key, counted again over every document's content terms. */
    public static Map<String, Long> coherence(SparkSession spark, String output) {
        Set<String> keys = storedCoherence(spark, output).keySet();
        Set<String> terms = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        keys.forEach(k -> (k.contains("\u0001") ? pairs : terms).add(k));
        Map<String, Long> counts = CoherencePass.count(
                TopicsJob.documentsWithSentences(new TableStore(spark, output, "read")), terms, pairs);
        Map<String, Long> recounted = new TreeMap<>();
        keys.forEach(k -> recounted.put(k, counts.getOrDefault(k, 0L)));
        return recounted;
    }

    /** The duplicates table of an output: (doc_id, duplicate_of, similarity) rows as strings, sorted. */
    public static List<String> storedDuplicates(SparkSession spark, String output) {
        return sorted(new TableStore(spark, output, "read")
                .read(Table.DUPLICATES, "test")
                .select(Columns.DOC_ID, Columns.DUPLICATE_OF, Columns.SIMILARITY));
    }

    /** The same, found again by a search of every document from scratch with the default threshold, cap and seed. */
    public static List<String> duplicates(SparkSession spark, String output) {
        NearDuplicates.Result found = NearDuplicates.find(
                TopicsJob.documentsWithSentences(new TableStore(spark, output, "read")),
                Optional.empty(),
                TopicsSettings.DUPLICATE_SIMILARITY.defaultValue(),
                TopicsSettings.DUPLICATE_MAX_BUCKET.defaultValue(),
                TopicsSettings.SEED.defaultValue());
        try {
            return sorted(found.duplicates());
        } finally {
            found.release();
        }
    }

    private static List<String> sorted(Dataset<Row> rows) {
        return rows.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static List<String> rows(Dataset<Row> termSums) {
        return sorted(termSums.select(Columns.CLUSTER_ID, Columns.TERM, Columns.TF));
    }
}
