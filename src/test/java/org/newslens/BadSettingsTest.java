package org.newslens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.config.Settings;
import org.newslens.config.SettingsException;
import org.newslens.entities.EntitiesJob;
import org.newslens.io.Table;
import org.newslens.pipeline.Job;
import org.newslens.pipeline.JobContext;
import org.newslens.pipeline.Pipeline;

/** A bad setting of a later job stops {@code all} before the first job writes anything. */
class BadSettingsTest {
    @TempDir
    Path temp;

    @Test
    void aBadPairTypeFailsWithExitCodeTwoBeforeIngestRuns() throws Exception {
        Path input = Files.createDirectories(temp.resolve("in"));
        Files.writeString(input.resolve("a.txt"), "Harbour reopens\n\nThe harbour of Tarrow reopened on Monday.\n");
        Path output = temp.resolve("out");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        int code;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = Main.run(new String[] {
                "all",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--entities.pair-types",
                "PERSON,ROBOT"
            });
        } finally {
            System.setErr(previous);
        }

        assertThat(code).isEqualTo(Main.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--entities.pair-types")
                .contains("ROBOT")
                .contains("PERSON, ORGANIZATION, LOCATION, MISC");
        assertThat(output.resolve("documents")).doesNotExist();
        assertThat(output.resolve("_manifest.json")).doesNotExist();
    }

    @Test
    void everyJobsSettingsAreCheckedBeforeTheFirstJobStarts() {
        AtomicBoolean ran = new AtomicBoolean();
        Job earlier = new Job() {
            public String name() {
                return "earlier";
            }

            public List<Table> inputs() {
                return List.of();
            }

            public List<Table> outputs() {
                return List.of(Table.MENTIONS, Table.SENTENCES);
            }

            public void run(JobContext context) {
                ran.set(true);
            }
        };
        Settings settings = SettingsRegistry.parse(
                "--output", temp.resolve("out").toString(), "--entities.pair-types", "PERSON,ROBOT");

        assertThatThrownBy(() -> Pipeline.run(List.of(earlier, new EntitiesJob()), settings))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("--entities.pair-types");
        assertThat(ran).isFalse();
    }
}
