package org.newslens.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.text.TermNormalizer;

/**
 * Builds the {@code documents} and {@code sentences} tables the topics job reads, straight from texts, for
 * benchmarks and tests that should not depend on the ingest and annotate jobs. Terms are made the simple way:
 * tokens are runs of letters (with inner apostrophes or hyphens), runs of digits, or single other
 * characters; a token's term is {@link TermNormalizer#term} of the token itself, i.e. lower-cased words
 * WITHOUT lemmatisation (annotate uses CoreNLP lemmas), and null for numbers and punctuation.
 */
public final class TopicsInput {
    private static final Pattern TOKEN = Pattern.compile("\\p{L}+(?:['\u2019-]\\p{L}+)*|\\p{N}+|\\S");

    /** One input document: id, publication date (or null) and its sentences. */
    public record Doc(String docId, LocalDate published, List<String> sentences) {}

    private TopicsInput() {}

    /** One entry per token: its lower-cased form, or null when it has no letter. */
    public static List<String> terms(String sentence) {
        List<String> terms = new ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        while (m.find()) {
            terms.add(TermNormalizer.term(m.group()));
        }
        return terms;
    }

    /** Writes documents and sentences under {@code outputRoot} and commits them, as ingest and annotate would. */
    public static void write(SparkSession spark, String outputRoot, List<Doc> docs) {
        List<Row> documents = new ArrayList<>();
        List<Row> sentences = new ArrayList<>();
        for (Doc doc : docs) {
            String text = String.join(" ", doc.sentences());
            int begin = 0;
            int tokens = 0;
            for (int s = 0; s < doc.sentences().size(); s++) {
                String sentence = doc.sentences().get(s);
                List<String> terms = terms(sentence);
                tokens += terms.size();
                sentences.add(RowFactory.create(doc.docId(), s, begin, begin + sentence.length(), sentence, terms));
                begin += sentence.length() + 1;
            }
            documents.add(RowFactory.create(
                    doc.docId(),
                    "memory:" + doc.docId(),
                    null,
                    doc.published() == null ? null : Date.valueOf(doc.published()),
                    null,
                    null,
                    text,
                    text.length(),
                    tokens,
                    sha256(text)));
        }
        TableStore store = new TableStore(spark, outputRoot, "input-" + System.nanoTime());
        store.write(Table.DOCUMENTS, spark.createDataFrame(documents, Table.DOCUMENTS.schema()));
        store.write(Table.SENTENCES, spark.createDataFrame(sentences, Table.SENTENCES.schema()));
        store.commit();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
