package org.newslens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.newslens.Main;
import org.newslens.io.Columns;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.pipeline.SparkSessions;

/**
 * Topics benchmark on the Brown corpus (500 texts, 15 genres). Builds documents + sentences with
 * {@link TopicsInput} (simple lower-cased word terms, no lemmatisation: the real annotate job is not used
 * here), runs the topics job twice with k = 15 and prints NMI of dominant topic and of cluster against the
 * genre, mean c_npmi, seconds per run and whether both runs wrote identical topics, doc_topics and clusters.
 *
 * <p>Usage: {@code TopicsBenchmark [--pipeline [--reuse]] [--cache DIR] [--work DIR] [--k 15] [--runs 2] [--resampled-mb N]
 * [--setting value ...]}. With {@code --resampled-mb} it times one run on documents of 15 to 40 Brown
 * sentences drawn at random (seeded) up to N MB instead (no genres, so no NMI). Other {@code --topics.*}
 * settings are passed to the job. With {@code --pipeline} the texts go through the real ingest, annotate and
 * terms jobs first (CoreNLP lemmas and collocations) instead of {@link TopicsInput}; add {@code --reuse} with
 * {@code --work DIR} to keep that pipeline's tables from an earlier run in DIR and only rerun topics.
 */
public final class TopicsBenchmark {
    private TopicsBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path cache = Path.of("/tmp/newslens-brown");
        Path work = Files.createTempDirectory("topics-bench");
        String k = "15";
        int runs = 2;
        double resampledMb = 0;
        List<String> passThrough = new ArrayList<>();
        boolean pipeline = false;
        boolean reuse = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pipeline" -> pipeline = true;
                case "--reuse" -> reuse = true;
                case "--cache" -> cache = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--k" -> k = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--resampled-mb" -> resampledMb = Double.parseDouble(args[++i]);
                default -> {
                    passThrough.add(args[i]);
                    passThrough.add(args[++i]);
                }
            }
        }
        BrownCorpus brown = BrownCorpus.load(cache);
        SparkSession spark = SparkSessions.getOrCreate();
        String output = work.resolve("out").toUri().toString();
        Map<String, Character> genre = new HashMap<>();
        List<TopicsInput.Doc> docs =
                resampledMb > 0 ? resampled(brown, (long) (resampledMb * 1e6), 7) : originals(brown, genre);
        long bytes = docs.stream()
                .flatMap(d -> d.sentences().stream())
                .mapToLong(String::length)
                .sum();
        if (pipeline && reuse && new TableStore(spark, output, "read").exists(Table.SENTENCES)) {
            genre = QualityFigures.genresFromFolders(new TableStore(spark, output, "read"));
        } else if (pipeline) {
            genre = throughPipeline(brown, work, output);
        } else {
            TopicsInput.write(spark, output, docs);
        }

        List<String> jobArgs = new ArrayList<>(List.of("topics", "--output", output, "--topics.k", k));
        jobArgs.addAll(passThrough);
        List<String> firstRows = null;
        boolean identical = true;
        System.out.printf("%nTopics benchmark: %d documents, %.1f MB of text, k = %s%n", docs.size(), bytes / 1e6, k);
        System.out.printf(
                "%-4s %-10s %-12s %-10s %-8s %-9s%n",
                "run", "NMI topics", "NMI clusters", "c_npmi", "seconds", "identical");
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            int code = Main.run(jobArgs.toArray(new String[0]));
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (code != 0) {
                throw new IllegalStateException("topics job failed with exit code " + code);
            }
            TableStore tables = new TableStore(spark, output, "read");
            List<String> rows = snapshot(tables);
            if (firstRows == null) {
                firstRows = rows;
            } else {
                identical &= firstRows.equals(rows);
            }
            double nmiTopics = genre.isEmpty() ? Double.NaN : QualityFigures.nmi(tables, Table.DOC_TOPICS, genre);
            double nmiClusters = genre.isEmpty() ? Double.NaN : QualityFigures.nmi(tables, Table.CLUSTERS, genre);
            double cNpmi = tables.read(Table.TOPIC_METRICS, "bench")
                    .filter("metric = 'c_npmi' and model <> 'clusters'")
                    .first()
                    .<Double>getAs(Columns.VALUE);
            System.out.printf(
                    "%-4d %-10.3f %-12.3f %-10.3f %-8.1f %-9s%n",
                    run, nmiTopics, nmiClusters, cNpmi, seconds, run == 1 ? "-" : String.valueOf(identical));
        }
        tables(spark, output);
    }

    /**
     * With {@code --pipeline}: the 500 texts as files in genre folders, through the real ingest, annotate
     * (CoreNLP lemmas, NER off) and terms jobs, so topics see real lemmas and collocations. Returns the genre
     * of each doc_id, from its folder.
     */
    private static Map<String, Character> throughPipeline(BrownCorpus brown, Path work, String output)
            throws Exception {
        Path texts = work.resolve("texts");
        brown.writeOriginals(texts);
        for (String job : List.of("ingest", "annotate", "terms")) {
            int code = Main.run(
                    new String[] {job, "--input", texts.toString(), "--output", output, "--annotate.ner", "false"});
            if (code != 0) {
                throw new IllegalStateException(job + " failed with exit code " + code);
            }
        }
        return QualityFigures.genresFromFolders(new TableStore(SparkSessions.getOrCreate(), output, "read"));
    }

    private static List<TopicsInput.Doc> originals(BrownCorpus brown, Map<String, Character> genre) {
        List<TopicsInput.Doc> docs = new ArrayList<>();
        for (BrownCorpus.Text text : brown.texts()) {
            docs.add(new TopicsInput.Doc(text.name(), null, text.sentences()));
            genre.put(text.name(), text.genre());
        }
        return docs;
    }

    /** Article-sized documents of random Brown sentences, dated over two years so trends have work too. */
    private static List<TopicsInput.Doc> resampled(BrownCorpus brown, long targetBytes, long seed) {
        List<String> pool = new ArrayList<>();
        brown.texts().forEach(t -> pool.addAll(t.sentences()));
        Random random = new Random(seed);
        List<TopicsInput.Doc> docs = new ArrayList<>();
        long written = 0;
        for (int doc = 0; written < targetBytes; doc++) {
            int length = 15 + random.nextInt(26);
            List<String> sentences = new ArrayList<>(length);
            for (int s = 0; s < length; s++) {
                String sentence = pool.get(random.nextInt(pool.size()));
                sentences.add(sentence);
                written += sentence.length() + 1;
            }
            docs.add(new TopicsInput.Doc(
                    String.format("doc-%07d", doc),
                    java.time.LocalDate.of(2024, 1, 1).plusDays(random.nextInt(730)),
                    sentences));
        }
        return docs;
    }

    /** Every row of topics, doc_topics and clusters, as sorted strings. */
    private static List<String> snapshot(TableStore tables) {
        List<String> rows = new ArrayList<>();
        for (Table table : List.of(Table.TOPICS, Table.DOC_TOPICS, Table.CLUSTERS)) {
            tables.read(table, "bench").collectAsList().forEach(r -> rows.add(table.tableName() + " " + r));
        }
        rows.sort(null);
        return rows;
    }

    private static void tables(SparkSession spark, String output) {
        TableStore tables = new TableStore(spark, output, "read");
        System.out.println("\nTopics (label | top terms):");
        tables.read(Table.TOPICS, "bench")
                .filter("rank <= 8")
                .groupBy(Columns.TOPIC_ID, Columns.LABEL)
                .agg(org.apache
                        .spark
                        .sql
                        .functions
                        .expr("concat_ws(' ', transform(sort_array(collect_list(struct(rank, term))), x -> x.term))")
                        .as(Columns.TERMS))
                .orderBy(Columns.TOPIC_ID)
                .collectAsList()
                .forEach(r -> System.out.printf(
                        "  %2d %-32s | %s%n",
                        r.getAs(Columns.TOPIC_ID), r.getAs(Columns.LABEL), r.getAs(Columns.TERMS)));
        System.out.println("Clusters (label | documents):");
        tables.read(Table.CLUSTERS, "bench")
                .groupBy(Columns.CLUSTER_ID, Columns.LABEL)
                .count()
                .orderBy(Columns.CLUSTER_ID)
                .collectAsList()
                .forEach(r -> System.out.printf(
                        "  %2d %-40s %d%n", r.getAs(Columns.CLUSTER_ID), r.getAs(Columns.LABEL), r.getAs("count")));
        System.out.println("Metrics (model-wide):");
        tables.read(Table.TOPIC_METRICS, "bench")
                .filter("topic_id is null")
                .collectAsList()
                .forEach(r -> System.out.printf(
                        "  %-9s %-24s %.4f%n",
                        r.getAs(Columns.MODEL), r.getAs(Columns.METRIC), r.getAs(Columns.VALUE)));
    }
}
