package org.newslens.topics;

import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.io.Table;
import org.newslens.topics.model.Coherence;
import org.newslens.topics.model.DocTerms;

/** One pass over the corpus counting the sliding windows {@link Coherence} needs; integer sums only. */
final class CoherencePass {
    private static final StructType COUNTS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("key", DataTypes.StringType, false),
            DataTypes.createStructField("n", DataTypes.LongType, false)));

    private CoherencePass() {}

    /**
     * Stored counts to bring up to date instead of counting every document: those of the previous run, the
     * documents this run added or changed ({@code fresh}) and those the stored counts hold that are gone or
     * changed ({@code gone}, with their old sentences).
     *
     * @param stored the previous run's {@link #state} rows (key, n)
     */
    record Update(Dataset<Row> stored, Dataset<Row> fresh, Dataset<Row> gone) {}

    /**
     * Window counts of every counted key (zero counts included), and whether they were brought up to date from
     * stored ones (else every document was read).
     */
    record Counts(Map<String, Long> counts, boolean updated) {}

    /**
     * The window counts the coherence of {@code needed} needs. A window count is a sum over documents that does
     * not depend on which other terms are counted, so stored counts that hold every key needed are brought up to
     * date, every stored key, by adding the fresh documents' counts and taking away the gone ones'. Otherwise
     * every document is read ({@code all}) and the keys of {@code counted}, a wider choice of terms, are counted:
     * a later run whose lists move a little within it still finds every key it needs.
     */
    static Counts counts(
            List<List<String>> needed,
            List<List<String>> counted,
            Supplier<Dataset<Row>> all,
            Optional<Update> update) {
        if (update.isPresent()) {
            Map<String, Long> stored = new TreeMap<>();
            update.get().stored().collectAsList().forEach(r -> stored.put(r.getString(0), r.getLong(1)));
            if (stored.keySet().containsAll(keys(needed))) {
                Set<String> terms = new HashSet<>();
                Set<String> pairs = new HashSet<>();
                stored.keySet().stream()
                        .filter(k -> !k.equals(Coherence.WINDOWS))
                        .forEach(k -> (Coherence.isPairKey(k) ? pairs : terms).add(k));
                count(update.get().fresh(), terms, pairs).forEach((k, n) -> stored.merge(k, n, Long::sum));
                count(update.get().gone(), terms, pairs).forEach((k, n) -> stored.merge(k, -n, Long::sum));
                return new Counts(stored, true);
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        keys(counted).forEach(k -> counts.put(k, 0L));
        count(all.get(), counted).forEach((k, n) -> counts.merge(k, n, Long::sum));
        return new Counts(counts, false);
    }

    /** The state rows (key, n): every counted key, zero counts included. */
    static Dataset<Row> state(SparkSession spark, Counts counts) {
        List<Row> rows = new ArrayList<>();
        counts.counts().forEach((k, n) -> rows.add(RowFactory.create(k, n)));
        return spark.createDataFrame(rows, Table.STATE_TOPIC_COHERENCE_COUNTS.schema());
    }

    /** The keys counted for {@code topics}: the window total, each term and each pair of one topic's terms. */
    private static Set<String> keys(List<List<String>> topics) {
        Set<String> keys = new HashSet<>(Coherence.pairsOf(topics));
        topics.forEach(keys::addAll);
        keys.add(Coherence.WINDOWS);
        return keys;
    }

    static Map<String, Long> count(Dataset<Row> docs, List<List<String>> topics) {
        Set<String> targets = new HashSet<>();
        topics.forEach(targets::addAll);
        return count(docs, targets, Coherence.pairsOf(topics));
    }

    /** The windows of {@code docs} (a sentences column) holding each target term and each wanted pair. */
    static Map<String, Long> count(Dataset<Row> docs, Set<String> targets, Set<String> pairs) {
        MapPartitionsFunction<Row, Row> countPartition = rows -> {
            Map<String, Long> counts = new HashMap<>();
            while (rows.hasNext()) {
                Row row = rows.next();
                List<List<String>> sentences = Rows.nestedStrings(row, 0);
                List<String> content = new ArrayList<>();
                for (List<String> sentence : sentences) {
                    content.addAll(DocTerms.content(sentence));
                }
                Coherence.countWindows(content, targets, pairs, counts);
            }
            List<Row> out = new ArrayList<>(counts.size());
            counts.forEach((key, n) -> out.add(RowFactory.create(key, n)));
            Iterator<Row> it = out.iterator();
            return it;
        };
        List<Row> rows = docs.select("sentences")
                .mapPartitions(countPartition, Encoders.row(COUNTS))
                .groupBy("key")
                .agg(sum("n").as("n"))
                .collectAsList();
        Map<String, Long> result = new HashMap<>();
        rows.forEach(r -> result.put(r.getAs("key"), r.getAs("n")));
        return result;
    }
}
