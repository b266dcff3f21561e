package org.newslens.pipeline;

import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.RDDInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Releases whatever stages left cached, once none runs. The stages of a run share one session, and in the embedded
 * run the cache lives in the same heap as everything else: a cached table a stage forgot would crowd out
 * every later stage. Each one is named in a warning, since it means a stage forgot to release it.
 */
final class StageLeftovers {
    private static final Logger LOG = LoggerFactory.getLogger(StageLeftovers.class);

    private StageLeftovers() {}

    /** @param stages the stages that ended since the last release, for the warning */
    static void release(SparkSession spark, String stages) {
        for (RDDInfo info : spark.sparkContext().getRDDStorageInfo()) {
            String name = info.name();
            LOG.warn(
                    "{}: left cached after the stage, releasing it: RDD {} {} ({} MiB in memory, {} MiB on disk)",
                    stages,
                    info.id(),
                    name.length() > 120 ? name.substring(0, 120) + "..." : name,
                    info.memSize() >> 20,
                    info.diskSize() >> 20);
        }
        spark.catalog().clearCache();
        for (RDD<?> rdd : CollectionConverters.asJava(spark.sparkContext().getPersistentRDDs())
                .values()) {
            rdd.unpersist(true);
        }
    }
}
