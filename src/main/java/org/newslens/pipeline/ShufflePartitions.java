package org.newslens.pipeline;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.newslens.config.CoreSettings;
import org.newslens.config.Settings;
import org.newslens.io.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shuffle partitions that follow the data size rather than Spark's fixed default of 200, unless the user set
 * {@code spark.sql.shuffle.partitions} (spark-submit {@code --conf}, spark-defaults.conf or a {@code -D}
 * property). The count is an upper bound: Spark's adaptive execution then merges small partitions, also those
 * of persisted datasets (which it leaves alone by default, so 200 tasks ran for every read of a cached table).
 */
public final class ShufflePartitions {
    private static final Logger LOG = LoggerFactory.getLogger(ShufflePartitions.class);
    static final String KEY = "spark.sql.shuffle.partitions";
    /** Input text per shuffle partition: the stages' shuffles carry about 8 times the input's bytes, so ~64 MB. */
    static final long INPUT_BYTES_PER_PARTITION = 8L << 20;
    static final int MAX_PARTITIONS = 10_000;
    /** Adaptive execution settings NewsLens turns on unless the user set them. */
    static final List<String[]> ADAPTIVE = List.of(
            new String[] {"spark.sql.adaptive.enabled", "true"},
            new String[] {"spark.sql.adaptive.coalescePartitions.enabled", "true"},
            new String[] {"spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true"});

    private ShufflePartitions() {
    }

    /** Sets the session's shuffle partitions for this run's data unless the user chose them; returns the value in use. */
    public static int apply(SparkSession spark, List<Job> jobs, Settings settings, Configuration conf) {
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
        long bytes = dataBytes(jobs, settings, conf);
        int partitions = forBytes(bytes, spark.sparkContext().defaultParallelism());
        spark.conf().set(KEY, String.valueOf(partitions));
        LOG.info("Shuffle partitions: {} for {} MB of data (set {} to choose)", partitions,
                String.format("%.1f", bytes / 1e6), KEY);
        return partitions;
    }

    /** At least one per core, at most {@link #MAX_PARTITIONS}; one per {@link #INPUT_BYTES_PER_PARTITION} of data. */
    static int forBytes(long bytes, int cores) {
        long bySize = (bytes + INPUT_BYTES_PER_PARTITION - 1) / INPUT_BYTES_PER_PARTITION;
        return (int) Math.min(MAX_PARTITIONS, Math.max(Math.max(1, cores), bySize));
    }

    /**
     * The corpus size: the input when the run ingests it, else the committed documents table (which holds the
     * text); 0 when neither can be measured (the partitions then follow the cores).
     */
    static long dataBytes(List<Job> jobs, Settings settings, Configuration conf) {
        boolean ingests = jobs.stream().anyMatch(job -> job.outputs().contains(Table.DOCUMENTS));
        Path path = ingests ? new Path(settings.get(CoreSettings.INPUT))
                : new Path(settings.get(CoreSettings.OUTPUT), Table.DOCUMENTS.tableName());
        try {
            return path.getFileSystem(conf).getContentSummary(path).getLength();
        } catch (IOException e) {
            LOG.warn("Could not measure {} for the shuffle partitions: {}", path, e.toString());
            return 0;
        }
    }
}
