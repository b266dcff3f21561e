package org.newslens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.newslens.Jobs;
import org.newslens.SettingsRegistry;
import org.newslens.config.Settings;
import org.newslens.io.Columns;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.CodeGeneration;
import org.newslens.pipeline.Pipeline;
import org.newslens.pipeline.SparkSessions;

/**
 * {@code jobs/benchmark}: runs NewsLens stages on one or more corpora and prints seconds, documents/s,
 * tokens/s, MB/s and peak memory per stage, the plain MLlib baseline on the same corpus, and how time grows
 * with corpus size.
 *
 * <pre>
 * jobs/benchmark --corpus data                       # a folder of your own
 * jobs/benchmark --brown-mb 20                       # Brown corpus resampled to 20 MB (fetched with npm)
 * jobs/benchmark --brown-mb 2,20,200 --stages all --baseline full --brown-texts
 * </pre>
 * With {@code --brown-texts} the 500 original Brown texts, written in one folder per genre, are run too: the
 * quality table then gives the clusters' NMI with the genres (the resampled corpora mix the genres in every
 * document, so they have none). They are left out of the fitted line, which is over the resampled sizes.
 * Other {@code --key value} arguments are NewsLens settings (e.g. {@code --annotate.ner false}).
 */
public final class PipelineBenchmark {
    private record Options(
            List<String> corpora,
            List<String> stages,
            String baseline,
            Path work,
            Path markdown,
            List<String> settings) {}

    private static final String BROWN_TEXTS = "brown:texts";

    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        SparkSession spark = SparkSessions.getOrCreate();
        StepTimings steps = new StepTimings();
        spark.sparkContext().addSparkListener(steps);
        List<String> stepLines = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        List<double[]> sizeAndSeconds = new ArrayList<>();
        rows.add("| corpus | MB | stage | seconds | docs/s | tokens/s | MB/s | heap peak MiB | live heap peak MiB "
                + "| RSS peak MiB | CPU s | Spark jobs |");
        rows.add("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<String> quality = new ArrayList<>();
        quality.add("| corpus | mentions | linked to an entity | entities | topics c_npmi | cluster NMI with genres |");
        quality.add("|---|---:|---:|---:|---:|---:|");
        for (String corpus : options.corpora()) {
            String input = resolve(corpus, options.work());
            double megabytes = inputBytes(spark, input) / 1e6;
            String output = options.work()
                    .resolve("out-" + Path.of(input).getFileName())
                    .toUri()
                    .toString();
            List<String> settingArgs = new ArrayList<>(options.settings());
            settingArgs.addAll(List.of("--input", input, "--output", output));
            Settings settings = SettingsRegistry.parse(settingArgs.toArray(new String[0]));
            double total = 0;
            double totalCpu = 0;
            int totalJobs = 0;
            double trendsSeconds = -1;
            for (String stage : options.stages()) {
                PeakMemory.reset();
                spark.sparkContext().listenerBus().waitUntilEmpty();
                steps.drain();
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                Pipeline.run(Jobs.forCommand(stage), settings);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
                total += seconds;
                totalCpu += cpuSeconds;
                if (stage.equals("trends")) {
                    trendsSeconds = seconds;
                }
                spark.sparkContext().listenerBus().waitUntilEmpty();
                int sparkJobs = steps.jobCount();
                totalJobs += sparkJobs;
                stepLines.add(String.format("%s, %s: %.1f s, of which Spark jobs:", corpus, stage, seconds));
                steps.drain().forEach(line -> stepLines.add("    " + line));
                long[] docsAndTokens = docsAndTokens(spark, output);
                rows.add(row(corpus, megabytes, stage, seconds, docsAndTokens, cpuSeconds, sparkJobs));
            }
            if (options.stages().size() > 1) {
                rows.add(row(
                        corpus, megabytes, "**all stages**", total, docsAndTokens(spark, output), totalCpu, totalJobs));
            }
            if (trendsSeconds >= 0 && options.stages().size() > 1) {
                rows.add(String.format(
                        "| %s | %.2f | trends' share of all stages | %.1f %% | | | | | | | | |",
                        corpus, megabytes, 100 * trendsSeconds / total));
            }
            if (!corpus.equals(BROWN_TEXTS)) {
                sizeAndSeconds.add(new double[] {megabytes, total});
            }
            TableStore written = new TableStore(spark, output, "read");
            quality.add(qualityRow(
                    corpus,
                    QualityFigures.of(
                            written,
                            corpus.equals(BROWN_TEXTS) ? QualityFigures.genresFromFolders(written) : Map.of())));
            if (!options.baseline().equals("off")) {
                // The baseline is plain Spark: not what the NewsLens run before chose for a small corpus.
                CodeGeneration.sparkDefaults(spark);
                PeakMemory.reset();
                spark.sparkContext().listenerBus().waitUntilEmpty();
                steps.drain();
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                Dataset<Row> baselineClusters = MllibBaseline.run(
                        spark, input, output + "-mllib", options.baseline().equals("full"), corpus.equals(BROWN_TEXTS));
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
                spark.sparkContext().listenerBus().waitUntilEmpty();
                int sparkJobs = steps.jobCount();
                steps.drain();
                rows.add(row(
                        corpus,
                        megabytes,
                        "mllib baseline (" + options.baseline() + ")",
                        seconds,
                        docsAndTokens(spark, output),
                        cpuSeconds,
                        sparkJobs));
                rows.add(String.format(
                        "| %s | %.2f | NewsLens speed-up over baseline | %.2fx | | | | | | | | |",
                        corpus, megabytes, seconds / total));
                if (corpus.equals(BROWN_TEXTS) && baselineClusters != null) {
                    quality.add(qualityRow(
                            corpus + ", mllib baseline KMeans",
                            new QualityFigures.Figures(-1, -1, -1, Double.NaN, genreNmi(baselineClusters))));
                }
            }
        }
        if (sizeAndSeconds.size() > 1) {
            rows.add("");
            rows.add(LinearFit.describe(sizeAndSeconds));
        }
        rows.add("");
        rows.add("Quality (what the runs found; NMI only where the documents' genres are known):");
        rows.add("");
        rows.addAll(quality);
        rows.add("");
        rows.add("Wall seconds per step (Spark jobs by label, overlapping jobs merged):");
        rows.add("");
        rows.add("```");
        rows.addAll(stepLines);
        rows.add("```");
        rows.forEach(System.out::println);
        if (options.markdown() != null) {
            BenchmarkMarkdown.write(options.markdown(), args, rows);
            System.out.println("Wrote " + options.markdown());
        }
        spark.stop();
    }

