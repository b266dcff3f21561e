package org.newslens.io;

import org.apache.spark.sql.SparkSession;

/**
 * The one way NewsLens labels its Spark jobs, so the Spark UI and logs read as the pipeline does: each stage
 * is a job group (its name), each step within it a job description. Labels are thread-local Spark properties.
 */
public final class JobLabels {
    /** Spark's local property behind {@code setJobDescription}. */
    private static final String DESCRIPTION = "spark.job.description";

    private JobLabels() {}

    /** Groups the Spark jobs of one stage ({@code ingest}, {@code topics}, ...) until {@link #endStage}. */
    public static void startStage(SparkSession spark, String stage) {
        spark.sparkContext().setJobGroup(stage, "NewsLens " + stage, false);
    }

    /** Ends the stage's group and any step label left in place. */
    public static void endStage(SparkSession spark) {
        spark.sparkContext().clearJobGroup();
        spark.sparkContext().setJobDescription(null);
    }

    /** Labels the Spark jobs of the next step (e.g. {@code "ingest: write rejects"}); null removes the label. */
    public static void step(SparkSession spark, String label) {
        spark.sparkContext().setJobDescription(label);
    }

    /** The current step's label (null when none), to put back after a nested step such as a table write. */
    public static String currentStep(SparkSession spark) {
        return spark.sparkContext().getLocalProperty(DESCRIPTION);
    }
}
