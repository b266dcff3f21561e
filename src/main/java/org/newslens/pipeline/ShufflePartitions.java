package org.newslens.pipeline;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shuffle partitions that follow the data size rather than Spark's fixed default of 200, unless the user set
 * {@code spark.sql.shuffle.partitions} (spark-submit {@code --conf}, spark-defaults.conf or a {@code -D}
 * property). The count is an upper bound: Spark's adaptive execution then merges small partitions, also those
 * of persisted datasets (which it leaves alone by default, so 200 tasks ran for every read of a cached table).
 * On a small corpus with partitions NewsLens chose, adaptive execution is turned off: there is nothing to merge,
 * and planning each shuffle stage as a Spark job of its own costs more than it saves.
 */
final class ShufflePartitions {
    private static final Logger LOG = LoggerFactory.getLogger(ShufflePartitions.class);
    static final String KEY = "spark.sql.shuffle.partitions";
    /**
     * Input bytes per shuffle partition: if the stages' shuffles carry up to 8 times the input (token and n-gram
     * rows), a partition holds about adaptive execution's advisory 64 MB; smaller ones are merged by it anyway.
     */
    static final long INPUT_BYTES_PER_PARTITION = 8L << 20;

    static final int MAX_PARTITIONS = 10_000;
    static final String ADAPTIVE_ENABLED = "spark.sql.adaptive.enabled";
    /**
     * Below this much corpus, adaptive execution is off (unless the user chose the partitions or set it): on 2
     * cores, jobs/all took 15.2 s of stage time without it and 16.8 s with it on the five sample articles, 29.9 s
     * and 33.1 s on 2 MB, and 90.7 s and 91.0 s on 20 MB. The tables are the same.
     */
    static final long ADAPTIVE_FROM_BYTES = 16_000_000L;
    /** Adaptive execution settings NewsLens turns on unless the user set them. */
    static final List<String[]> ADAPTIVE = List.of(
            new String[] {ADAPTIVE_ENABLED, "true"},
            new String[] {"spark.sql.adaptive.coalescePartitions.enabled", "true"},
            new String[] {"spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true"});

    private ShufflePartitions() {}

    /** Sets the shuffle partitions for {@code bytes} of corpus unless the user chose them; returns the count used. */
    static int apply(SparkSession spark, long bytes) {
        SparkConf given = spark.sparkContext().getConf();
        for (String[] setting : ADAPTIVE) {
            if (!given.contains(setting[0])) {
                spark.conf().set(setting[0], setting[1]);
            }
        }
        if (given.contains(KEY)) {
            int chosen = Integer.parseInt(given.get(KEY).trim());
            LOG.info("Shuffle partitions: {} ({} set by the user)", chosen, KEY);
            return chosen;
        }
        int partitions = forBytes(bytes, spark.sparkContext().defaultParallelism());
        spark.conf().set(KEY, String.valueOf(partitions));
        if (!given.contains(ADAPTIVE_ENABLED) && !adaptive(bytes)) {
            spark.conf().set(ADAPTIVE_ENABLED, "false");
            LOG.info("Adaptive execution off for {} MB of data", String.format("%.1f", bytes / 1e6));
        }
        LOG.info(
                "Shuffle partitions: {} for {} MB of data (set {} to choose)",
                partitions,
                String.format("%.1f", bytes / 1e6),
                KEY);
        return partitions;
    }

    /** Adaptive from {@link #ADAPTIVE_FROM_BYTES} on, and when the size is unknown (0: it could not be measured). */
    static boolean adaptive(long bytes) {
        return bytes <= 0 || bytes >= ADAPTIVE_FROM_BYTES;
    }

    /** At least one per core, at most {@link #MAX_PARTITIONS}; one per {@link #INPUT_BYTES_PER_PARTITION} of data. */
    static int forBytes(long bytes, int cores) {
        long bySize = (bytes + INPUT_BYTES_PER_PARTITION - 1) / INPUT_BYTES_PER_PARTITION;
        return (int) Math.min(MAX_PARTITIONS, Math.max(Math.max(1, cores), bySize));
    }
}
