package org.newslens.pipeline;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Spark compiles its queries to Java code, by corpus size, unless the user set either setting. Spark
 * generates and compiles code for every query (about 700 compilations in a run over the five-article sample), a
 * fixed cost that pays off only on enough rows: on 2 cores, a 2 MB corpus ran 48 s of stage time compiled and 41 s
 * interpreted, a 20 MB corpus 113 s compiled and 122 s interpreted. Both ways give the same tables.
 */
public final class CodeGeneration {
    private static final Logger LOG = LoggerFactory.getLogger(CodeGeneration.class);
    static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
    /** Below this much corpus, queries run interpreted: about halfway to where compiling stopped costing time. */
    static final long COMPILE_FROM_BYTES = 5_000_000L;

    private CodeGeneration() {}

    /** Sets code generation for {@code bytes} of corpus unless the user chose it; returns whether queries compile. */
    static boolean apply(SparkSession spark, long bytes) {
        SparkConf given = spark.sparkContext().getConf();
        if (given.contains(WHOLE_STAGE) || given.contains(FACTORY_MODE)) {
            LOG.info("Code generation as set by the user ({}, {})", WHOLE_STAGE, FACTORY_MODE);
            return !"NO_CODEGEN".equalsIgnoreCase(given.get(FACTORY_MODE, "FALLBACK"));
        }
        boolean compile = compiles(bytes);
        spark.conf().set(WHOLE_STAGE, String.valueOf(compile));
        spark.conf().set(FACTORY_MODE, compile ? "FALLBACK" : "NO_CODEGEN");
        if (!compile) {
            LOG.info(
                    "Queries run interpreted for {} MB of data (set {} to choose)",
                    String.format("%.1f", bytes / 1e6),
                    WHOLE_STAGE);
        }
        return compile;
    }

    /** Compiled from {@link #COMPILE_FROM_BYTES} on, and when the size is unknown (0: it could not be measured). */
    static boolean compiles(long bytes) {
        return bytes <= 0 || bytes >= COMPILE_FROM_BYTES;
    }

    /** Spark's own code generation, unless the user chose it: for work that is not a NewsLens run. */
    public static void sparkDefaults(SparkSession spark) {
        apply(spark, Long.MAX_VALUE);
    }
}
