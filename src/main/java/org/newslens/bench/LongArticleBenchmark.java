package org.newslens.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.newslens.Jobs;
import org.newslens.SettingsRegistry;
import org.newslens.config.Settings;
import org.newslens.ingest.IngestSettings;
import org.newslens.pipeline.Pipeline;
import org.newslens.pipeline.SparkSessions;

/**
 * {@code jobs/benchmark-long-article}: does one very long article cost about what the same text costs as
 * ordinary articles? Builds, from the Brown corpus in its original order, one article of {@code --chars}
 * characters (default: the ingest.max-chars limit, so it is kept whole) and the same paragraphs cut into
 * articles of about {@code --article-chars}, runs each stage on both and prints seconds per stage and their
 * ratio. A stage whose cost grows faster than linearly with the length of one document shows a ratio well
 * above 1. A warm-up run on a few articles first loads the models, so neither measured run pays for it.
 *
 * <pre>
 * jobs/benchmark-long-article                          # 1,000,000 characters
 * jobs/benchmark-long-article --chars 100000 --stages ingest,annotate,terms,entities
 * </pre>
 * Other {@code --key value} arguments are NewsLens settings (e.g. {@code --annotate.ner false}).
 */
public final class LongArticleBenchmark {
    private static final int SENTENCES_PER_PARAGRAPH = 5;
    /** Room for the title line and the paragraph breaks, so the long article stays under the limit. */
    private static final int TITLE_ROOM = 100;

    private record Options(int chars, int articleChars, List<String> stages, Path work, List<String> settings) {}

    private LongArticleBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        Path dir = options.work().resolve("long-article-" + options.chars());
        List<String> paragraphs =
                paragraphs(BrownCorpus.load(options.work().resolve("brown-package")), options.chars() - TITLE_ROOM);
        Path one = dir.resolve("one");
        Path split = dir.resolve("split");
        writeOne(one, paragraphs);
        int articles = writeSplit(split, paragraphs, options.articleChars());
        int chars = paragraphs.stream().mapToInt(p -> p.length() + 2).sum();

        Path warmup = dir.resolve("warmup");
        writeSplit(warmup, paragraphs.subList(0, Math.min(4, paragraphs.size())), options.articleChars());

        SparkSession spark = SparkSessions.getOrCreate();
        // Loads the NLP models and warms the JIT, so neither measured run pays for starting up.
        run(warmup, dir.resolve("out-warmup"), options);
        double[][] oneSeconds = run(one, dir.resolve("out-one"), options);
        double[][] splitSeconds = run(split, dir.resolve("out-split"), options);

        System.out.printf(
                "Same %,d characters of Brown text: one article, and %d articles of about %,d%n",
                chars, articles, options.articleChars());
        System.out.println("(one document runs in one task, so wall time can also differ by the parallelism the "
                + "articles get; CPU s is this JVM's CPU time)");
        System.out.println();
        System.out.println("| stage | one article s | " + articles + " articles s | ratio | one article CPU s | "
                + articles + " articles CPU s | CPU ratio |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < options.stages().size(); i++) {
            System.out.printf(
                    "| %s | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f |%n",
                    options.stages().get(i),
                    oneSeconds[0][i],
                    splitSeconds[0][i],
                    oneSeconds[0][i] / Math.max(1e-9, splitSeconds[0][i]),
                    oneSeconds[1][i],
                    splitSeconds[1][i],
                    oneSeconds[1][i] / Math.max(1e-9, splitSeconds[1][i]));
        }
        spark.stop();
    }

    /** Wall seconds and CPU seconds of each stage, run one after the other on {@code input}. */
    private static double[][] run(Path input, Path output, Options options) throws Exception {
        List<String> settingArgs = new ArrayList<>(options.settings());
        settingArgs.addAll(List.of("--input", input.toString(), "--output", output.toString()));
        Settings settings = SettingsRegistry.parse(settingArgs.toArray(new String[0]));
        int stages = options.stages().size();
        double[][] seconds = new double[2][stages];
        for (int i = 0; i < stages; i++) {
            long cpu0 = PipelineBenchmark.processCpuNanos();
            long t0 = System.nanoTime();
            Pipeline.run(Jobs.forCommand(options.stages().get(i)), settings);
            seconds[0][i] = (System.nanoTime() - t0) / 1e9;
            seconds[1][i] = (PipelineBenchmark.processCpuNanos() - cpu0) / 1e9;
        }
        return seconds;
    }

    /** Brown sentences in their original order, five to a paragraph, until {@code chars} would be exceeded. */
    static List<String> paragraphs(BrownCorpus brown, int chars) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        int total = 0;
        int inParagraph = 0;
        for (BrownCorpus.Text text : brown.texts()) {
            for (String sentence : text.sentences()) {
                if (total + paragraph.length() + sentence.length() + 3 > chars) {
                    if (paragraph.length() > 0) {
                        paragraphs.add(paragraph.toString());
                    }
                    return paragraphs;
                }
                paragraph.append(inParagraph == 0 ? "" : " ").append(sentence);
                if (++inParagraph == SENTENCES_PER_PARAGRAPH) {
                    paragraphs.add(paragraph.toString());
                    total += paragraph.length() + 2;
                    paragraph.setLength(0);
                    inParagraph = 0;
                }
            }
        }
        throw new IllegalArgumentException("The Brown corpus has fewer than " + chars + " characters");
    }

    private static void writeOne(Path dir, List<String> paragraphs) throws IOException {
        write(dir.resolve("long-article.txt"), "One very long article\n\n" + String.join("\n\n", paragraphs) + "\n");
    }

    /** The same paragraphs as articles of about {@code articleChars} (whole paragraphs); returns how many. */
    private static int writeSplit(Path dir, List<String> paragraphs, int articleChars) throws IOException {
        int article = 0;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < paragraphs.size(); i++) {
            body.append(paragraphs.get(i)).append("\n\n");
            if (body.length() >= articleChars || i == paragraphs.size() - 1) {
                write(
                        dir.resolve(String.format("article-%05d.txt", article)),
                        "Article " + article + "\n\n" + body.toString().trim() + "\n");
                article++;
                body.setLength(0);
            }
        }
        return article;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Options parse(String[] args) {
        int chars = IngestSettings.MAX_CHARS.defaultValue();
        int articleChars = 5_000;
        List<String> stages = List.of("ingest", "annotate", "terms", "entities", "topics");
        Path work = Path.of("target/bench");
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--help" -> {
                    System.out.println("Usage: jobs/benchmark-long-article [--chars N] [--article-chars N] "
                            + "[--stages ingest,annotate,terms,entities,topics] [--work DIR] [NewsLens settings]");
                    System.exit(0);
                }
                case "--chars" -> chars = Integer.parseInt(value);
                case "--article-chars" -> articleChars = Integer.parseInt(value);
                case "--stages" -> stages = List.of(value.split(","));
                case "--work" -> work = Path.of(value);
                default -> {
                    settings.add(args[i]);
                    settings.add(value);
                }
            }
            i++;
        }
        if (chars > IngestSettings.MAX_CHARS.defaultValue()
                && !settings.contains("--" + IngestSettings.MAX_CHARS.key())) {
            settings.addAll(List.of("--" + IngestSettings.MAX_CHARS.key(), Integer.toString(chars)));
        }
        return new Options(chars, articleChars, stages, work.toAbsolutePath(), settings);
    }
}
