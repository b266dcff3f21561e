package org.newslens.bench;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.DoubleAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.newslens.annotate.AnnotateJob;
import org.newslens.annotate.AnnotateSettings;
import org.newslens.annotate.AnnotatorConfig;
import org.newslens.annotate.CoreNlpPipelines;
import org.newslens.annotate.DocumentAnnotatorAccess;
import org.newslens.testing.DocumentsFixture;
import org.newslens.testing.SharedSpark;

/**
 * Annotate throughput on a resampled Brown corpus: not a test, a measurement. Run with
 * {@code mvn -o -q test -Dtest=AnnotateBench -Dnewslens.bench=true [-Dnewslens.bench.mb=4]}.
 */
@EnabledIfSystemProperty(named = "newslens.bench", matches = "true")
class AnnotateBench {
    private static final Path CACHE = Path.of("/tmp/newslens-brown");

    private static Path corpus() throws Exception {
        long mb = Long.getLong("newslens.bench.mb", 4);
        Path dir = Path.of("/tmp/newslens-brown-" + mb + "mb");
        if (!Files.isDirectory(dir)) {
            BrownCorpus.load(CACHE).writeResampled(dir, mb * 1_000_000, 42);
        }
        return dir;
    }

    private static List<String> texts(Path dir, int maxBytes) throws Exception {
        List<String> texts = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = Files.readString(file);
                texts.add(text);
                bytes += text.length();
                if (bytes > maxBytes) {
                    break;
                }
            }
        }
        return texts;
    }

    @Test
    void sparkPassThroughput() throws Exception {
        SparkSession spark = SharedSpark.session();
        Path dir = corpus();
        List<String[]> docs = new ArrayList<>();
        int i = 0;
        for (String text : texts(dir, Integer.MAX_VALUE)) {
            docs.add(new String[] {"doc" + i++, text});
        }
        Dataset<Row> documents = DocumentsFixture.of(spark, docs).cache();
        long chars = documents.selectExpr("sum(n_chars)").first().getLong(0);
        int cores = spark.sparkContext().defaultParallelism();
        for (boolean ner : new boolean[] {false, true, false, true}) {
            AnnotatorConfig config = new AnnotatorConfig(false, ner, AnnotateSettings.DEFAULT_NER_MODEL, false);
            DoubleAccumulator load = spark.sparkContext().doubleAccumulator();
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            Row sums = AnnotateJob.annotate(documents, config, 6, true, load)
                    .selectExpr("sum(size(tokens))", "sum(size(mentions))")
                    .first();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
            long tokens = sums.getLong(0);
            double work = seconds - load.value();
            System.out.printf(
                    "BENCH spark ner=%s docs=%d MB=%.1f tokens=%d mentions=%d wall=%.1fs load=%.1fs "
                            + "tokens/s=%.0f tokens/s/core=%.0f MB/s=%.2f%n",
                    ner,
                    docs.size(),
                    chars / 1e6,
                    tokens,
                    sums.getLong(1),
                    seconds,
                    load.value(),
                    tokens / work,
                    tokens / work / cores,
                    chars / 1e6 / work);
            // The machine is shared: wall-clock per core understates; tokens per CPU-second of this JVM does not.
            System.out.printf(
                    "BENCH spark ner=%s cpu=%.1fs tokens/cpu-s=%.0f (load included) loadavg=%.1f%n",
                    ner,
                    cpuSeconds,
                    tokens / cpuSeconds,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
    }

    /**
     * The ceiling of the NLP pass, one thread, same text as the pipeline benchmark: CoreNLP's tokenizer alone,
     * tokenize+ssplit, then NewsLens's whole per-document work (lemmas, terms, stop flags) and the Spark rows
     * built from it. Text from {@code -Dnewslens.bench.dir} (default: the resampled corpus above), first 4 MB.
     */
    @Test
    void singleThreadCeiling() throws Exception {
        String dir = System.getProperty("newslens.bench.dir");
        List<String> texts = texts(dir == null ? corpus() : Path.of(dir), 4_000_000);
        long chars = texts.stream().mapToLong(String::length).sum();
        AnnotatorConfig plain = new AnnotatorConfig(false, false, AnnotateSettings.DEFAULT_NER_MODEL, false);
        java.util.Properties tokenizeOnly = plain.properties();
        tokenizeOnly.setProperty("annotators", "tokenize");
        StanfordCoreNLP tokenizer = new StanfordCoreNLP(tokenizeOnly);
        CoreNlpPipelines.Loaded loaded = CoreNlpPipelines.get(plain);
        StanfordCoreNLP pipeline = loaded.pipeline();
        DocumentAnnotatorAccess annotator = new DocumentAnnotatorAccess(loaded, plain);
        for (int round = 0; round < 3; round++) {
            ceiling("tokenize", texts, chars, text -> {
                Annotation a = new Annotation(text);
                tokenizer.annotate(a);
                return a.get(CoreAnnotations.TokensAnnotation.class).size();
            });
            ceiling("tokenize,ssplit", texts, chars, text -> {
                Annotation a = new Annotation(text);
                pipeline.annotate(a);
                return a.get(CoreAnnotations.TokensAnnotation.class).size();
            });
            ceiling("DocumentAnnotator (+lemma, terms, stop flags)", texts, chars, annotator::tokens);
            ceiling("DocumentAnnotator + Spark rows", texts, chars, annotator::tokensAsRow);
        }
    }

    private static void ceiling(
            String label, List<String> texts, long chars, java.util.function.ToIntFunction<String> work) {
        // Thread CPU time, not wall time: the machine is shared, and the ceiling is what one core can do.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long tokens = 0;
        long t0 = threads.getCurrentThreadCpuTime();
        for (String text : texts) {
            tokens += work.applyAsInt(text);
        }
        double seconds = (threads.getCurrentThreadCpuTime() - t0) / 1e9;
        System.out.printf(
                "BENCH ceiling 1 thread %-48s tokens=%d %.2f CPU-s %.0f tokens/s %.2f MB/s%n",
                label, tokens, seconds, tokens / seconds, chars / 1e6 / seconds);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
