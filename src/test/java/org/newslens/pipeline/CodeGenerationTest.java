package org.newslens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.newslens.testing.SharedSpark;

class CodeGenerationTest {
    @Test
    void smallCorporaRunInterpretedAndLargerOnesCompiled() {
        SparkSession spark = SharedSpark.session();
        try {
            assertThat(CodeGeneration.apply(spark, 30_000)).isFalse();
            assertThat(spark.conf().get(CodeGeneration.WHOLE_STAGE)).isEqualTo("false");
            assertThat(spark.conf().get(CodeGeneration.FACTORY_MODE)).isEqualTo("NO_CODEGEN");

            assertThat(CodeGeneration.apply(spark, 200_000_000L)).isTrue();
            assertThat(spark.conf().get(CodeGeneration.WHOLE_STAGE)).isEqualTo("true");
            assertThat(spark.conf().get(CodeGeneration.FACTORY_MODE)).isEqualTo("FALLBACK");
        } finally {
            CodeGeneration.sparkDefaults(spark);
        }
    }

    @Test
    void theThresholdSitsBetweenTheMeasuredSizes() {
        assertThat(CodeGeneration.compiles(2_000_000)).isFalse();
        assertThat(CodeGeneration.compiles(0)).as("size unknown").isTrue();
        assertThat(CodeGeneration.compiles(CodeGeneration.COMPILE_FROM_BYTES)).isTrue();
        assertThat(CodeGeneration.compiles(20_000_000)).isTrue();
    }
}
