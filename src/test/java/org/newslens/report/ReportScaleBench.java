package org.newslens.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.newslens.Main;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.testing.Outputs;
import org.newslens.testing.SharedSpark;

/**
 * Times {@code jobs/report} on synthetic tables sized like the output of a ~20 MB corpus (4,000 articles of
 * 5,000 characters, 160,000 sentences, 300,000 mentions, 1 million doc_terms rows...). Not a quality test:
 * run it on purpose with {@code mvn -o -q test -Dtest=ReportScaleBench -Dnewslens.bench=true}.
 */
@EnabledIfSystemProperty(named = "newslens.bench", matches = "true")
class ReportScaleBench {
    private static final int DOCS = 4_000;

    @Test
    void reportOnTwentyMegabyteSizedOutput() throws Exception {
        Path out = Path.of("target", "report-bench").toAbsolutePath();
        if (!Files.exists(out.resolve("topic_trends/_SUCCESS"))) {
            write(out);
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        assertThat(Main.run(new String[] {"report", "--output", out.toString()}))
                .isZero();
        // CPU time of the (single) report thread too: the wall time depends on how busy the machine is.
        System.out.printf(
                "jobs/report on 20 MB-sized output took %.2f s wall, %.2f s CPU (load average %.1f)%n",
                (System.nanoTime() - t0) / 1e9,
                (threads.getCurrentThreadCpuTime() - cpu0) / 1e9,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        assertThat(Outputs.currentRun(out).resolve("report/index.html")).exists();
    }

    private static Dataset<Row> ids(SparkSession spark, long n) {
        return spark.range(n).toDF("i");
    }

    private static Column doc(String i) {
        return concat(lit("doc-"), expr("cast(" + i + " % " + DOCS + " as string)"));
    }

    private static void write(Path out) {
        SparkSession spark = SharedSpark.session();
        TableStore store = new TableStore(spark, out.toUri().toString(), "bench");
        store.write(
                Table.DOCUMENTS,
                ids(spark, DOCS)
                        .select(
                                doc("i").as("doc_id"),
                                concat(lit("file:/corpus/"), col("i")).as("source_uri"),
                                concat(lit("Article number "), col("i")).as("title"),
                                expr("if(i % 10 = 0, null, date_add(date'2023-01-01', cast(i % 730 as int)))")
                                        .as("published"),
                                concat(lit("Outlet "), expr("cast(i % 25 as string)"))
                                        .as("outlet"),
                                lit(null).cast("string").as("url"),
                                expr("repeat('Lorem ipsum dolor sit amet, consectetur adipiscing. ', 96)")
                                        .as("text"),
                                lit(5000).as("n_chars"),
                                lit(900).as("n_tokens"),
                                expr("sha2(cast(i as string), 256)").as("content_sha")));
        store.write(
                Table.REJECTS,
                ids(spark, 40)
                        .select(
                                concat(lit("file:/bad/"), col("i")).as("source_uri"),
                                expr("if(i % 2 = 0, 'empty_file', 'too_short')").as("reason"),
                                lit("detail").as("detail")));
        store.write(
                Table.SENTENCES,
                ids(spark, 40L * DOCS)
                        .select(
                                doc("i").as("doc_id"),
                                expr("cast(i div " + DOCS + " as int)").as("sent_id"),
                                expr("cast((i div " + DOCS + ") * 125 as int)").as("begin"),
                                expr("cast((i div " + DOCS + ") * 125 + 124 as int)")
                                        .as("end"),
                                expr("concat('Entity', cast(i % 997 as string), ' met Entity', cast((i * 7) % 997 as string), "
                                                + "' to discuss ', repeat('matters of state ', 5))")
                                        .as("text"),
                                array(lit("entity"), lit("meet"), lit("discuss"))
                                        .as("terms")));
        // Sentence s (doc s % DOCS) reads "Entity<a> met Entity<b> ...", a = s % 997, b = 7s % 997.
        Dataset<Row> mentions = ids(spark, 80L * DOCS)
                .select(
                        doc("i div 2").as("doc_id"),
                        expr("cast((i div 2) div " + DOCS + " as int)").as("sent_id"),
                        expr("cast(((i div 2) div " + DOCS + ") * 125 as int)").as("base"),
                        expr("length(concat('Entity', cast((i div 2) % 997 as string)))")
                                .as("len_a"),
                        expr("if(i % 2 = 0, (i div 2) % 997, ((i div 2) * 7) % 997)")
                                .as("e"),
                        expr("i % 2").as("second"));
        store.write(
                Table.MENTIONS,
                mentions.select(
                        col("doc_id"),
                        col("sent_id"),
                        expr("cast(base + if(second = 0, 0, len_a + 5) as int)").as("begin"),
                        expr("cast(base + if(second = 0, 0, len_a + 5) + length(concat('Entity', cast(e as string))) as int)")
                                .as("end"),
                        concat(lit("Entity"), col("e")).as("text"),
                        lit("PERSON").as("type"),
                        concat(lit("e"), col("e")).as("entity_id")));
        store.write(
                Table.TERM_STATS,
                ids(spark, 60_000)
                        .select(
                                concat(lit("term"), col("i")).as("term"),
                                expr("cast(1000000 div (i + 1) as bigint)").as("cf"),
                                expr("cast(4000 div (i + 1) + 1 as bigint)").as("df"),
                                expr("ln(4001.0 / (4000 div (i + 1) + 2)) + 1").as("idf")));
        store.write(
                Table.DOC_TERMS,
                ids(spark, 250L * DOCS)
                        .select(
                                doc("i").as("doc_id"),
                                concat(lit("term"), expr("i % 60000")).as("term"),
                                lit(2).as("tf"),
                                lit(3.5).as("tf_idf")));
        store.write(
                Table.COLLOCATIONS,
                ids(spark, 300_000)
                        .select(
                                concat(lit("term"), col("i"), lit(" term"), expr("i + 1"))
                                        .as("ngram"),
                                lit(2).as("n"),
                                expr("cast(10000 div (i + 1) + 2 as bigint)").as("count"),
                                expr("cast(1000 div (i + 1) + 1 as bigint)").as("df"),
                                lit(3.0).as("pmi"),
                                expr("100000D / (i + 1)").as("llr")));
        store.write(
                Table.DOC_KEYWORDS,
                ids(spark, 10L * DOCS)
                        .select(
                                doc("i").as("doc_id"),
                                expr("cast(i div " + DOCS + " + 1 as int)").as("rank"),
                                concat(lit("term"), expr("i % 5000")).as("term"),
                                lit(1.0).as("score")));
        store.write(
                Table.ENTITIES,
                ids(spark, 50_000)
                        .select(
                                concat(lit("e"), col("i")).as("entity_id"),
                                concat(lit("Entity"), col("i")).as("name"),
                                expr("element_at(array('PERSON','ORGANIZATION','LOCATION','MISC'), cast(i % 4 + 1 as int))")
                                        .as("type"),
                                expr("array(named_struct('alias', concat('Entity', cast(i as string)), 'count', cast(10 as bigint)))")
                                        .as("aliases"),
                                expr("cast(100000 div (i + 1) + 1 as bigint)").as("mentions"),
                                expr("cast(4000 div (i + 1) + 1 as bigint)").as("docs")));
        store.write(
                Table.ENTITY_PAIRS,
                ids(spark, 500_000)
                        .select(
                                concat(lit("e"), expr("(i + 1) % 997")).as("entity_a"),
                                concat(lit("e"), expr("((i + 1) * 7) % 997")).as("entity_b"),
                                expr("if(i % 2 = 0, 'sentence', 'document')").as("window"),
                                expr("cast(100000 div (i + 1) + 1 as bigint)").as("count"),
                                lit(3L).as("docs"),
                                lit(2.0).as("pmi"),
                                expr("1D / (1 + i % 10)").as("npmi"),
                                lit(10.0).as("llr"),
                                lit(0.1).as("jaccard")));
        store.write(
                Table.ENTITY_GRAPH,
                ids(spark, 50_000)
                        .select(
                                concat(lit("e"), col("i")).as("entity_id"),
                                lit(3L).as("degree"),
                                lit(3.0).as("weighted_degree"),
                                lit(0.00002).as("pagerank"),
                                expr("i % 7").as("community")));
        store.write(
                Table.TOPICS,
                ids(spark, 20 * 20)
                        .select(
                                lit("lda").as("model"),
                                expr("cast(i div 20 as int)").as("topic_id"),
                                expr("cast(i % 20 + 1 as int)").as("rank"),
                                concat(lit("term"), col("i")).as("term"),
                                expr("0.1D / (i % 20 + 1)").as("weight"),
                                concat(lit("label "), expr("i div 20")).as("label"),
                                lit("bench").as("first_seen"),
                                lit(true).as("is_new")));
        store.write(
                Table.DOC_TOPICS,
                ids(spark, 20L * DOCS)
                        .select(
                                doc("i").as("doc_id"),
                                lit("lda").as("model"),
                                expr("cast(i div " + DOCS + " as int)").as("topic_id"),
                                lit(0.05).as("weight"),
                                expr("(i div " + DOCS + ") = (i % " + DOCS + ") % 20")
                                        .as("is_dominant")));
        store.write(
                Table.CLUSTERS,
                ids(spark, DOCS)
                        .select(
                                doc("i").as("doc_id"),
                                expr("cast(i % 12 as int)").as("cluster_id"),
                                concat(lit("cluster "), expr("i % 12")).as("label"),
                                lit(0.3).as("distance")));
        store.write(
                Table.DUPLICATES,
                ids(spark, 100)
                        .select(
                                doc("i + 100").as("doc_id"),
                                doc("i").as("duplicate_of"),
                                lit(0.9).as("similarity"),
                                lit(null).cast("string").as("outlet"),
                                lit(null).cast("string").as("duplicate_of_outlet")));
        store.write(
                Table.TOPIC_TRENDS,
                ids(spark, 24 * 20)
                        .select(
                                expr("date_format(add_months(date'2023-01-01', cast(i div 20 as int)), 'yyyy-MM')")
                                        .as("period"),
                                lit("lda").as("model"),
                                expr("cast(i % 20 as int)").as("topic_id"),
                                lit(0.05).as("share"),
                                lit(10L).as("docs")));
        store.commit();
    }
}
