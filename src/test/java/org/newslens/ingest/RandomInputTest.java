package org.newslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.newslens.ingest.article.DateFinder;
import org.newslens.ingest.article.Kickers;
import org.newslens.ingest.article.Lines;
import org.newslens.ingest.article.OutletFinder;
import org.newslens.ingest.article.ParsedArticle;
import org.newslens.ingest.article.PlainTextParser;
import org.newslens.ingest.article.TitleFinder;
import org.newslens.ingest.article.TokenCounter;
import org.newslens.ingest.article.Truncator;
import org.newslens.ingest.article.WebFurniture;

/** Random text (and random bytes) through every parser: nothing may throw, and basic invariants hold. */
class RandomInputTest {
    private static final String PIECES = "ab CD .!?,:;-\u2014\u2013|()\"'#\n\n\r\t 0123456789 May Feb. 2023 Share this "
            + "READ ALSO: \u00e9\u00fc\u4e2d\u6587\ud83d\ude00 (Reuters) - LONDON EXCLUSIVE Leave a Reply \u0000\u0007";

    private static String randomText(Random random) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(400);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(10) == 0) {
                int start = random.nextInt(PIECES.length() - 12);
                out.append(PIECES, start, start + 1 + random.nextInt(11));
            } else {
                out.append((char) random.nextInt(0x3000));
            }
        }
        return out.toString();
    }

    @Test
    void parsersNeverThrowOnRandomText() {
        Random random = new Random(20240601L);
        for (int i = 0; i < 3000; i++) {
            String text = randomText(random);
            ParsedArticle article = PlainTextParser.parse(text, random.nextBoolean());
            String body = Lines.join(article.lines());
            assertThat(body.length()).isLessThanOrEqualTo(text.length() + 2);
            LocalDate published = DateFinder.parseValue(text);
            if (published != null) {
                assertThat(published.getYear()).isBetween(1800, 2100);
            }
            TokenCounter.count(text);
            String cut = Truncator.truncate(text, 1 + random.nextInt(200));
            assertThat(text).startsWith(cut);
            for (String line : Lines.split(text)) {
                WebFurniture.match(line);
                Kickers.isKicker(line);
                TitleFinder.isTitle(line);
                OutletFinder.fromSignOff(line);
                OutletFinder.fromWireDateline(line);
                OutletFinder.beforeDate(line, random.nextInt(line.length() + 1));
            }
        }
    }

    @Test
    void decoderNeverThrowsOnRandomBytes() {
        Random random = new Random(7L);
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] = (byte) (bytes[j] & 0x7f | (bytes[j] == 0 ? 0x20 : 0));
                }
            }
            DecodedText decoded = TextDecoder.decode(bytes, bytes.length, random.nextBoolean());
            assertThat(decoded.isRejected() ? decoded.detail() : decoded.text()).isNotNull();
        }
    }
}
