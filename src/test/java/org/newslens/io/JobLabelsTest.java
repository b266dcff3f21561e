package org.newslens.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.newslens.testing.SharedSpark;

class JobLabelsTest {
    @Test
    void aStageIsAJobGroupAndAStepItsDescriptionUntilTheStageEnds() {
        SparkSession spark = SharedSpark.session();
        SparkContext context = spark.sparkContext();
        JobLabels.startStage(spark, "terms");
        assertThat(context.getLocalProperty("spark.jobGroup.id")).isEqualTo("terms");

        JobLabels.step(spark, "terms: count n-grams");
        String step = JobLabels.currentStep(spark);
        JobLabels.step(spark, "write collocations");
        assertThat(JobLabels.currentStep(spark)).isEqualTo("write collocations");
        JobLabels.step(spark, step);
        assertThat(JobLabels.currentStep(spark)).isEqualTo("terms: count n-grams");

        JobLabels.endStage(spark);
        assertThat(context.getLocalProperty("spark.jobGroup.id")).isNull();
        assertThat(JobLabels.currentStep(spark)).isNull();
    }
}
