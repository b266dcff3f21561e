package org.newslens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupQuotesAndAmpersands() {
        assertThat(Html.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Html.escape("\"><img src=x onerror=alert(1)>"))
                .isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Html.escape("Tom's & Jerry's")).isEqualTo("Tom&apos;s &amp; Jerry&apos;s");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("Zürich – 東京 🙂")).isEqualTo("Zürich – 東京 🙂");
    }

    @Test
    void randomStringsRoundTripAsTextInTextAndAttributes() {
        Random random = new Random(42);
        String alphabet = "<>&\"'=/ abc\u00e9\u6771\t\n;#x";
        for (int i = 0; i < 500; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(30); j > 0; j--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            var doc = Jsoup.parse("<p title=\"" + Html.escape(text) + "\">" + Html.escape(text) + "</p>");
            assertThat(doc.body().children()).hasSize(1);
            assertThat(doc.selectFirst("p").attr("title")).isEqualTo(text);
            assertThat(doc.selectFirst("p").wholeText()).isEqualTo(text);
        }
    }

    @Test
    void shortensByCodePoints() {
        assertThat(Html.shorten("short", 10)).isEqualTo("short");
        assertThat(Html.shorten("a much longer label", 8)).isEqualTo("a much \u2026");
        assertThat(Html.shorten("🙂🙂🙂🙂", 3)).isEqualTo("🙂🙂\u2026");
    }

    @Test
    void highlightsAreMarkedAndTheRestEscaped() {
        String html = HtmlReport.highlighted("A <b> met B.", List.of(new int[] {0, 1}, new int[] {10, 11}));
        assertThat(html).isEqualTo("<mark>A</mark> &lt;b&gt; met <mark>B</mark>.");
    }
}
