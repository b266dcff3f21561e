package org.newslens.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newslens.io.Table;
import org.newslens.report.ReportData.ClusterRow;
import org.newslens.report.ReportData.Corpus;
import org.newslens.report.ReportData.DocRow;
import org.newslens.report.ReportData.EntityRow;
import org.newslens.report.ReportData.Kwic;
import org.newslens.report.ReportData.PairRow;
import org.newslens.report.ReportData.TermWeight;
import org.newslens.report.ReportData.TopicCard;
import org.newslens.report.ReportData.Trend;

/**
 * Renders {@link ReportData} as one self-contained HTML page: inline CSS, inline SVG charts, one small
 * inline script (documents filter, network highlighting) and nothing fetched from the network. Sections whose
 * tables are absent are left out. Every corpus string goes through {@link Html#escape}; on top of that a
 * Content-Security-Policy allows only this page's own script (by hash), so even a missed escape could not run.
 */
public final class HtmlReport {
    static final String SCRIPT = """
            (function () {
              var input = document.getElementById('doc-filter');
              if (input) {
                var rows = Array.prototype.slice.call(document.querySelectorAll('#documents tbody tr'));
                var count = document.getElementById('doc-count');
                var apply = function () {
                  var q = input.value.toLowerCase(), shown = 0;
                  rows.forEach(function (r) {
                    var hit = r.textContent.toLowerCase().indexOf(q) >= 0;
                    r.hidden = !hit;
                    if (hit) { shown++; }
                  });
                  count.textContent = shown + ' of ' + rows.length;
                };
                input.addEventListener('input', apply);
                apply();
              }
              var net = document.getElementById('network');
              if (net) {
                var edges = Array.prototype.slice.call(net.querySelectorAll('.edge'));
                net.querySelectorAll('.node').forEach(function (node) {
                  var i = node.getAttribute('data-i');
                  node.addEventListener('mouseenter', function () {
                    net.classList.add('focus');
                    edges.forEach(function (e) {
                      if (e.getAttribute('data-a') === i || e.getAttribute('data-b') === i) { e.classList.add('hot'); }
                    });
                  });
                  node.addEventListener('mouseleave', function () {
                    net.classList.remove('focus');
                    edges.forEach(function (e) { e.classList.remove('hot'); });
                  });
                });
              }
              document.documentElement.setAttribute('data-report-ready', 'true');
            })();
            """;

