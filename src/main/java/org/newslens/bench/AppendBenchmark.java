package org.newslens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.newslens.Jobs;
import org.newslens.SettingsRegistry;
import org.newslens.bench.OutputComparison.TableResult;
import org.newslens.io.RunFolders;
import org.newslens.pipeline.Pipeline;
import org.newslens.pipeline.RunSummary;
import org.newslens.pipeline.SparkSessions;

/**
 * {@code jobs/benchmark-append}: what an append costs against a full run, and whether it gives the same tables.
 * Writes a Brown corpus of {@code --base-mb} into {@code root/base} and {@code --new-mb} of other documents
 * aside, then in one JVM: (1) a full run over root; (2) the new documents moved to {@code root/new} and
 * appended; (3) the same append again (nothing new); (4) a full run over root (base and new) into a second
 * output. Prints each run's seconds, CPU seconds, live heap peak (after a collection), ratio to run (1) and documents added, the
 * comparison of run (2)'s tables with run (4)'s (every table but the topic tables; doubles to 1e-9 relative),
 * and the stage and step times of runs (1) and (2).
 *
 * <pre>
 * jobs/benchmark-append                                   # 200 MB + 2 MB
 * jobs/benchmark-append --base-mb 20 --new-mb 0.2 --markdown src/site/BENCHMARKS.md
 * </pre>
 * Other {@code --key value} arguments are NewsLens settings for all four runs (e.g. {@code --annotate.ner false}).
 */
public final class AppendBenchmark {
    /** Tables the append keeps on their own terms (the topic model is kept, not refitted): not compared. */
    static final String[] TOPIC_TABLES = {
        "topics", "doc_topics", "clusters", "topic_trends", "topic_metrics", "state/topic_*"
    };

    static final double RELATIVE_TOLERANCE = 1e-9;
    private static final long SEED = 42;
    /** Characters of a long value shown in an example row. */
    private static final int SHOWN_CHARS = 60;

    private record Options(double baseMb, double newMb, Path work, Path markdown, List<String> settings) {}

    /** One timed run. */
    private record Timed(
            String name, double seconds, double cpuSeconds, long heapPeakMiB, long added, RunSummary summary) {}

    private AppendBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        List<String> lines = new ArrayList<>();
        lines.add("Load average at start: " + loadAverage());
        Path dir = options.work()
                .resolve(String.format("append-%smb-%smb", number(options.baseMb()), number(options.newMb())));
        Path root = dir.resolve("root");
        Path aside = dir.resolve("aside");
        prepareCorpus(options, dir, root, aside);
        Path appended = clean(dir.resolve("out-append"));
        Path full = clean(dir.resolve("out-full"));

        SparkSession spark = SparkSessions.getOrCreate();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        StepTimings steps = new StepTimings();
        spark.sparkContext().addSparkListener(steps);
        Map<String, List<String>> stepLines = new LinkedHashMap<>();

        List<Timed> runs = new ArrayList<>();
        runs.add(timed(spark, steps, stepLines, "(1) full over base", options, "full", root, appended));
        Files.move(aside.resolve("new"), root.resolve("new"));
        runs.add(timed(spark, steps, stepLines, "(2) append new", options, "append", root.resolve("new"), appended));
        org.apache.hadoop.fs.Path appendRun = RunFolders.current(hadoopPath(appended), conf);
        runs.add(timed(
                spark, steps, stepLines, "(3) append new again", options, "append", root.resolve("new"), appended));
        runs.add(timed(spark, steps, stepLines, "(4) full over base + new", options, "full", root, full));

        lines.add("");
        lines.add(String.format(
                "Corpus: %s MB base, %s MB new (Brown resample, seed %d) under %s.",
                number(options.baseMb()), number(options.newMb()), SEED, root));
        lines.add("");
        lines.add(
                "| run | seconds | CPU seconds | live heap peak MiB | ratio to (1) | ratio to (4) | documents added |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|");
        double fullSeconds = runs.get(0).seconds();
        double warmFullSeconds = runs.get(3).seconds();
        for (Timed run : runs) {
            lines.add(String.format(
                    "| %s | %.1f | %.1f | %d | %.3f | %.3f | %d |",
                    run.name(),
                    run.seconds(),
                    run.cpuSeconds(),
                    run.heapPeakMiB(),
                    run.seconds() / fullSeconds,
                    run.seconds() / warmFullSeconds,
                    run.added()));
        }
        lines.add("");
        lines.add("Run (1) is the first of the JVM (NER model loading, JIT warm-up); run (4), a full run over a little "
                + "more, is the warm one: on a small corpus the ratio to (4) is the fairer figure.");

