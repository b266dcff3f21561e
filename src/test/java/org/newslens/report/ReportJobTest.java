package org.newslens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Main;
import org.newslens.SettingsRegistry;
import org.newslens.io.Table;
import org.newslens.pipeline.Job;
import org.newslens.pipeline.JobContext;
import org.newslens.pipeline.Pipeline;
import org.newslens.testing.Outputs;
import org.newslens.testing.SharedSpark;

/** The report job through the real entry point, and inside a run with a Spark job before it. */
class ReportJobTest {
    @TempDir
    Path temp;

    private static String runMain(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            assertThat(code).as("exit code").isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportJobPrintsTheSummaryAndWritesThePageWithoutSpark() throws Exception {
        Path out = ReportFixture.shared();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        String console = runMain("report", "--output", out.toUri().toString(), "--report.top", "5");
        System.out.printf(
                "jobs/report on the fixture output took %.2f s wall, %.2f s CPU (load average %.1f)%n",
                (System.nanoTime() - t0) / 1e9,
                (threads.getCurrentThreadCpuTime() - cpu0) / 1e9,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());

        assertThat(console)
                .contains(
                        "documents 6, tokens",
                        "rejects 2",
                        "top terms: salmon",
                        "top PERSON: Mara Lindqvist",
                        "top pairs (sentence)",
                        "topic lda #0 salmon, quota, fisheries",
                        "clusters: #0 salmon, quota (4)",
                        "report");
        Path page = Outputs.currentRun(out).resolve("report/index.html");
        assertThat(page).exists();
        assertThat(Files.readString(page)).contains("<svg id=\"network\"");
    }

    @Test
    void noTablesIsAClearErrorWithExitCodeTwo() {
        assertThat(Main.run(new String[] {"report", "--output", temp.toUri().toString()}))
                .isEqualTo(2);
        assertThat(temp.resolve("report")).doesNotExist();
    }

    @Test
    void inARunWithSparkJobsTheReportReadsTheTablesCommittedByThatRun() throws Exception {
        SharedSpark.session();
        Job writer = new Job() {
            @Override
            public String name() {
                return "writer";
            }

            @Override
            public List<Table> inputs() {
                return List.of();
            }

            @Override
            public List<Table> outputs() {
                return List.of(Table.REJECTS);
            }

            @Override
            public void run(JobContext context) {
                context.tables()
                        .write(
                                Table.REJECTS,
                                context.spark()
                                        .createDataFrame(ReportFixture.rows(Table.REJECTS), Table.REJECTS.schema()));
            }
        };
        // Listed first on purpose: the report runs once the run's tables are complete, before the commit.
        Pipeline.run(
                List.of(new ReportJob(), writer), SettingsRegistry.parse(new String[] {"--output", temp.toString()}));
        assertThat(Files.readString(Outputs.currentRun(temp).resolve("report/index.html")))
                .contains("unsupported_format");
        assertThat(Outputs.currentRun(temp).resolve("_manifest.json")).exists();
    }
}