    private static final String CSS = """
            :root { --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --bg: #f5f7fa; --accent: #4e79a7; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   color: var(--ink); background: var(--bg); }
            header { background: #243b53; color: #fff; padding: 22px 32px; }
            header h1 { margin: 0 0 4px; font-size: 24px; font-weight: 600; }
            header p { margin: 0; color: #bcccdc; }
            main { max-width: 1360px; margin: 0 auto; padding: 20px 32px 48px; }
            section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; margin: 18px 0; }
            h2 { margin: 0 0 12px; font-size: 18px; font-weight: 600; }
            h3 { margin: 14px 0 8px; font-size: 15px; font-weight: 600; }
            .note { color: var(--muted); font-size: 13px; margin: 4px 0 10px; }
            .stats { display: flex; flex-wrap: wrap; gap: 14px; }
            .stat { background: var(--bg); border-radius: 6px; padding: 10px 16px; min-width: 140px; }
            .stat b { display: block; font-size: 22px; }
            .stat span { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .row { display: flex; flex-wrap: wrap; gap: 24px; }
            .row > div { flex: 1 1 460px; min-width: 0; }
            .row > div.fixed { flex: 0 1 724px; }
            .kwic-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(400px, 1fr)); gap: 0 24px; }
            svg.chart { max-width: 100%; height: auto; font-size: 12px; }
            svg .label, svg .axis { fill: var(--ink); }
            svg .value { fill: var(--muted); }
            svg .grid { stroke: var(--line); }
            svg.network { background: #fbfcfd; border-radius: 6px; }
            svg.network .edge { stroke: #7b8794; }
            svg.network text { font-size: 12px; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px; }
            svg.network.focus .edge { stroke-opacity: .08; }
            svg.network.focus .edge.hot { stroke: #d64545; stroke-opacity: .9; }
            svg.network circle { stroke: #fff; stroke-width: 1.5px; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            .types { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 14px 40px; }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 14px; }
            .card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; border-top: 4px solid var(--c); }
            .card h3 { margin: 0 0 6px; }
            .share { height: 6px; background: var(--line); border-radius: 3px; margin: 6px 0 10px; }
            .share i { display: block; height: 6px; border-radius: 3px; background: var(--c); }
            .tw { display: grid; grid-template-columns: 110px 1fr 50px; gap: 6px; align-items: center; font-size: 13px; }
            .tw i { display: block; height: 8px; background: var(--c); opacity: .75; border-radius: 2px; }
            .tw span:last-child { color: var(--muted); text-align: right; font-variant-numeric: tabular-nums; }
            .examples { margin: 8px 0 0; padding-left: 18px; color: var(--muted); font-size: 13px; }
            .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 13px; margin-top: 6px; }
            .legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
            .kwic { margin: 4px 0 12px; padding-left: 0; list-style: none; }
            .kwic li { padding: 6px 10px; border-left: 3px solid var(--line); margin: 4px 0; background: #fbfcfd; }
            .kwic .src { display: block; color: var(--muted); font-size: 12px; }
            mark { background: #ffe8a3; padding: 0 2px; border-radius: 2px; }
            .kw { display: inline-block; background: var(--bg); border-radius: 10px; padding: 0 7px; margin: 1px 2px; font-size: 12px; }
            #doc-filter { padding: 6px 10px; width: 320px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
            .scroll { max-height: 560px; overflow: auto; margin-top: 10px; }
            .sparks { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 10px 24px; }
            .spark-card b { display: block; font-weight: 600; font-size: 13px; }
            .kw.burst { background: #ffe8a3; }
            footer { color: var(--muted); font-size: 12px; text-align: center; padding: 8px; }
            """;

    private HtmlReport() {}

