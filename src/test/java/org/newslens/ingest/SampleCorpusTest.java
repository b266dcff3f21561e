package org.newslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.newslens.ingest.article.Hashes;

/** The five sample articles in data/ (read, not copied into rules): all become documents. */
class SampleCorpusTest {
    @Test
    void allFiveSampleArticlesBecomeDocuments() throws Exception {
        IngestTestSupport.Outcome out = IngestTestSupport.ingest(Path.of("data").toAbsolutePath());
        assertThat(out.rejects()).isEmpty();
        assertThat(out.documents()).hasSize(5);
        assertThat(out.inputs()).isEqualTo(5);

        Row withDateline = out.document("001_418fd058f8ef7f5a.txt");
        assertThat(withDateline.<String>getAs("title"))
                .isEqualTo("Iran, China sign 20 cooperation agreements in Beijing");
        assertThat(withDateline.<String>getAs("outlet")).isEqualTo("The Cradle");
        assertThat(withDateline.<java.sql.Date>getAs("published").toLocalDate()).isEqualTo(LocalDate.of(2023, 2, 14));
        assertThat(withDateline.<String>getAs("text"))
                .doesNotContain("Leave a Reply")
                .doesNotContain("Your email address will not be published")
                .endsWith("international affairs.");

        Row kicker = out.document("003_6c6b07c7f306e68d.txt");
        assertThat(kicker.<String>getAs("title"))
                .isEqualTo("Khamenei vows US talks won\u2019t derail China ties in message to Xi, source says");
        assertThat(kicker.<String>getAs("text")).doesNotStartWith("EXCLUSIVE");
        String caption = "In this photo from January 23, 2016, released by the official website";
        String text = kicker.getAs("text");
        assertThat(text.indexOf(caption)).isGreaterThanOrEqualTo(0).isEqualTo(text.lastIndexOf(caption));
        assertThat((Object) kicker.getAs("published")).isNull();

        assertThat(out.document("002_4eed75918fc9af3b.txt").<String>getAs("text"))
                .doesNotContain("READ ALSO");
        Row signOff = out.document("004_038d493d3db1d33f.txt");
        assertThat(signOff.<String>getAs("outlet")).isEqualTo("IRNA English");
        assertThat(signOff.<String>getAs("text")).doesNotContain("Follow us on Twitter");
        // Articles whose first line is already the lead paragraph have no headline to report.
        assertThat(out.document("000_6e0afddb69f29f91.txt").<String>getAs("title"))
                .isNull();
        assertThat(out.document("002_4eed75918fc9af3b.txt").<String>getAs("title"))
                .isNull();
        assertThat(signOff.<String>getAs("title")).isNull();

        for (Row doc : out.documents()) {
            String docText = doc.getAs("text");
            assertThat(doc.<String>getAs("content_sha")).isEqualTo(Hashes.sha256Hex(docText));
            assertThat(doc.<Integer>getAs("n_chars")).isEqualTo(docText.codePointCount(0, docText.length()));
            assertThat(doc.<Integer>getAs("n_tokens")).isGreaterThan(300);
            assertThat(doc.<String>getAs("doc_id")).matches("[0-9a-f]{32}");
        }
    }
}