    /** CPU time of this JVM, all threads: unlike wall time it does not grow when other processes take the cores. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One row; CPU s (this JVM's CPU time) is the figure to compare when other processes share the cores. */
    private static String row(
            String corpus,
            double megabytes,
            String stage,
            double seconds,
            long[] docsAndTokens,
            double cpuSeconds,
            int sparkJobs) {
        return String.format(
                "| %s | %.2f | %s | %.1f | %s | %s | %.3f | %d | %d | %d | %.1f | %d |",
                corpus,
                megabytes,
                stage,
                seconds,
                rate(docsAndTokens[0] / seconds),
                rate(docsAndTokens[1] / seconds),
                megabytes / seconds,
                PeakMemory.heapPeakMiB(),
                PeakMemory.liveHeapPeakMiB(),
                PeakMemory.residentPeakMiB(),
                cpuSeconds,
                sparkJobs);
    }

    /** NMI of the baseline's KMeans clusters with the genre folders the Brown texts were read from. */
    private static double genreNmi(Dataset<Row> clusters) {
        List<Character> genres = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Row row : clusters.collectAsList()) {
            genres.add(QualityFigures.genreOf(row.getAs(MllibBaseline.FILE)));
            labels.add(row.getAs(MllibBaseline.CLUSTER));
        }
        return Nmi.of(genres, labels);
    }

    private static String qualityRow(String corpus, QualityFigures.Figures figures) {
        return String.format(
                "| %s | %s | %s | %s | %s | %s |",
                corpus,
                count(figures.mentions()),
                count(figures.linkedMentions()),
                count(figures.entities()),
                figure(figures.cNpmi()),
                figure(figures.clusterNmi()));
    }

    private static String count(long value) {
        return value < 0 ? "-" : String.valueOf(value);
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.3f", value);
    }

    /** Small rates keep a decimal, so 5 documents in 15 s read 0.3/s rather than 0. */
    private static String rate(double perSecond) {
        return perSecond < 10 ? String.format("%.1f", perSecond) : String.format("%.0f", perSecond);
    }

    /** Documents, and tokens (the tokens table once annotate ran, else the documents' word counts). */
    private static long[] docsAndTokens(SparkSession spark, String output) throws Exception {
        TableStore tables = new TableStore(spark, output, "read");
        long documents = tables.read(Table.DOCUMENTS, "benchmark").count();
        long tokenCount = tables.exists(Table.TOKENS)
                ? tables.read(Table.TOKENS, "benchmark").count()
                : tables.read(Table.DOCUMENTS, "benchmark")
                        .agg(functions.sum(Columns.N_TOKENS).as(Columns.N_TOKENS))
                        .first()
                        .<Long>getAs(Columns.N_TOKENS);
        return new long[] {documents, tokenCount};
    }

    private static long inputBytes(SparkSession spark, String input) throws Exception {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
        return path.getFileSystem(spark.sparkContext().hadoopConfiguration())
                .getContentSummary(path)
                .getLength();
    }

    /**
     * A corpus argument: "brown:N" builds the Brown corpus resampled to N MB, "brown:texts" writes its 500
     * texts in genre folders; anything else is a path.
     */
    private static String resolve(String corpus, Path work) throws Exception {
        if (!corpus.startsWith("brown:")) {
            return corpus;
        }
        if (corpus.equals(BROWN_TEXTS)) {
            Path dir = work.resolve("brown-texts");
            if (!Files.exists(dir.resolve("_COMPLETE"))) {
                BrownCorpus.load(work.resolve("brown-package")).writeOriginals(dir);
                Files.writeString(dir.resolve("_COMPLETE"), "");
            }
            return dir.toString();
        }
        int megabytes = Integer.parseInt(corpus.substring("brown:".length()));
        Path dir = work.resolve("brown-" + megabytes + "mb");
        Path done = dir.resolve("_COMPLETE");
        if (!Files.exists(done)) {
            BrownCorpus brown = BrownCorpus.load(work.resolve("brown-package"));
            brown.writeResampled(dir, megabytes * 1_000_000L, 42);
            Files.writeString(done, "");
        }
        return dir.toString();
    }

    private static Options parse(String[] args) {
        List<String> corpora = new ArrayList<>();
        List<String> stages = List.of("ingest", "annotate", "terms");
        String baseline = "features";
        Path work = Path.of("target/bench");
        Path markdown = null;
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--help" -> {
                    System.out.println("Usage: jobs/benchmark [--corpus PATH] [--brown-mb N[,N...]] "
                            + "[--brown-texts] [--stages ingest,annotate,terms|all|...] [--baseline off|features|full] "
                            + "[--work DIR] [--markdown FILE] [NewsLens settings]");
                    System.exit(0);
                }
                case "--corpus" -> corpora.add(value);
                case "--brown-texts" -> {
                    corpora.add(BROWN_TEXTS);
                    i--; // a flag: no value
                }
                case "--brown-mb" -> Arrays.stream(value.split(",")).forEach(mb -> corpora.add("brown:" + mb.trim()));
                case "--stages" ->
                    stages = value.equals("all")
                            ? Jobs.names().stream()
                                    .filter(name -> !name.equals("all"))
                                    .toList()
                            : List.of(value.split(","));
                case "--baseline" -> baseline = value;
                case "--work" -> work = Path.of(value);
                case "--markdown" -> markdown = Path.of(value);
                default -> {
                    settings.add(args[i]);
                    settings.add(value);
                }
            }
            i++;
        }
        if (corpora.isEmpty()) {
            corpora.add("data");
        }
        if (!List.of("off", "features", "full").contains(baseline)) {
            throw new IllegalArgumentException("--baseline must be off, features or full");
        }
        return new Options(corpora, stages, baseline, work.toAbsolutePath(), markdown, settings);
    }
}
