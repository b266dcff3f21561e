package org.newslens.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.io.Table;
import org.newslens.testing.SharedSpark;

/** The earlier doc_terms files of an append, rewritten with a new tf_idf: rows as Spark would write them. */
class TfIdfRewriteTest {
    private static final int KEYWORDS = 4;
    private final SparkSession spark = SharedSpark.session();
    private final Configuration conf = spark.sparkContext().hadoopConfiguration();

    @TempDir
    java.nio.file.Path dir;

    /** 3,000 rows of 60 documents over 40 terms, tf 1-7; tf_idf as an older idf left it. */
    private Dataset<Row> docTerms() {
        List<Row> rows = new ArrayList<>();
        for (int doc = 0; doc < 60; doc++) {
            for (int t = 0; t < 50; t++) {
                int term = (doc * 7 + t * 3) % 40;
                rows.add(RowFactory.create(
                        "doc" + doc, "term" + term + (t % 2 == 0 ? "" : "-" + t), 1 + (doc + t) % 7, 0.5));
            }
        }
        return spark.createDataFrame(rows, Table.DOC_TERMS.schema());
    }

    private Map<String, Double> idf(Dataset<Row> docTerms) {
        Map<String, Double> idf = new HashMap<>();
        for (Row row : docTerms.select("term").distinct().collectAsList()) {
            String term = row.getString(0);
            idf.put(term, 1.0 + term.length() / 7.0 + Math.abs(term.hashCode() % 1000) / 997.0);
        }
        return idf;
    }

    private List<Path> partFiles(java.nio.file.Path folder) throws IOException {
        try (Stream<java.nio.file.Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-"))
                    .map(f -> new Path(f.toUri()))
                    .sorted()
                    .toList();
        }
    }

    private int rowGroups(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            return reader.getFooter().getBlocks().size();
        }
    }

    private List<String> rewritten(String options, Map<String, Double> idf, Dataset<Row> docTerms) throws IOException {
        java.nio.file.Path before = dir.resolve("before-" + options.hashCode());
        java.nio.file.Path after = dir.resolve("after-" + options.hashCode());
        Files.createDirectories(after);
        var writer = docTerms.coalesce(2).write().option("parquet.block.size", "4096");
        for (String option : options.split(",")) {
            if (!option.isEmpty()) {
                writer = writer.option(option.split("=")[0], option.split("=")[1]);
            }
        }
        writer.parquet(before.toString());
        Broadcast<Map<String, Double>> shared =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(idf);
        TfIdfRewrite rewrite = new TfIdfRewrite(shared, KEYWORDS);
        int groups = 0;
        List<Row> candidates = new ArrayList<>();
        for (Path file : partFiles(before)) {
            groups += rowGroups(file);
            rewrite.rewrite(file, new Path(after.toUri().toString(), file.getName()), conf)
                    .forEachRemaining(candidates::add);
        }
        // The candidates given back rank to the keywords of the rewritten rows.
        Dataset<Row> rewrittenRows =
                spark.read().schema(Table.DOC_TERMS.schema()).parquet(after.toString());
        assertThat(keywordLines(TermsJob.ranked(spark.createDataFrame(candidates, TfIdfRewrite.CANDIDATES), KEYWORDS)))
                .isEqualTo(keywordLines(TermsJob.keywords(rewrittenRows, KEYWORDS)))
                .hasSize(60 * KEYWORDS);
        assertThat(groups).as("row groups of the earlier files").isGreaterThan(2);
        try (Stream<java.nio.file.Path> left = Files.list(after)) {
            assertThat(left.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .as("only the rewritten files, no side files")
                    .allMatch(n -> n.startsWith("part-"))
                    .hasSize(partFiles(before).size());
        }
        return lines(spark.read().schema(Table.DOC_TERMS.schema()).parquet(after.toString()));
    }

    private static List<String> keywordLines(Dataset<Row> keywords) {
        return keywords.collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getInt(1) + " " + r.getString(2) + " " + r.getDouble(3))
                .sorted()
                .toList();
    }

    private static List<String> lines(Dataset<Row> docTerms) {
        return docTerms.collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getInt(2) + " " + r.getDouble(3))
                .sorted()
                .toList();
    }

    /** What a full run writes: TermsJob.docTerms over the same term frequencies and idf. */
    private List<String> expected(Dataset<Row> docTerms, Map<String, Double> idf) {
        List<Row> stats = new ArrayList<>();
        idf.forEach((term, value) -> stats.add(RowFactory.create(term, 1L, 1L, value)));
        Dataset<Row> termStats = spark.createDataFrame(stats, Table.TERM_STATS.schema());
        return lines(TermsJob.docTerms(docTerms.select("doc_id", "term", "tf"), termStats, idf.size())
                .select("doc_id", "term", "tf", "tf_idf"));
    }

    @Test
    void everyRowGetsTfTimesItsTermsIdfAndKeepsItsOtherValuesAcrossRowGroups() throws IOException {
        Dataset<Row> docTerms = docTerms();
        Map<String, Double> idf = idf(docTerms);
        assertThat(rewritten("", idf, docTerms)).isEqualTo(expected(docTerms, idf));
    }

    /** A term column written without a dictionary is looked up row by row, with the same result. */
    @Test
    void aTermColumnWithoutDictionaryGivesTheSameRows() throws IOException {
        Dataset<Row> docTerms = docTerms();
        Map<String, Double> idf = idf(docTerms);
        assertThat(rewritten("parquet.enable.dictionary=false", idf, docTerms)).isEqualTo(expected(docTerms, idf));
    }

    /** A failed attempt's leftovers (its side file, a partial output) do not stop the next attempt. */
    @Test
    void anAttemptAfterAFailedOneWritesOverItsLeftovers() throws IOException {
        Dataset<Row> docTerms = docTerms();
        Map<String, Double> idf = idf(docTerms);
        java.nio.file.Path before = dir.resolve("leftovers-before");
        java.nio.file.Path after = dir.resolve("leftovers-after");
        docTerms.coalesce(1).write().parquet(before.toString());
        Files.createDirectories(after);
        Path file = partFiles(before).get(0);
        Path to = new Path(after.toUri().toString(), file.getName());
        Files.writeString(after.resolve(file.getName()), "partial");
        Files.writeString(after.resolve("_tf_idf-" + file.getName() + "-0"), "partial");
        new TfIdfRewrite(JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(idf), KEYWORDS)
                .rewrite(file, to, conf);
        assertThat(lines(spark.read().schema(Table.DOC_TERMS.schema()).parquet(after.toString())))
                .isEqualTo(expected(docTerms, idf));
        try (Stream<java.nio.file.Path> left = Files.list(after)) {
            assertThat(left.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .containsExactly(file.getName());
        }
    }

    @Test
    void aTermMissingFromTermStatsFailsNamingIt() {
        Dataset<Row> docTerms = docTerms();
        Map<String, Double> idf = idf(docTerms);
        idf.remove("term3");
        assertThatThrownBy(() -> rewritten("", idf, docTerms))
                .hasStackTraceContaining("the document term 'term3'")
                .hasStackTraceContaining("is not in term_stats");
    }
}
