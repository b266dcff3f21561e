package org.newslens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.SettingsRegistry;
import org.newslens.io.ParquetTables;
import org.newslens.io.Table;

/** The loader and the HTML page on fixture tables: all tables, and only the terms tables. */
class ReportBuilderTest {
    @TempDir
    Path temp;

    private static ReportData load(Path dir) {
        return new ReportLoader(
                        new ParquetTables(new Configuration(), dir.toUri().toString()), SettingsRegistry.defaults())
                .load();
    }

    /** What changed: March is the latest month; its rising items, their March sentences, the outlets' keyness. */
    @Test
    void whatChangedComesFromTheTrendTables() {
        ReportData.Changes changes = load(ReportFixture.shared()).changes();
        assertThat(changes.latestPeriod()).isEqualTo("2024-03");
        assertThat(changes.latestStart()).hasToString("2024-03-01");
        assertThat(changes.latestEnd()).hasToString("2024-03-31");
        assertThat(changes.latestDocs()).isEqualTo(2);
        // Chile: 1 of March's 2 documents after 1 of the 3 before: expected 2/3, so rising.
        assertThat(changes.entities()).extracting(ReportData.RisingEntity::name).contains("Chile");
        assertThat(changes.entities())
                .allSatisfy(e -> assertThat((double) e.docs()).isGreaterThan(e.expected()));
        for (int i = 1; i < changes.entities().size(); i++) {
            assertThat(changes.entities().get(i).score())
                    .isLessThanOrEqualTo(changes.entities().get(i - 1).score());
        }
        assertThat(changes.timelines()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.periods()).containsExactly("2024-01", "2024-02", "2024-03");
            assertThat(t.shares()[2]).isPositive();
        });
        // Sentences come from March's documents (d5, d6) only.
        assertThat(changes.examples())
                .isNotEmpty()
                .allSatisfy(k -> assertThat(k.docId()).isIn("d5", "d6"));
        assertThat(changes.outlets())
                .extracting(ReportData.OutletProfile::outlet)
                .contains("Harbour Times", "Daily Meridian", "Pacific Ledger");
        ReportData.OutletProfile meridian = changes.outlets().stream()
                .filter(o -> o.outlet().equals("Daily Meridian"))
                .findFirst()
                .orElseThrow();
        // grid and solar: 4 times each in its two articles, never elsewhere (equal G2; ties go alphabetically).
        assertThat(meridian.terms().get(0).term()).isEqualTo("grid");
        assertThat(meridian.terms().get(1).term()).isEqualTo("solar");
        assertThat(meridian.terms().get(0).countOut()).isZero();
        assertThat(meridian.entities()).extracting(ReportData.Distinctive::term).contains("Tomas Okafor");
    }

    @Test
    void fullOutputGivesEverySectionWithFiguresFromTheTables() {
        ReportData data = load(ReportFixture.shared());

        assertThat(data.present()).containsExactly(Table.values());
        assertThat(data.corpus().documents()).isEqualTo(6);
        assertThat(data.corpus().rejects()).isEqualTo(2);
        assertThat(data.corpus().undated()).isEqualTo(1);
        assertThat(data.corpus().firstDate()).hasToString("2024-01-10");
        assertThat(data.corpus().duplicates()).isEqualTo(1);
        assertThat(data.terms().get(0).term()).isEqualTo("salmon");
        assertThat(data.collocations().get(0).ngram()).isEqualTo("northern fisheries council");
        assertThat(data.entitiesByType()).containsKeys("LOCATION", "PERSON", "ORGANIZATION", "MISC");
        assertThat(data.entitiesByType().get("PERSON").get(0).name()).isEqualTo("Mara Lindqvist");
        assertThat(data.pairs()).allMatch(p -> p.window().equals("sentence"));
        assertThat(data.pairs().get(0).count())
                .isGreaterThanOrEqualTo(data.pairs().get(1).count());
        // Communities 0 and 1 of entity_graph colour the network.
        assertThat(data.network().colourBy()).isEqualTo("community");
        assertThat(data.network().nodes())
                .extracting(ReportData.Network.Node::group)
                .contains(0L, 1L);
        assertThat(data.network().nodes()).allSatisfy(n -> {
            assertThat(n.x()).isBetween(0.0, 1.0);
            assertThat(n.y()).isBetween(0.0, 1.0);
        });
        // Keyword in context: the marked text is each entity's name.
        assertThat(data.examples()).isNotEmpty().allSatisfy(k -> {
            assertThat(k.highlights()).hasSizeGreaterThanOrEqualTo(2);
            List<String> marked = k.highlights().stream()
                    .map(h -> k.sentence().substring(h[0], h[1]))
                    .toList();
            assertThat(marked).contains(k.nameA(), k.nameB());
            assertThat(k.docTitle()).isNotNull();
        });
        ReportData.TopicCard fisheries = data.topics().get(0);
        assertThat(fisheries.label()).startsWith("salmon");
        assertThat(fisheries.documents()).isEqualTo(4);
        assertThat(fisheries.share()).isCloseTo(4 / 6.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(fisheries.exampleTitles()).hasSize(3).doesNotContainNull();
        assertThat(data.clusters()).extracting(ReportData.ClusterRow::size).containsExactly(4L, 2L);
        assertThat(data.trends())
                .singleElement()
                .satisfies(t -> assertThat(t.periods()).containsExactly("2024-01", "2024-02", "2024-03"));
        // Newest first, undated last; keywords and dominant topic joined in.
        assertThat(data.documents())
                .extracting(ReportData.DocRow::docId)
                .containsExactly("d6", "d5", "d4", "d2", "d1", "d3");
        assertThat(data.documents().get(0).keywords()).isNotEmpty();
        assertThat(data.documents().get(0).dominantTopic()).startsWith("lda #0");

        Document page = Jsoup.parse(HtmlReport.render(data));
        assertThat(page.select("svg.terms .bar")).hasSize(data.terms().size());
        assertThat(page.select("svg.collocations .bar"))
                .hasSize(data.collocations().size());
        assertThat(page.select("svg#network .node"))
                .hasSize(data.network().nodes().size());
        assertThat(page.select("svg#network .edge"))
                .hasSize(data.network().edges().size());
        assertThat(page.select(".card.topic")).hasSize(2);
        assertThat(page.select("svg.trend .series")).hasSize(2);
        assertThat(page.select("svg.clusters .bar")).hasSize(2);
        assertThat(page.select("#documents tbody tr")).hasSize(6);
        assertThat(page.select("#kwic mark")).isNotEmpty();
        // Self-contained: nothing is loaded from anywhere.
        assertThat(page.select("[src], link[href], [href^=http]")).isEmpty();
    }

    @Test
    void deterministic() {
        Path dir = ReportFixture.shared();
        assertThat(HtmlReport.render(load(dir))).isEqualTo(HtmlReport.render(load(dir)));
    }

    @Test
    void termsOnlyOutputGivesATermsReport() {
        ReportFixture.write(
                temp, EnumSet.of(Table.TERM_STATS, Table.DOC_TERMS, Table.COLLOCATIONS, Table.DOC_KEYWORDS));
        ReportData data = load(temp);
        assertThat(data.corpus().documents()).isNull();
        assertThat(data.terms()).isNotEmpty();

        Document page = Jsoup.parse(HtmlReport.render(data));
        assertThat(page.select("svg.terms .bar")).isNotEmpty();
        assertThat(page.select("svg.collocations .bar")).isNotEmpty();
        assertThat(page.select("#entities, #topics, #trends, #clusters, #docs")).isEmpty();
        assertThat(page.text()).contains("No documents table");
        assertThat(ConsoleSummary.render(data)).contains("top terms: salmon").doesNotContain("documents ");
    }

    @Test
    void emptyTablesGiveZeroFiguresAndNoCrash() {
        ReportFixture.writeEmpty(temp);
        ReportData data = load(temp);
        assertThat(data.corpus().documents()).isZero();
        assertThat(data.corpus().firstDate()).isNull();
        assertThat(data.terms()).isEmpty();
        assertThat(data.network().nodes()).isEmpty();
        assertThat(data.topics()).isEmpty();
        Document page = Jsoup.parse(HtmlReport.render(data));
        assertThat(page.select("#corpus .stat b").first().text()).isEqualTo("0");
        assertThat(page.select("svg#network")).isEmpty();
        assertThat(ConsoleSummary.render(data)).contains("documents 0, tokens 0");
    }

    @Test
    void entitiesWithoutGraphOrSentencesStillDrawTheNetworkByType() {
        ReportFixture.write(temp, EnumSet.of(Table.ENTITIES, Table.ENTITY_PAIRS));
        ReportData data = load(temp);
        assertThat(data.network().colourBy()).isEqualTo("type");
        assertThat(data.network().nodes()).isNotEmpty();
        assertThat(data.examples()).isEmpty();
        Document page = Jsoup.parse(HtmlReport.render(data));
        assertThat(page.select("svg#network .node")).isNotEmpty();
        assertThat(page.text()).contains("Example sentences need the sentences and mentions tables");
    }

    @Test
    void corpusStringsAreTextNeverMarkup() {
        ReportData data = load(ReportFixture.shared());
        String html = HtmlReport.render(data);
        Document page = Jsoup.parse(html);

        // Only the page's own script exists; no injected img, svg or event handler attribute.
        assertThat(page.select("script"))
                .singleElement()
                .satisfies(s -> assertThat(s.data()).isEqualTo(HtmlReport.SCRIPT));
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("svg")).allMatch(s -> s.hasClass("chart"));
        for (Element e : page.getAllElements()) {
            e.attributes().forEach(a -> assertThat(a.getKey()).doesNotStartWith("on"));
        }
        // ...and the hostile strings are shown as the text they are.
        assertThat(page.select("#documents td").eachText())
                .contains(ReportFixture.HOSTILE_TITLE, ReportFixture.HOSTILE_OUTLET);
        assertThat(page.select("#entities td").eachText()).contains(ReportFixture.HOSTILE_ENTITY);
        assertThat(page.select("svg#network .node title").eachText())
                .anyMatch(t -> t.startsWith(ReportFixture.HOSTILE_ENTITY));
        assertThat(page.select("svg#network .node text").eachText()).anyMatch(t -> t.startsWith("Evil <svg"));
        assertThat(page.select(".kwic li").text()).contains("<script>window.__pwned=4</script>");
        assertThat(html).doesNotContain("<script>window", "<img", "<svg onload");
    }
}
