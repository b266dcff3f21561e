package org.newslens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.SettingsRegistry;
import org.newslens.config.Settings;
import org.newslens.config.SettingsException;
import org.newslens.io.Table;
import org.newslens.testing.SharedSpark;

class PipelineTest {
    @TempDir
    Path out;

    /** Writes one rejects row naming the given source. */
    private static Job writing(String source) {
        return new Job() {
            public String name() {
                return "writer";
            }

            public List<Table> inputs() {
                return List.of();
            }

            public List<Table> outputs() {
                return List.of(Table.REJECTS);
            }

            public void run(JobContext context) {
                context.tables().write(Table.REJECTS, context.spark().createDataFrame(
                        List.of(RowFactory.create(source, "test", null)), Table.REJECTS.schema()));
            }
        };
    }

    private static Job failing() {
        return new Job() {
            public String name() {
                return "failing";
            }

            public List<Table> inputs() {
                return List.of(Table.REJECTS);
            }

            public List<Table> outputs() {
                return List.of();
            }

            public void run(JobContext context) {
                throw new IllegalStateException("injected failure");
            }
        };
    }

    private Settings settings() {
        return SettingsRegistry.parse(new String[] {"--output", out.toString()});
    }

    @Test
    void aRunThatFailsMidwayLeavesThePreviousTablesAndManifestIntact() throws Exception {
        SharedSpark.session();
        Pipeline.run(List.of(writing("file:/first-run.txt")), settings());
        String manifestBefore = Files.readString(out.resolve("_manifest.json"));

        assertThatThrownBy(() -> Pipeline.run(List.of(writing("file:/second-run.txt"), failing()), settings()))
                .hasMessageContaining("injected failure");

        assertThat(Files.readString(out.resolve("_manifest.json"))).isEqualTo(manifestBefore);
        assertThat(SharedSpark.session().read().parquet(out.resolve("rejects").toString()).first().getString(0))
                .isEqualTo("file:/first-run.txt");
        assertThat(out.resolve("_staging")).doesNotExist();
    }

    @Test
    void aJobWhoseInputTableIsMissingStopsBeforeAnyWork() {
        assertThatThrownBy(() -> Pipeline.run(List.of(failing()), settings()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("failing needs table `rejects`")
                .hasMessageContaining("jobs/ingest");
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void badArgumentsExitWithCodeTwoAndTouchNothing() {
        assertThat(Main.run(new String[] {"terms", "--output", out.toString(), "--no-such-setting", "1"})).isEqualTo(2);
        assertThat(Main.run(new String[] {"no-such-job", "--output", out.toString()})).isEqualTo(2);
        assertThat(out.toFile().list()).isEmpty();
    }
}
