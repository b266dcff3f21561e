package org.newslens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.newslens.testing.SharedSpark;

class ShufflePartitionsTest {
    @Test
    void partitionsFollowTheDataSizeBetweenOnePerCoreAndTheCap() {
        assertThat(ShufflePartitions.forBytes(0, 2)).isEqualTo(2);
        assertThat(ShufflePartitions.forBytes(30_000, 2)).isEqualTo(2);
        assertThat(ShufflePartitions.forBytes(30_000, 64)).isEqualTo(64);
        assertThat(ShufflePartitions.forBytes(200_000_000L, 2)).isEqualTo(24);
        assertThat(ShufflePartitions.forBytes(2_000_000_000L, 2)).isEqualTo(239);
        assertThat(ShufflePartitions.forBytes(Long.MAX_VALUE / 2, 2)).isEqualTo(ShufflePartitions.MAX_PARTITIONS);
    }

    @Test
    void aValueTheUserSetIsKeptAndAdaptiveExecutionCoversPersistedData() {
        // The shared session sets spark.sql.shuffle.partitions=2 when it is built, as spark-submit --conf would.
        SparkSession spark = SharedSpark.session();
        assertThat(ShufflePartitions.apply(spark, 5_000_000_000L)).isEqualTo(2);
        assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
        assertThat(spark.conf().get("spark.sql.adaptive.enabled")).isEqualTo("true");
        assertThat(spark.conf().get("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning"))
                .isEqualTo("true");
    }

    @Test
    void adaptiveExecutionIsOffOnlyForSmallCorpora() {
        assertThat(ShufflePartitions.adaptive(2_000_000)).isFalse();
        assertThat(ShufflePartitions.adaptive(0)).as("size unknown").isTrue();
        assertThat(ShufflePartitions.adaptive(ShufflePartitions.ADAPTIVE_FROM_BYTES))
                .isTrue();
        assertThat(ShufflePartitions.adaptive(200_000_000L)).isTrue();
    }
}