    public static String render(ReportData data) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:; script-src '")
                .append(scriptHash())
                .append("'\">")
                .append("<title>NewsLens report</title><style>")
                .append(CSS)
                .append("</style></head><body>");
        html.append("<header><h1>NewsLens report</h1><p>Tables under ")
                .append(Html.escape(data.root()))
                .append("</p></header><main>");
        corpus(html, data);
        WhatChanged.render(html, data);
        termsAndCollocations(html, data);
        entities(html, data);
        topics(html, data);
        trends(html, data);
        clusters(html, data);
        documents(html, data);
        html.append("</main><footer>Made by NewsLens from the tables ")
                .append(Html.escape(String.join(
                        ", ", data.present().stream().map(Table::tableName).toList())))
                .append(". Missing tables leave their sections out.</footer>");
        html.append("<script>").append(SCRIPT).append("</script></body></html>\n");
        return html.toString();
    }

    /** The CSP source for the inline script: its SHA-256, so no other script (injected or not) may run. */
    static String scriptHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(SCRIPT.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String dec(double d, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", d);
    }

    private static void stat(StringBuilder html, String label, String value) {
        html.append("<div class=\"stat\"><b>")
                .append(Html.escape(value))
                .append("</b><span>")
                .append(Html.escape(label))
                .append("</span></div>");
    }

    private static void corpus(StringBuilder html, ReportData data) {
        Corpus c = data.corpus();
        html.append("<section id=\"corpus\"><h2>Corpus</h2><div class=\"stats\">");
        if (c.documents() != null) {
            stat(html, "documents", fmt(c.documents()));
            stat(html, "tokens", fmt(c.tokens()));
        }
        if (c.rejects() != null) {
            stat(html, "rejected inputs", fmt(c.rejects()));
        }
        if (c.firstDate() != null) {
            stat(html, "published", c.firstDate() + " \u2013 " + c.lastDate());
        }
        if (c.documents() != null && c.undated() > 0) {
            stat(html, "undated documents", fmt(c.undated()));
        }
        if (c.duplicates() != null) {
            stat(html, "near-duplicates", fmt(c.duplicates()));
        }
        html.append("</div>");
        if (!c.rejectReasons().isEmpty()) {
            html.append("<p class=\"note\">Rejected: ");
            List<String> parts = new ArrayList<>();
            c.rejectReasons().forEach((reason, n) -> parts.add(Html.escape(reason) + " " + fmt(n)));
            html.append(String.join(", ", parts)).append("</p>");
        }
        if (c.documents() != null && c.documents() == 0) {
            html.append("<p class=\"note\">No document was kept: the input had no files, or every input was "
                    + "rejected (see the reasons above); every other table is empty.</p>");
        }
        if (c.documents() == null) {
            html.append("<p class=\"note\">No documents table under this output root; the report shows the tables "
                    + "that exist.</p>");
        }
        html.append("</section>");
    }

    private static void termsAndCollocations(StringBuilder html, ReportData data) {
        if (!data.has(Table.TERM_STATS) && !data.has(Table.COLLOCATIONS)) {
            return;
        }
        html.append("<section id=\"terms\"><h2>Terms</h2><div class=\"row\">");
        if (data.has(Table.TERM_STATS)) {
            html.append("<div><h3>Top terms</h3><p class=\"note\">Occurrences in the corpus (stop words excluded); "
                    + "hover a bar for document frequency.</p>");
            html.append(Svg.bars(
                    "terms",
                    data.terms().stream().map(ReportData.TermRow::term).toList(),
                    data.terms().stream().mapToDouble(ReportData.TermRow::cf).toArray(),
                    data.terms().stream()
                            .map(t -> fmt(t.cf()) + " (in " + fmt(t.df()) + " docs)")
                            .toList(),
                    Svg.PALETTE[0]));
            html.append("</div>");
        }
        if (data.has(Table.COLLOCATIONS)) {
            html.append("<div><h3>Top collocations</h3><p class=\"note\">Two- and three-word phrases ranked by "
                    + "Dunning log-likelihood (LLR); the bar is the LLR, the count is in the tooltip.</p>");
            html.append(Svg.bars(
                    "collocations",
                    data.collocations().stream()
                            .map(ReportData.Collocation::ngram)
                            .toList(),
                    data.collocations().stream()
                            .mapToDouble(ReportData.Collocation::llr)
                            .toArray(),
                    data.collocations().stream()
                            .map(c -> dec(c.llr(), 1) + " (\u00d7" + fmt(c.count()) + ")")
                            .toList(),
                    Svg.PALETTE[1]));
            html.append("</div>");
        }
        html.append("</div></section>");
    }

    private static void entities(StringBuilder html, ReportData data) {
        if (!data.has(Table.ENTITIES) && !data.has(Table.ENTITY_PAIRS)) {
            return;
        }
        html.append("<section id=\"entities\"><h2>Entities</h2>");
        if (!data.entitiesByType().isEmpty()) {
            html.append("<div class=\"types\">");
            data.entitiesByType().forEach((type, list) -> {
                html.append("<div><h3>")
                        .append(Html.escape(type))
                        .append("</h3><table><thead><tr><th>name</th>")
                        .append("<th class=\"num\">mentions</th><th class=\"num\">docs</th></tr></thead><tbody>");
                for (EntityRow e : list) {
                    html.append("<tr><td>")
                            .append(Html.escape(e.name()))
                            .append("</td><td class=\"num\">")
                            .append(fmt(e.mentions()))
                            .append("</td><td class=\"num\">")
                            .append(fmt(e.docs()))
                            .append("</td></tr>");
                }
                html.append("</tbody></table></div>");
            });
            html.append("</div>");
        }
        html.append("<div class=\"row\">");
        if (!data.network().nodes().isEmpty()) {
            html.append(
                            "<div class=\"fixed\"><h3>Co-occurrence network</h3><p class=\"note\">The most mentioned entities and their "
                                    + "strongest pairs (")
                    .append(Html.escape(
                            data.pairs().isEmpty() ? "" : data.pairs().get(0).window()))
                    .append(" window). Edge width: co-occurrence count; edge darkness: NPMI; node size: mentions; "
                            + "colour: ")
                    .append(
                            data.network().colourBy().equals("community")
                                    ? "graph community"
                                    : "entity type (no entity_graph table)")
                    .append(". Hover a node to highlight its edges.</p>");
            html.append(Svg.network(data.network())).append("</div>");
        }
        if (!data.pairs().isEmpty()) {
            html.append("<div><h3>Top pairs</h3><table><thead><tr><th>entity</th><th>entity</th>")
                    .append("<th class=\"num\">count</th><th class=\"num\">docs</th><th class=\"num\">NPMI</th>")
                    .append("</tr></thead><tbody>");
            for (PairRow p : data.pairs()) {
                html.append("<tr><td>")
                        .append(Html.escape(p.nameA()))
                        .append("</td><td>")
                        .append(Html.escape(p.nameB()))
                        .append("</td><td class=\"num\">")
                        .append(fmt(p.count()))
                        .append("</td><td class=\"num\">")
                        .append(fmt(p.docs()))
                        .append("</td><td class=\"num\">")
                        .append(dec(p.npmi(), 2))
                        .append("</td></tr>");
            }
            html.append("</tbody></table></div>");
        }
        html.append("</div>");
        if (!data.pairs().isEmpty()) {
            html.append("<div id=\"kwic\"><h3>Where they meet</h3><p class=\"note\">Sentences in which the "
                    + "strongest pairs occur together (keyword in context).</p><div class=\"kwic-grid\">");
            if (data.examples().isEmpty()) {
                html.append("<p class=\"note\">")
                        .append(
                                data.has(Table.SENTENCES) && data.has(Table.MENTIONS)
                                        ? "No sentence in the mentions table holds both entities of a top pair."
                                        : "Example sentences need the sentences and mentions tables.")
                        .append("</p>");
            }
            String current = null;
            for (Kwic k : data.examples()) {
                String pair = k.nameA() + " \u2013 " + k.nameB();
                if (!pair.equals(current)) {
                    html.append(current == null ? "" : "</ul></div>")
                            .append("<div><h3>")
                            .append(Html.escape(pair))
                            .append("</h3><ul class=\"kwic\">");
                    current = pair;
                }
                html.append("<li>")
                        .append(highlighted(k.sentence(), k.highlights()))
                        .append("<span class=\"src\">")
                        .append(Html.escape(k.docTitle() == null ? k.docId() : k.docTitle()))
                        .append("</span></li>");
            }
            html.append(current == null ? "" : "</ul></div>").append("</div></div>");
        }
        html.append("</section>");
    }

    /** The sentence with each highlight in {@code <mark>}; every piece escaped on its own. */
    static String highlighted(String sentence, List<int[]> highlights) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int[] h : highlights) {
            if (h[0] < at) {
                continue;
            }
            out.append(Html.escape(sentence.substring(at, h[0])))
                    .append("<mark>")
                    .append(Html.escape(sentence.substring(h[0], h[1])))
                    .append("</mark>");
            at = h[1];
        }
        return out.append(Html.escape(sentence.substring(at))).toString();
    }

    private static void topics(StringBuilder html, ReportData data) {
        if (data.topics().isEmpty()) {
            return;
        }
        html.append("<section id=\"topics\"><h2>Topics</h2><p class=\"note\">Each card: the topic's top terms with "
                + "their weights, its share of documents (documents whose dominant topic it is) and the documents "
                + "that weigh most on it.</p><div class=\"cards\">");
        for (TopicCard t : data.topics()) {
            String colour = Svg.colour(t.topicId());
            double maxWeight =
                    t.terms().stream().mapToDouble(TermWeight::weight).max().orElse(1);
            html.append("<div class=\"card topic\" style=\"--c: ")
                    .append(colour)
                    .append("\"><h3>")
                    .append(Html.escape(t.model()))
                    .append(" #")
                    .append(t.topicId())
                    .append(" \u00b7 ")
                    .append(Html.escape(t.label()))
                    .append("</h3>");
            if (!Double.isNaN(t.share())) {
                html.append("<div class=\"note\">")
                        .append(dec(100 * t.share(), 1))
                        .append("% of documents (")
                        .append(fmt(t.documents()))
                        .append(")</div><div class=\"share\"><i style=\"width: ")
                        .append(dec(100 * t.share(), 1))
                        .append("%\"></i></div>");
            }
            html.append("<div class=\"tw\">");
            for (TermWeight w : t.terms()) {
                html.append("<span>")
                        .append(Html.escape(w.term()))
                        .append("</span><i style=\"width: ")
                        .append(dec(maxWeight <= 0 ? 0 : 100 * w.weight() / maxWeight, 1))
                        .append("%\"></i><span>")
                        .append(dec(w.weight(), 3))
                        .append("</span>");
            }
            html.append("</div>");
            if (!t.exampleTitles().isEmpty()) {
                html.append("<ul class=\"examples\">");
                t.exampleTitles()
                        .forEach(title ->
                                html.append("<li>").append(Html.escape(title)).append("</li>"));
                html.append("</ul>");
            }
            html.append("</div>");
        }
        html.append("</div></section>");
    }

    private static void trends(StringBuilder html, ReportData data) {
        if (data.trends().isEmpty()) {
            return;
        }
        html.append("<section id=\"trends\"><h2>Topic share over time</h2><p class=\"note\">Share of the period's "
                + "dated documents per topic (undated documents are not counted).</p>");
        for (Trend trend : data.trends()) {
            Map<String, double[]> series = new LinkedHashMap<>();
            trend.series()
                    .forEach((topic, values) -> series.put(
                            trend.model() + " #" + topic + " " + trend.labels().getOrDefault(topic, ""), values));
            html.append("<h3>")
                    .append(Html.escape(trend.model()))
                    .append("</h3>")
                    .append(Svg.lines(trend.periods(), series))
                    .append("<div class=\"legend\">");
            int s = 0;
            for (String name : series.keySet()) {
                html.append("<span><i style=\"background: ")
                        .append(Svg.colour(s++))
                        .append("\"></i>")
                        .append(Html.escape(name))
                        .append("</span>");
            }
            html.append("</div>");
        }
        html.append("</section>");
    }

    private static void clusters(StringBuilder html, ReportData data) {
        if (data.clusters().isEmpty()) {
            return;
        }
        html.append("<section id=\"clusters\"><h2>Clusters</h2><p class=\"note\">Documents per cluster.</p>")
                .append(Svg.bars(
                        "clusters",
                        data.clusters().stream()
                                .map(c -> "#" + c.clusterId() + " " + c.label())
                                .toList(),
                        data.clusters().stream().mapToDouble(ClusterRow::size).toArray(),
                        data.clusters().stream().map(c -> fmt(c.size())).toList(),
                        Svg.PALETTE[4]))
                .append("</section>");
    }

    private static void documents(StringBuilder html, ReportData data) {
        if (data.documents().isEmpty()) {
            return;
        }
        html.append("<section id=\"docs\"><h2>Documents</h2><p class=\"note\">The newest ")
                .append(fmt(data.documents().size()));
        if (data.corpus().documents() != null) {
            html.append(" of ").append(fmt(data.corpus().documents()));
        }
        html.append(" documents. <input id=\"doc-filter\" type=\"search\" placeholder=\"Filter documents\" "
                + "aria-label=\"Filter documents\"> <span id=\"doc-count\"></span></p><div class=\"scroll\">"
                + "<table id=\"documents\"><thead><tr><th>title</th><th>outlet</th><th>date</th><th>keywords</th>"
                + "<th>dominant topic</th></tr></thead><tbody>");
        for (DocRow d : data.documents()) {
            html.append("<tr><td>")
                    .append(Html.escape(d.title() == null ? d.docId() : d.title()))
                    .append("</td><td>")
                    .append(Html.escape(d.outlet()))
                    .append("</td><td>")
                    .append(d.published() == null ? "" : d.published().toString())
                    .append("</td><td>");
            d.keywords()
                    .forEach(k -> html.append("<span class=\"kw\">")
                            .append(Html.escape(k))
                            .append("</span>"));
            html.append("</td><td>").append(Html.escape(d.dominantTopic())).append("</td></tr>");
        }
        html.append("</tbody></table></div></section>");
    }
}
