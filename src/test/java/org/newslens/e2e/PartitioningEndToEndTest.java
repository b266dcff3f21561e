package org.newslens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.spark.sql.RuntimeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.testing.SharedSpark;
import org.newslens.testing.TableComparison;

/**
 * The number of partitions is a matter of speed, never of results: {@code jobs/all} on the sample corpus with
 * 1, 3 and 7 partitions (both {@code --partitions} and Spark's shuffle partitions) writes the same rows in
 * every table, doubles equal to the last digit.
 */
class PartitioningEndToEndTest {
    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    @TempDir
    Path temp;

    @Test
    void oneThreeAndSevenPartitionsWriteIdenticalTables() {
        SharedSpark.session();
        Path one = run(1);
        for (int partitions : new int[] {3, 7}) {
            assertThat(TableComparison.differences(SharedSpark.session(), one, run(partitions)))
                    .as("tables with --partitions %d against --partitions 1", partitions)
                    .isEmpty();
        }
    }

    /** A run with {@code partitions} for reading and annotating, and as many shuffle partitions. */
    private Path run(int partitions) {
        Path output = temp.resolve("partitions-" + partitions);
        RuntimeConfig conf = SharedSpark.session().conf();
        String shuffle = conf.get(SHUFFLE_PARTITIONS);
        conf.set(SHUFFLE_PARTITIONS, Integer.toString(partitions));
        try {
            assertThat(Main.run(new String[] {
                        "all",
                        "--input",
                        "data",
                        "--output",
                        output.toString(),
                        "--partitions",
                        Integer.toString(partitions)
                    }))
                    .isZero();
        } finally {
            conf.set(SHUFFLE_PARTITIONS, shuffle);
        }
        return output;
    }
}
