package org.newslens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.Jobs;
import org.newslens.SettingsRegistry;
import org.newslens.config.Settings;
import org.newslens.io.Table;
import org.newslens.testing.Outputs;
import org.newslens.testing.SharedSpark;

class StageSchedulerTest {
    @TempDir
    Path out;

    /** A job that writes nothing but declares what it reads and writes, and runs {@code body}. */
    private interface Body {
        void run(JobContext context) throws Exception;
    }

    private static Job job(String name, List<Table> inputs, List<Table> outputs, Body body) {
        return new Job() {
            public String name() {
                return name;
            }

            public List<Table> inputs() {
                return inputs;
            }

            public List<Table> outputs() {
                return outputs;
            }

            public void run(JobContext context) throws Exception {
                body.run(context);
            }
        };
    }

    private static void writeRejects(JobContext context, String source) {
        context.tables()
                .write(
                        Table.REJECTS,
                        context.spark()
                                .createDataFrame(
                                        List.of(RowFactory.create(source, "test", null)), Table.REJECTS.schema()));
    }

    private Settings settings(String... more) {
        List<String> args = new ArrayList<>(List.of("--output", out.toString()));
        args.addAll(List.of(more));
        return SettingsRegistry.parse(args.toArray(new String[0]));
    }

    private static List<Job> sparkStagesOfAll() {
        return Jobs.forCommand("all").stream().filter(Job::needsSpark).toList();
    }

    @Test
    void anAppendRunsTermsEntitiesAndTopicsSideBySideAndTrendsAfterAllThree() {
        Map<String, List<String>> waits = StageScheduler.describe(sparkStagesOfAll(), settings("--mode", "append"));

        assertThat(waits.get("annotate")).containsExactly("ingest");
        assertThat(waits.get("terms")).contains("annotate").doesNotContain("entities", "topics");
        assertThat(waits.get("entities")).contains("annotate").doesNotContain("terms", "topics");
        // The stored model counts its own collocations, so topics need not wait for terms.
        assertThat(waits.get("topics")).contains("annotate").doesNotContain("terms", "entities");
        assertThat(waits.get("trends")).contains("terms", "entities", "topics");
    }

    @Test
    void aFullRunsTopicsAfterTheTermsWhoseCollocationsItCounts() {
        Map<String, List<String>> waits = StageScheduler.describe(sparkStagesOfAll(), settings());

        assertThat(waits.get("entities")).doesNotContain("terms");
        assertThat(waits.get("topics")).contains("terms").doesNotContain("entities");
        assertThat(waits.get("trends")).contains("terms", "entities", "topics");
    }

    @Test
    void withoutParallelStagesEachStageWaitsForEveryStageBeforeIt() {
        List<Job> stages = sparkStagesOfAll();
        Map<String, List<String>> waits = StageScheduler.describe(stages, settings("--parallel-stages", "false"));

        for (int i = 0; i < stages.size(); i++) {
            List<String> before = stages.subList(0, i).stream().map(Job::name).toList();
            assertThat(waits.get(stages.get(i).name())).as(stages.get(i).name()).containsExactlyElementsOf(before);
        }
    }

    @Test
    void stagesThatNeedNoneOfEachOthersTablesRunAtTheSameTime() throws Exception {
        SharedSpark.session();
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Boolean> sawTheOther = new ArrayList<>();
        Body meet = context -> {
            bothStarted.countDown();
            boolean met = bothStarted.await(60, TimeUnit.SECONDS);
            synchronized (sawTheOther) {
                sawTheOther.add(met);
            }
        };

        Pipeline.run(
                List.of(
                        job("left", List.of(), List.of(Table.REJECTS), meet),
                        job("right", List.of(), List.of(Table.DUPLICATES), meet)),
                settings());

        assertThat(sawTheOther).containsExactly(true, true);
    }

    @Test
    void aStageThatFailsStopsTheOneBesideItAndTheOutputStaysAsItWas() throws Exception {
        SharedSpark.session();
        Pipeline.run(
                List.of(job("writer", List.of(), List.of(Table.REJECTS), c -> writeRejects(c, "file:/first"))),
                settings());
        Path firstRun = Outputs.currentRun(out);
        String manifestBefore = Files.readString(firstRun.resolve("_manifest.json"));
        CountDownLatch busy = new CountDownLatch(1);
        long started = System.nanoTime();

        assertThatThrownBy(() -> Pipeline.run(
                        List.of(
                                job("busy", List.of(), List.of(Table.REJECTS), context -> {
                                    // Runs Spark jobs until the scheduler stops it (a minute at most).
                                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                                    while (System.nanoTime() < until) {
                                        context.spark().range(1000).count();
                                        busy.countDown();
                                    }
                                    writeRejects(context, "file:/not-cancelled");
                                }),
                                job("failing", List.of(), List.of(Table.DUPLICATES), context -> {
                                    busy.await(60, TimeUnit.SECONDS);
                                    throw new IllegalStateException("injected failure");
                                })),
                        settings()))
                .hasMessageContaining("injected failure");

        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(50));
        assertThat(Outputs.currentRun(out)).isEqualTo(firstRun);
        assertThat(Files.readString(firstRun.resolve("_manifest.json"))).isEqualTo(manifestBefore);
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            assertThat(runs.map(p -> p.getFileName().toString()))
                    .containsExactly(firstRun.getFileName().toString());
        }
    }

    @Test
    void aStageReadingATableAnEarlierStageIsStillWritingWaitsForItsRows() throws Exception {
        SharedSpark.session();
        Pipeline.run(
                List.of(job("writer", List.of(), List.of(Table.REJECTS), c -> writeRejects(c, "file:/old"))),
                settings());
        AtomicReference<String> read = new AtomicReference<>();

        // The reader does not declare rejects as its input, so the two start together; its read still waits.
        Pipeline.run(
                List.of(
                        job("writer", List.of(), List.of(Table.REJECTS), context -> {
                            Thread.sleep(1500);
                            writeRejects(context, "file:/new");
                        }),
                        job(
                                "reader",
                                List.of(),
                                List.of(Table.DUPLICATES),
                                context -> read.set(context.tables()
                                        .read(Table.REJECTS, "reader")
                                        .first()
                                        .getString(0)))),
                settings());

        assertThat(read.get()).isEqualTo("file:/new");
    }
}
