package org.newslens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
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
        AtomicBoolean busyEnded = new AtomicBoolean();
        long started = System.nanoTime();

        assertThatThrownBy(() -> Pipeline.run(
                        List.of(
                                job("busy", List.of(), List.of(Table.REJECTS), context -> {
                                    // Runs Spark jobs until the scheduler stops it (a minute at most).
                                    try {
                                        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                                        while (System.nanoTime() < until) {
                                            context.spark().range(1000).count();
                                            busy.countDown();
                                        }
                                        writeRejects(context, "file:/not-cancelled");
                                    } finally {
                                        busyEnded.set(true);
                                    }
                                }),
                                job("failing", List.of(), List.of(Table.DUPLICATES), context -> {
                                    busy.await(60, TimeUnit.SECONDS);
                                    // Something written first: the failed run's folder must go too.
                                    context.tables()
                                            .write(
                                                    Table.DUPLICATES,
                                                    context.spark()
                                                            .createDataFrame(
                                                                    List.<Row>of(), Table.DUPLICATES.schema()));
                                    throw new IllegalStateException("injected failure");
                                })),
                        settings()))
                .hasMessageContaining("injected failure");

        // The run waited for the stage beside the failed one, which was stopped well before its minute was up.
        assertThat(busyEnded).isTrue();
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
        AtomicReference<Thread> reader = new AtomicReference<>();
        AtomicReference<String> read = new AtomicReference<>();

        // The reader does not declare rejects as its input, so the two start together; the writer writes only once
        // the reader is waiting for the table.
        Pipeline.run(
                List.of(
                        job("writer", List.of(), List.of(Table.REJECTS), context -> {
                            awaitWaiting(reader);
                            writeRejects(context, "file:/new");
                        }),
                        job("reader", List.of(), List.of(Table.DUPLICATES), context -> {
                            reader.set(Thread.currentThread());
                            read.set(context.tables()
                                    .read(Table.REJECTS, "reader")
                                    .first()
                                    .getString(0));
                        })),
                settings());

        assertThat(read.get()).isEqualTo("file:/new");
    }

    @Test
    void aWriterFailingWhileAReaderWaitsForItsTableFailsTheRunWithTheWritersError() throws Exception {
        SharedSpark.session();
        AtomicReference<Thread> reader = new AtomicReference<>();

        assertThatThrownBy(() -> Pipeline.run(
                        List.of(
                                job("writer", List.of(), List.of(Table.REJECTS), context -> {
                                    awaitWaiting(reader);
                                    throw new IllegalStateException("injected failure");
                                }),
                                job("reader", List.of(), List.of(Table.DUPLICATES), context -> {
                                    reader.set(Thread.currentThread());
                                    context.tables().read(Table.REJECTS, "reader");
                                })),
                        settings()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("injected failure")
                .satisfies(
                        e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(CancellationException.class));
    }

    @Test
    void withoutParallelStagesNoTwoStagesRunAtOnce() throws Exception {
        SharedSpark.session();
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Body count = context -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            Thread.sleep(300);
            now.decrementAndGet();
        };

        Pipeline.run(
                List.of(
                        job("left", List.of(), List.of(Table.REJECTS), count),
                        job("right", List.of(), List.of(Table.DUPLICATES), count)),
                settings("--parallel-stages", "false"));

        assertThat(most.get()).isEqualTo(1);
    }

    /** Returns once the thread {@code waiting} names (set by another stage) waits, as a read of a pending table does. */
    private static void awaitWaiting(AtomicReference<Thread> waiting) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (waiting.get() == null || waiting.get().getState() != Thread.State.WAITING) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the other stage never waited");
            }
            Thread.sleep(10);
        }
    }
}
