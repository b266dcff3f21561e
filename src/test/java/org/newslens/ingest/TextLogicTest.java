package org.newslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.newslens.ingest.article.DateFinder;
import org.newslens.ingest.article.Hashes;
import org.newslens.ingest.article.Kickers;
import org.newslens.ingest.article.Lines;
import org.newslens.ingest.article.OutletFinder;
import org.newslens.ingest.article.TitleFinder;
import org.newslens.ingest.article.TokenCounter;
import org.newslens.ingest.article.Truncator;

/** Dates, kickers, outlets, decoding, truncation and counting. */
class TextLogicTest {
    @Test
    void commonDateFormats() {
        LocalDate expected = LocalDate.of(2023, 2, 14);
        for (String text : new String[] {
            "February 14, 2023",
            "Feb. 14, 2023",
            "Feb 14 2023",
            "14 February 2023",
            "14th Feb. 2023",
            "2023-02-14",
            "2023/02/14",
            "Tuesday, February 14, 2023 10:02 GMT",
            "2023-02-14T08:30:00Z",
            "Published: 14 Feb 2023"
        }) {
            assertThat(DateFinder.parseValue(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void impossibleOrAmbiguousDatesAreNotRead() {
        assertThat(DateFinder.parseValue("February 30, 2023")).isNull();
        assertThat(DateFinder.parseValue("02/03/2023")).isNull();
        assertThat(DateFinder.parseValue("in May the council met")).isNull();
        assertThat(DateFinder.parseValue("2023-13-01")).isNull();
        assertThat(DateFinder.parseValue("March 3, 0999")).isNull();
        assertThat(DateFinder.parseValue(null)).isNull();
    }

    @Test
    void earliestDateInALineWins() {
        DateFinder.Found found = DateFinder.find("Updated 2021-06-02, first published May 30, 2021");
        assertThat(found.date()).isEqualTo(LocalDate.of(2021, 6, 2));
        assertThat(found.start()).isEqualTo(8);
    }

    @Test
    void kickers() {
        assertThat(Kickers.isKicker("EXCLUSIVE")).isTrue();
        assertThat(Kickers.isKicker("Breaking News:")).isTrue();
        assertThat(Kickers.isKicker("opinion")).isTrue();
        assertThat(Kickers.isKicker("FACT CHECK")).isTrue();
        assertThat(Kickers.isKicker("MARKETS")).isTrue();
        assertThat(Kickers.isKicker("Ministers agree on fishing quotas")).isFalse();
        assertThat(Kickers.isKicker("G7 SUMMIT 2024")).isFalse();
        assertThat(Kickers.isKicker("FERRY STRIKE ENTERS SECOND WEEK")).isFalse();
    }

    @Test
    void titles() {
        assertThat(TitleFinder.isTitle("Ferry strike enters second week")).isTrue();
        assertThat(TitleFinder.isTitle("Will the ferries run again?")).isTrue();
        assertThat(TitleFinder.isTitle("## Ferry strike ends")).isTrue();
        assertThat(TitleFinder.isTitle("The ferries stopped running on Monday."))
                .isFalse();
        assertThat(TitleFinder.isTitle("Ferries stopped. Crews walked out")).isFalse();
        assertThat(TitleFinder.isTitle("March 3, 2021")).isFalse();
        assertThat(TitleFinder.isTitle("word ".repeat(30))).isFalse();
        assertThat(TitleFinder.isTitle("--")).isFalse();
    }

    @Test
    void outlets() {
        assertThat(OutletFinder.fromWireDateline("BRENMOOR (Northwind Wire) - The vote"))
                .isEqualTo("Northwind Wire");
        assertThat(OutletFinder.fromWireDateline("The vote (a close one) - passed"))
                .isNull();
        String line = "The Almira Ledger, March 3, 2021 \u2014 text";
        assertThat(OutletFinder.beforeDate(line, line.indexOf("March"))).isEqualTo("The Almira Ledger");
        String byline = "By Ana Ruiz, March 3, 2021";
        assertThat(OutletFinder.beforeDate(byline, byline.indexOf("March"))).isNull();
        String weekday = "Monday, March 3, 2021";
        assertThat(OutletFinder.beforeDate(weekday, weekday.indexOf("March"))).isNull();
        assertThat(OutletFinder.fromSignOff("Northwind News")).isEqualTo("Northwind News");
        assertThat(OutletFinder.fromSignOff("\u2014 brenmoorpost.com")).isEqualTo("brenmoorpost.com");
        assertThat(OutletFinder.fromSignOff("NWA English")).isEqualTo("NWA English");
        assertThat(OutletFinder.fromSignOff("Ana Ruiz")).isNull();
        assertThat(OutletFinder.fromSignOff("The talks ended.")).isNull();
        assertThat(OutletFinder.fromSignOff("Reporting by Ana Ruiz; Editing by Tom Velder"))
                .isNull();
    }

    @Test
    void decoding() {
        assertThat(TextDecoder.decode(new byte[0], 0, false).reject()).isEqualTo(RejectReason.EMPTY_FILE);
        byte[] png = Fixtures.png();
        assertThat(TextDecoder.decode(png, png.length, false).reject()).isEqualTo(RejectReason.NOT_TEXT);
        byte[] latin1 = "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        DecodedText bad = TextDecoder.decode(latin1, latin1.length, false);
        assertThat(bad.reject()).isEqualTo(RejectReason.UNDECODABLE);
        assertThat(bad.detail()).contains("byte 3");
        byte[] blank = " \n\t\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoder.decode(blank, blank.length, false).reject()).isEqualTo(RejectReason.BLANK_TEXT);
        byte[] bom = "\uFEFFStra\u00dfe".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoder.decode(bom, bom.length, false).text()).isEqualTo("Stra\u00dfe");
        byte[] utf16 = "\uFEFFK\u00f6ln".getBytes(StandardCharsets.UTF_16BE);
        assertThat(TextDecoder.decode(utf16, utf16.length, false).text()).isEqualTo("K\u00f6ln");
        byte[] cut = "na\u00efve".getBytes(StandardCharsets.UTF_8);
        // A read that stopped inside a two-byte character keeps what came before it.
        assertThat(TextDecoder.decode(cut, 3, true).text()).isEqualTo("na");
        assertThat(TextDecoder.decode(cut, 3, false).reject()).isEqualTo(RejectReason.UNDECODABLE);
    }

    @Test
    void truncationCutsAtParagraphThenSentence() {
        String paragraphs = "First paragraph here.\n\nSecond paragraph is longer than the rest.";
        assertThat(Truncator.truncate(paragraphs, 40)).isEqualTo("First paragraph here.");
        String sentences = "One sentence. Two sentences. Three sentences.";
        assertThat(Truncator.truncate(sentences, 35)).isEqualTo("One sentence. Two sentences.");
        assertThat(Truncator.truncate("short", 10)).isEqualTo("short");
        assertThat(Truncator.truncate("x".repeat(50), 20)).hasSize(20);
        String emoji = "a".repeat(19) + "\uD83D\uDE00";
        assertThat(Truncator.truncate(emoji + "b", 20)).isEqualTo("a".repeat(19));
    }

    @Test
    void tokenCountIsRunsOfLettersAndDigits() {
        assertThat(TokenCounter.count("The U.S. didn't sign COVID-19 rules.")).isEqualTo(9);
        assertThat(TokenCounter.count("Gespräche über Löhne")).isEqualTo(3);
        assertThat(TokenCounter.count("हिन्दी समाचार")).isEqualTo(2);
        assertThat(TokenCounter.count(" -- ")).isZero();
    }

    @Test
    void docIdDependsOnPathKeyAndContentOnly() {
        String id = Hashes.docId("news/a.txt", "", "text");
        assertThat(id).hasSize(32).isEqualTo(Hashes.docId("news/a.txt", null, "text"));
        assertThat(Hashes.docId("news/b.txt", "", "text")).isNotEqualTo(id);
        assertThat(Hashes.docId("news/a.txt", "7", "text")).isNotEqualTo(id);
        assertThat(Hashes.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void lineKeyIsTheHashOfTheNormalisedLine() {
        for (String line :
                new String[] {"  A  dock\tWORKER \u2019s gate ", "", "x", "\u201cQuoted\u201d  text\u00a0 "}) {
            assertThat(Lines.key(line)).as(line).isEqualTo(Hashes.lineKey(Lines.normalize(line)));
        }
        assertThat(Lines.normalize("  A  dock\tWORKER\u2019s ")).isEqualTo("a dock worker's");
        assertThat(Lines.key("Dock workers"))
                .isEqualTo(Lines.key(" dock   WORKERS"))
                .isNotEqualTo(Lines.key("dock worker"));
    }
}