        lines.add("");
        lines.addAll(equality(spark, appendRun, RunFolders.current(hadoopPath(full), conf)));
        lines.add("");
        lines.addAll(stageTable(runs.get(0), runs.get(1)));
        lines.add("");
        lines.add("Wall seconds per step (Spark jobs by label, overlapping jobs merged):");
        lines.add("");
        lines.add("```");
        stepLines.forEach((run, stepsOfRun) -> {
            if (run.startsWith("(1)") || run.startsWith("(2)")) {
                lines.add(run + ":");
                stepsOfRun.forEach(line -> lines.add("    " + line));
            }
        });
        lines.add("```");
        lines.add("");
        lines.add("Load average at end: " + loadAverage());
        lines.forEach(System.out::println);
        if (options.markdown() != null) {
            BenchmarkMarkdown.append(options.markdown(), "jobs/benchmark-append", args, lines);
            System.out.println("Appended to " + options.markdown());
        }
        spark.stop();
    }

    private static Timed timed(
            SparkSession spark,
            StepTimings steps,
            Map<String, List<String>> stepLines,
            String name,
            Options options,
            String mode,
            Path input,
            Path output)
            throws Exception {
        List<String> args = new ArrayList<>(options.settings());
        args.addAll(List.of("--mode", mode, "--input", input.toString(), "--output", output.toString()));
        spark.sparkContext().listenerBus().waitUntilEmpty();
        steps.drain();
        PeakMemory.reset();
        long cpu0 = PipelineBenchmark.processCpuNanos();
        long t0 = System.nanoTime();
        RunSummary summary = Pipeline.run(Jobs.forCommand("all"), SettingsRegistry.parse(args.toArray(new String[0])));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (PipelineBenchmark.processCpuNanos() - cpu0) / 1e9;
        long heapPeak = PeakMemory.liveHeapPeakMiB();
        spark.sparkContext().listenerBus().waitUntilEmpty();
        stepLines.put(name, steps.drain());
        System.out.printf("%s: %.1f s%n", name, seconds);
        return new Timed(name, seconds, cpuSeconds, heapPeak, documentsAdded(spark, output), summary);
    }

    /** The documents the run added, as its manifest's history records them (for a full run: all it kept). */
    private static long documentsAdded(SparkSession spark, Path output) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path manifest =
                new org.apache.hadoop.fs.Path(RunFolders.current(hadoopPath(output), conf), "_manifest.json");
        try (InputStream in = manifest.getFileSystem(conf).open(manifest)) {
            JsonNode json = new ObjectMapper().readTree(in);
            JsonNode history = json.path("history");
            if (history.size() > 0) {
                return history.get(history.size() - 1).path("documents_added").asLong(-1);
            }
            return json.path("figures").path("documents").asLong(-1);
        }
    }

    /** Per table: rows of run (2) and of run (4), rows found on one side only, and whether they are equal. */
    private static List<String> equality(
            SparkSession spark, org.apache.hadoop.fs.Path appendRun, org.apache.hadoop.fs.Path fullRun) {
        List<TableResult> results = OutputComparison.compare(
                spark,
                appendRun,
                fullRun,
                OutputComparison.Options.EXACT
                        .skipping(TOPIC_TABLES)
                        .withRelativeTolerance(RELATIVE_TOLERANCE)
                        .withStateTables());
        List<String> lines = new ArrayList<>();
        long differing = results.stream().filter(r -> !r.equal()).count();
        lines.add(String.format(
                "Run (2) against run (4), every table but the topic tables (doubles to %.0e relative): %s",
                RELATIVE_TOLERANCE, differing == 0 ? "**all equal**" : "**" + differing + " tables differ**"));
        lines.add("");
        lines.add("| table | rows (2) | rows (4) | rows differing | equal |");
        lines.add("|---|---:|---:|---:|---|");
        for (TableResult result : results) {
            lines.add(String.format(
                    "| %s | %d | %d | %d | %s |",
                    result.table(),
                    result.expectedRows(),
                    result.actualRows(),
                    result.differingRows(),
                    result.equal() ? "yes" : result.present() ? "**no**" : "**only in one output**"));
        }
        for (TableResult result : results) {
            if (result.present() && !result.equal()) {
                lines.add("");
                lines.add(result.table() + ": e.g. only in (2) " + shortened(result.expectedExamples())
                        + "; only in (4) " + shortened(result.actualExamples()));
            }
        }
        return lines;
    }

    /** The rows as Spark prints them, long values (a document's text) cut to their first characters. */
    static String shortened(List<org.apache.spark.sql.Row> rows) {
        List<String> shown = new ArrayList<>();
        for (org.apache.spark.sql.Row row : rows) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                String value = String.valueOf(row.get(i));
                values.add(value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "..." : value);
            }
            shown.add("[" + String.join(",", values) + "]");
        }
        return shown.toString();
    }

    /** Seconds per stage of the full run and of the append. */
    private static List<String> stageTable(Timed fullRun, Timed append) {
        List<String> lines = new ArrayList<>();
        lines.add("| stage | " + fullRun.name() + " s | " + append.name() + " s |");
        lines.add("|---|---:|---:|");
        Map<String, Double> full = fullRun.summary().stageSeconds();
        Map<String, Double> added = append.summary().stageSeconds();
        List<String> stages = new ArrayList<>(full.keySet());
        added.keySet().stream().filter(s -> !stages.contains(s)).forEach(stages::add);
        for (String stage : stages) {
            lines.add(String.format("| %s | %s | %s |", stage, seconds(full.get(stage)), seconds(added.get(stage))));
        }
        lines.add("");
        lines.add("Each stage's time runs from its start to its end; stages that ran side by side (--parallel-stages)"
                + " overlap, so the times add up to more than the run took.");
        return lines;
    }

    private static String seconds(Double seconds) {
        return seconds == null ? "" : String.format("%.1f", seconds);
    }

    /**
     * The base corpus under {@code root/base} and the new documents in {@code aside/new}, written once per size
     * (a {@code _COMPLETE} marker); new documents a previous benchmark moved into root go back aside first.
     */
    private static void prepareCorpus(Options options, Path dir, Path root, Path aside) throws Exception {
        Path done = dir.resolve("_COMPLETE");
        if (Files.exists(done)) {
            if (Files.exists(root.resolve("new"))) {
                Files.move(root.resolve("new"), aside.resolve("new"));
            }
            return;
        }
        clean(root);
        clean(aside);
        BrownCorpus brown = BrownCorpus.load(options.work().resolve("brown-package"));
        brown.writeResampled(
                SEED,
                List.of(
                        new BrownCorpus.Portion(root.resolve("base"), megabytes(options.baseMb())),
                        new BrownCorpus.Portion(aside.resolve("new"), megabytes(options.newMb()))));
        Files.writeString(done, "");
    }

    private static long megabytes(double mb) {
        return Math.round(mb * 1_000_000);
    }

    /** Deletes a local folder of an earlier benchmark run, so every run starts from nothing. */
    private static Path clean(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return folder;
    }

    private static org.apache.hadoop.fs.Path hadoopPath(Path local) {
        return new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri());
    }

    /** "0.52, 0.58, 0.59" (1, 5 and 15 minutes) as uptime prints it; the 1-minute figure where /proc is absent. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .trim()
                    .split("\\s+");
            return String.join(", ", fields[0], fields[1], fields[2]);
        } catch (IOException | RuntimeException e) {
            return String.format(
                    "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** 200 → "200", 0.1 → "0.1". */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static Options parse(String[] args) {
        double baseMb = 200;
        double newMb = 2;
        Path work = Path.of("target/bench");
        Path markdown = null;
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--help" -> {
                    System.out.println("Usage: jobs/benchmark-append [--base-mb N] [--new-mb N] [--work DIR] "
                            + "[--markdown FILE] [NewsLens settings]");
                    System.exit(0);
                }
                case "--base-mb" -> baseMb = Double.parseDouble(value);
                case "--new-mb" -> newMb = Double.parseDouble(value);
                case "--work" -> work = Path.of(value);
                case "--markdown" -> markdown = Path.of(value);
                case "--mode", "--input", "--output" ->
                    throw new IllegalArgumentException(args[i] + " is set by the benchmark for each of its runs");
                default -> {
                    settings.add(args[i]);
                    settings.add(value);
                }
            }
            i++;
        }
        if (!(baseMb > 0) || !(newMb > 0)) {
            throw new IllegalArgumentException("--base-mb and --new-mb must be positive");
        }
        return new Options(baseMb, newMb, work.toAbsolutePath(), markdown, settings);
    }
}
