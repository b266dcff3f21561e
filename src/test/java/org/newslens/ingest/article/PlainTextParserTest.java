package org.newslens.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Header and sign-off detection on made-up articles (no names from the sample corpus). */
class PlainTextParserTest {
    private static ParsedArticle parse(String text) {
        return PlainTextParser.parse(text, false);
    }

    private static String body(ParsedArticle article) {
        return Lines.join(article.lines());
    }

    @Test
    void shortFirstLineIsTheTitleAndLeavesTheBody() {
        ParsedArticle a = parse("Harbour strike enters second week in Valparaíso\n\nDock workers in the port city "
                + "stayed out on Monday. Talks resume on Friday.\n");
        assertThat(a.title()).isEqualTo("Harbour strike enters second week in Valparaíso");
        assertThat(body(a)).startsWith("Dock workers").doesNotContain("Harbour strike");
    }

    @Test
    void kickerLinesAreSkippedBeforeTheTitle() {
        for (String kicker : new String[] {"EXCLUSIVE", "BREAKING NEWS", "Analysis", "OPINION:", "WORLD BRIEF"}) {
            ParsedArticle a = parse(kicker + "\n\nMinisters agree on fishing quotas\n\nThe agreement covers cod.");
            assertThat(a.title()).as(kicker).isEqualTo("Ministers agree on fishing quotas");
            assertThat(body(a)).as(kicker).isEqualTo("The agreement covers cod.");
        }
    }

    @Test
    void leadParagraphIsNotATitle() {
        ParsedArticle a = parse("The council voted on Tuesday to close the old library. Residents protested outside.\n"
                + "More text follows here.");
        assertThat(a.title()).isNull();
        ParsedArticle ends = parse("The council voted on Tuesday to close the old library.\nMore text.");
        assertThat(ends.title()).isNull();
        assertThat(body(ends)).startsWith("The council voted");
    }

    @Test
    void singleLineTextHasNoTitle() {
        assertThat(parse("Only one short line").title()).isNull();
        assertThat(body(parse("Only one short line"))).isEqualTo("Only one short line");
    }

    @Test
    void markdownHeadingIsTheTitle() {
        ParsedArticle a = PlainTextParser.parse("# Rains flood the lower town\n\nWater rose overnight.", true);
        assertThat(a.title()).isEqualTo("Rains flood the lower town");
    }

    @Test
    void outletAndDateFromALeadDateline() {
        ParsedArticle a =
                parse("Wheat prices climb\n\nThe Northern Ledger, March 3, 2021 \u2014 Wheat rose 4% on Monday.\n"
                        + "Traders said supply is short.");
        assertThat(a.outlet()).isEqualTo("The Northern Ledger");
        assertThat(a.published()).isEqualTo(LocalDate.of(2021, 3, 3));
        assertThat(body(a)).startsWith("The Northern Ledger, March 3, 2021 \u2014 Wheat rose");
    }

    @Test
    void wireDatelineNamesTheAgency() {
        ParsedArticle a = parse("Copper hits record\n\nSANTIAGO (Andes Wire) - Copper rose on Tuesday.");
        assertThat(a.outlet()).isEqualTo("Andes Wire");
        ParsedArticle b = parse("Copper hits record\n\nLIMA, Oct. 9, 2019 (Pacific Agency) \u2014 Copper rose.");
        assertThat(b.outlet()).isEqualTo("Pacific Agency");
        assertThat(b.published()).isEqualTo(LocalDate.of(2019, 10, 9));
    }

    @Test
    void capitalisedPlaceBeforeTheDateIsNotAnOutlet() {
        ParsedArticle a = parse("Copper hits record\n\nOSLO, 9 October 2019 \u2014 Copper rose.");
        assertThat(a.outlet()).isNull();
        assertThat(a.published()).isEqualTo(LocalDate.of(2019, 10, 9));
        ParsedArticle country = parse("Copper hits record\n\nNorway, 9 October 2019 \u2014 Copper rose.");
        assertThat(country.outlet()).isNull();
    }

    @Test
    void dateLineUnderTheTitleIsReadAndRemoved() {
        ParsedArticle a = parse("Copper hits record\nBy Ana Ruiz | Published Feb. 14, 2023\n\nCopper rose on Tuesday.");
        assertThat(a.published()).isEqualTo(LocalDate.of(2023, 2, 14));
        assertThat(a.outlet()).isNull();
        assertThat(body(a)).isEqualTo("Copper rose on Tuesday.");
        ParsedArticle iso = parse("Copper hits record\n2023-02-14\nCopper rose on Tuesday.");
        assertThat(iso.published()).isEqualTo(LocalDate.of(2023, 2, 14));
    }

    @Test
    void dateInsideACaptionOrSentenceIsNotThePublicationDate() {
        ParsedArticle a = parse("Copper hits record\n\nIn this photo taken on June 2, 2008, miners walk to a shaft "
                + "near the town, as seen by our photographer who was there that day.\nCopper rose on Tuesday.");
        assertThat(a.published()).isNull();
    }

    @Test
    void signOffNamingAPublicationIsTheOutlet() {
        ParsedArticle a = parse("Copper hits record\n\nCopper rose on Tuesday.\nPrices may fall later.\nKVX Radio");
        assertThat(a.outlet()).isEqualTo("KVX Radio");
        assertThat(body(a)).doesNotContain("KVX Radio");
        ParsedArticle source = parse("Copper hits record\n\nCopper rose on Tuesday.\nSource: Mining Weekly");
        assertThat(source.outlet()).isEqualTo("Mining Weekly");
    }

    @Test
    void personalSignOffIsNotAnOutlet() {
        ParsedArticle a = parse("Copper hits record\n\nCopper rose on Tuesday.\nAna Ruiz");
        assertThat(a.outlet()).isNull();
        assertThat(body(a)).endsWith("Ana Ruiz");
    }

    @Test
    void furnitureAndRepeatedCaptionAreRemoved() {
        ParsedArticle a = parse("Copper hits record\n\nA miner at work in 2008.\nA miner at work in 2008.\n\n"
                + "Copper rose on Tuesday.\nRead more: Gold slips as dollar firms\nShare this\n\nLeave a comment\n"
                + "Your email address will not be published. Required fields are marked *");
        assertThat(body(a)).isEqualTo("A miner at work in 2008.\n\nCopper rose on Tuesday.");
    }

    @Test
    void shortAllCapsHeadlineWithoutAnotherTitleIsTheTitle() {
        ParsedArticle a = parse("PORT STRIKE ENDS\n\nDock workers in the port city returned to work on Monday after "
                + "a deal on pay. The union said members approved it.\n");
        assertThat(a.title()).isEqualTo("PORT STRIKE ENDS");
        assertThat(body(a)).startsWith("Dock workers");
        ParsedArticle labelOnly = parse("EXCLUSIVE\n\nDock workers returned to work on Monday. The union agreed.\n");
        assertThat(labelOnly.title()).isNull();
        assertThat(body(labelOnly)).startsWith("Dock workers");
    }

    @Test
    void markdownMarkupBecomesPlainText() {
        ParsedArticle a = PlainTextParser.parse(
                "## Rains flood the *lower* town\n\n![map](img/map.png)\n"
                        + "Water rose **overnight** in [Brenmoor](https://example.org/brenmoor), officials said_so_far.\n",
                true);
        assertThat(a.title()).isEqualTo("Rains flood the lower town");
        assertThat(body(a)).isEqualTo("Water rose overnight in Brenmoor, officials said_so_far.");
    }
}
