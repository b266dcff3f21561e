package org.newslens.topics;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newslens.io.Columns;
import org.newslens.io.Table;
import org.newslens.io.TableStore;

/** For tests elsewhere: the clusters' term counts of an output, counted again from every document it holds. */
public final class ClusterTermRecount {
    private ClusterTermRecount() {}

    /**
     * (cluster_id, term, tf) rows as strings, sorted: the bags of words of every document (from its sentences,
     * with the stored model's collocations), limited to the stored vocabulary and summed per cluster of the
     * clusters table.
     */
    public static List<String> recount(SparkSession spark, String output) {
        TableStore tables = new TableStore(spark, output, "read");
        StoredModel model = StoredModel.read(tables).orElseThrow();
        Dataset<Row> bags = TermVectors.bags(spark, TopicsJob.documentsWithSentences(tables), model.collocations());
        Dataset<Row> assignment = tables.read(Table.CLUSTERS, "test").select(Columns.DOC_ID, Columns.CLUSTER_ID);
        return rows(ClusterLabels.termSums(bags, assignment, model.vocabulary(), spark));
    }

    /** The stored state/topic_cluster_terms rows as strings, sorted. */
    public static List<String> stored(SparkSession spark, String output) {
        return rows(new TableStore(spark, output, "read").read(Table.STATE_TOPIC_CLUSTER_TERMS, "test"));
    }

    private static List<String> rows(Dataset<Row> termSums) {
        return termSums.select(Columns.CLUSTER_ID, Columns.TERM, Columns.TF).collectAsList().stream()
                .map(Row::toString)
                .sorted()
                .toList();
    }
}
