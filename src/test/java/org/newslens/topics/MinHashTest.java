package org.newslens.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newslens.testing.SharedSpark;

/** MinHash gives the values MLlib's MinHashLSH gives, so signatures stored by earlier runs stay valid. */
class MinHashTest {
    @Test
    void signaturesAreMllibsMinHashValues() {
        SparkSession spark = SharedSpark.session();
        int dimension = 1 << Shingles.HASH_BITS;
        Random random = new Random(9);
        List<int[]> sets = new ArrayList<>();
        sets.add(new int[] {0});
        sets.add(new int[] {dimension - 1});
        for (int s = 0; s < 50; s++) {
            TreeSet<Integer> set = new TreeSet<>();
            int size = 1 + random.nextInt(600);
            while (set.size() < size) {
                set.add(random.nextInt(dimension));
            }
            sets.add(set.stream().mapToInt(Integer::intValue).toArray());
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType(), false);
        List<Row> rows = new ArrayList<>();
        for (int[] set : sets) {
            double[] ones = new double[set.length];
            java.util.Arrays.fill(ones, 1.0);
            rows.add(RowFactory.create(Vectors.sparse(dimension, set, ones)));
        }
        Dataset<Row> vectors = spark.createDataFrame(rows, schema);
        for (long seed : new long[] {42, -7}) {
            MinHashLSHModel mllib = new MinHashLSH()
                    .setInputCol("features")
                    .setOutputCol("hashes")
                    .setNumHashTables(45)
                    .setSeed(seed)
                    .fit(vectors);
            List<Row> hashed = mllib.transform(vectors).select("hashes").collectAsList();
            MinHash ours = new MinHash(45, seed);
            for (int i = 0; i < sets.size(); i++) {
                List<Vector> expected = hashed.get(i).getList(0);
                long[] signature = ours.signature(sets.get(i));
                assertThat(signature).hasSize(expected.size());
                for (int h = 0; h < signature.length; h++) {
                    assertThat((double) signature[h])
                            .as("set %d hash %d", i, h)
                            .isEqualTo(expected.get(h).apply(0));
                }
            }
        }
    }
}
