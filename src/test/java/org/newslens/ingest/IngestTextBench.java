package org.newslens.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.newslens.ingest.article.Hashes;
import org.newslens.ingest.article.Lines;
import org.newslens.ingest.article.ParsedArticle;
import org.newslens.ingest.article.PlainTextParser;

/**
 * Ingest's per-file text work on one thread, in CPU seconds (not a test, a measurement): decoding, the
 * plain-text parser (title, date, outlet, furniture, repeated lines), line keys and the doc_id hash. Run with
 * {@code mvn -o -q test -Dtest=IngestTextBench -Dnewslens.bench=true -Dnewslens.bench.dir=DIR}.
 */
@EnabledIfSystemProperty(named = "newslens.bench", matches = "true")
class IngestTextBench {
    @Test
    void perFileTextWork() throws Exception {
        List<byte[]> files = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(Path.of(System.getProperty("newslens.bench.dir")))) {
            for (Path file :
                    walk.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                byte[] content = Files.readAllBytes(file);
                files.add(content);
                bytes += content.length;
                if (bytes > 4_000_000) {
                    break;
                }
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            long decode = 0;
            long parse = 0;
            long keys = 0;
            long hash = 0;
            long sink = 0;
            for (byte[] content : files) {
                long t0 = threads.getCurrentThreadCpuTime();
                String text = TextDecoder.decode(content, content.length, false).text();
                long t1 = threads.getCurrentThreadCpuTime();
                ParsedArticle article = PlainTextParser.parse(text, false);
                long t2 = threads.getCurrentThreadCpuTime();
                for (String line : article.lines()) {
                    sink += Lines.hasContent(line) ? Lines.key(line) : 0L;
                }
                long t3 = threads.getCurrentThreadCpuTime();
                sink += Hashes.docId("a/b.txt", null, "\u0000" + text).length();
                long t4 = threads.getCurrentThreadCpuTime();
                decode += t1 - t0;
                parse += t2 - t1;
                keys += t3 - t2;
                hash += t4 - t3;
            }
            System.out.printf(
                    "BENCH ingest 1 thread %.1f MB: decode %.2f, parse %.2f, line keys %.2f, doc_id %.2f CPU-s "
                            + "(%d)%n",
                    bytes / 1e6, decode / 1e9, parse / 1e9, keys / 1e9, hash / 1e9, sink % 2);
        }
    }
}
