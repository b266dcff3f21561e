package org.newslens.topics;

import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.topics.model.Coherence;
import org.newslens.topics.model.DocTerms;

/** One pass over the corpus counting the sliding windows {@link Coherence} needs; integer sums only. */
final class CoherencePass {
    private static final StructType COUNTS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("key", DataTypes.StringType, false),
            DataTypes.createStructField("n", DataTypes.LongType, false)));

    private CoherencePass() {}

    static Map<String, Long> count(Dataset<Row> docs, List<List<String>> topics) {
        Set<String> targets = new HashSet<>();
        topics.forEach(targets::addAll);
        Set<String> pairs = Coherence.pairsOf(topics);
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
