package org.newslens.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HadoopConfTest {
    @Test
    void withoutASessionTheSparkHadoopSettingsSparkSubmitPassedAreApplied() {
        // spark-submit hands --conf values to the driver as system properties.
        System.setProperty("spark.hadoop.fs.newslens-test.endpoint", "http://store.example:9000");
        try {
            assertThat(HadoopConf.forSession(null).get("fs.newslens-test.endpoint"))
                    .isEqualTo("http://store.example:9000");
        } finally {
            System.clearProperty("spark.hadoop.fs.newslens-test.endpoint");
        }
        assertThat(HadoopConf.forSession(null).get("fs.newslens-test.endpoint")).isNull();
    }
}
