package org.newslens.report;

import java.util.List;
import org.newslens.report.ReportData.Changes;
import org.newslens.report.ReportData.Distinctive;
import org.newslens.report.ReportData.Kwic;
import org.newslens.report.ReportData.OutletProfile;
import org.newslens.report.ReportData.RisingEntity;
import org.newslens.report.ReportData.RisingPair;
import org.newslens.report.ReportData.Timeline;

/**
 * The report's "What changed" section: what rises in the latest period (with its sentences), timelines of the
 * top rising entities and each outlet's most distinctive terms and entities. Every corpus string is escaped.
 */
final class WhatChanged {
    private WhatChanged() {}

    static void render(StringBuilder html, ReportData data) {
        Changes c = data.changes();
        if (c.latestPeriod() == null && c.outlets().isEmpty()) {
            return;
        }
        html.append("<section id=\"changes\"><h2>What changed</h2>");
        if (c.latestPeriod() != null) {
            html.append("<p class=\"note\">Latest period ")
                    .append(Html.escape(c.latestPeriod()))
                    .append(" (")
                    .append(c.latestStart())
                    .append(" \u2013 ")
                    .append(c.latestEnd())
                    .append(", ")
                    .append(HtmlReport.fmt(c.latestDocs()))
                    .append(
                            " documents), compared with the periods before it. "
                                    + "Rising: in more documents than the item's own history predicts (expected). Score: "
                                    + "\u2212log10 of the burst test's p-value; burst: significant after the false-discovery "
                                    + "correction. Near-duplicates count once per story (unless trends.duplicates-once is off)");
            if (data.corpus().documents() != null && data.corpus().undated() > 0) {
                html.append("; ")
                        .append(HtmlReport.fmt(data.corpus().undated()))
                        .append(" undated documents are left out");
            }
            html.append(".</p><div class=\"row\">");
            risingEntities(html, c.entities());
            risingPairs(html, c.pairs());
            html.append("</div>");
            timelines(html, c.timelines());
            examples(html, c.examples());
        }
        outlets(html, c.outlets());
        html.append("</section>");
    }

    private static String expected(Double expected) {
        return expected == null ? "" : HtmlReport.dec(expected, 1);
    }

    private static String flags(boolean burst, boolean isNew) {
        return (burst ? "<span class=\"kw burst\">burst</span>" : "") + (isNew ? "<span class=\"kw\">new</span>" : "");
    }

    private static void risingEntities(StringBuilder html, List<RisingEntity> entities) {
        html.append("<div><h3>Rising entities</h3>");
        if (entities.isEmpty()) {
            html.append("<p class=\"note\">No entity is in more documents than expected.</p></div>");
            return;
        }
        html.append("<table class=\"rising entities\"><thead><tr><th>entity</th><th class=\"num\">docs</th>")
                .append("<th class=\"num\">expected</th><th class=\"num\">score</th><th></th></tr></thead><tbody>");
        for (RisingEntity e : entities) {
            html.append("<tr><td>")
                    .append(Html.escape(e.name()))
                    .append("</td><td class=\"num\">")
                    .append(HtmlReport.fmt(e.docs()))
                    .append("</td><td class=\"num\">")
                    .append(expected(e.expected()))
                    .append("</td><td class=\"num\">")
                    .append(HtmlReport.dec(e.score(), 1))
                    .append("</td><td>")
                    .append(flags(e.burst(), e.isNew()))
                    .append("</td></tr>");
        }
        html.append("</tbody></table></div>");
    }

    private static void risingPairs(StringBuilder html, List<RisingPair> pairs) {
        html.append("<div><h3>Rising pairs</h3>");
        if (pairs.isEmpty()) {
            html.append("<p class=\"note\">No pair (same sentence) is in more documents than expected.</p></div>");
            return;
        }
        html.append("<table class=\"rising pairs\"><thead><tr><th>entity</th><th>entity</th>")
                .append("<th class=\"num\">docs</th><th class=\"num\">expected</th><th class=\"num\">score</th>")
                .append("<th></th></tr></thead><tbody>");
        for (RisingPair p : pairs) {
            html.append("<tr><td>")
                    .append(Html.escape(p.nameA()))
                    .append("</td><td>")
                    .append(Html.escape(p.nameB()))
                    .append("</td><td class=\"num\">")
                    .append(HtmlReport.fmt(p.docs()))
                    .append("</td><td class=\"num\">")
                    .append(expected(p.expected()))
                    .append("</td><td class=\"num\">")
                    .append(HtmlReport.dec(p.score(), 1))
                    .append("</td><td>")
                    .append(flags(p.burst(), p.isNew()))
                    .append("</td></tr>");
        }
        html.append("</tbody></table></div>");
    }

    private static void timelines(StringBuilder html, List<Timeline> timelines) {
        if (timelines.isEmpty()) {
            return;
        }
        html.append("<h3>Timelines</h3><p class=\"note\">Share of each period's documents that mention the entity; "
                + "the last point is the latest period.</p><div class=\"sparks\">");
        for (int i = 0; i < timelines.size(); i++) {
            Timeline t = timelines.get(i);
            html.append("<div class=\"spark-card\"><b>")
                    .append(Html.escape(t.name()))
                    .append("</b>")
                    .append(Svg.sparkline(t.name(), t.periods(), t.shares(), Svg.colour(i)))
                    .append("</div>");
        }
        html.append("</div>");
    }

    private static void examples(StringBuilder html, List<Kwic> examples) {
        if (examples.isEmpty()) {
            return;
        }
        html.append("<div id=\"changes-kwic\"><h3>Where they occur</h3><p class=\"note\">Sentences of the latest "
                + "period that mention the top rising entities and pairs.</p><div class=\"kwic-grid\">");
        String current = null;
        for (Kwic k : examples) {
            String item = k.nameA().equals(k.nameB()) ? k.nameA() : k.nameA() + " \u2013 " + k.nameB();
            if (!item.equals(current)) {
                html.append(current == null ? "" : "</ul></div>")
                        .append("<div><h3>")
                        .append(Html.escape(item))
                        .append("</h3><ul class=\"kwic\">");
                current = item;
            }
            html.append("<li>")
                    .append(HtmlReport.highlighted(k.sentence(), k.highlights()))
                    .append("<span class=\"src\">")
                    .append(Html.escape(k.docTitle() == null ? k.docId() : k.docTitle()))
                    .append("</span></li>");
        }
        html.append(current == null ? "" : "</ul></div>").append("</div></div>");
    }

    private static void outlets(StringBuilder html, List<OutletProfile> outlets) {
        if (outlets.isEmpty()) {
            return;
        }
        html.append("<h3>What each outlet says more than the others</h3><p class=\"note\">Terms and entities with "
                        + "the highest keyness (signed Dunning G\u00b2) of each outlet against all other outlets; hover for "
                        + "counts and the log ratio.</p><table id=\"outlets\"><thead><tr><th>outlet</th><th>terms</th>")
                .append("<th>entities</th></tr></thead><tbody>");
        for (OutletProfile o : outlets) {
            html.append("<tr><td>").append(Html.escape(o.outlet())).append("</td><td>");
            distinctive(html, o.terms());
            html.append("</td><td>");
            distinctive(html, o.entities());
            html.append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private static void distinctive(StringBuilder html, List<Distinctive> items) {
        for (Distinctive d : items) {
            html.append("<span class=\"kw\" title=\"")
                    .append(Html.escape(d.term() + ": " + d.countIn() + " here, "
                            + d.countOut() + " elsewhere; G\u00b2 " + HtmlReport.dec(d.g2(), 1) + ", log ratio "
                            + HtmlReport.dec(d.logRatio(), 2)))
                    .append("\">")
                    .append(Html.escape(d.term()))
                    .append("</span>");
        }
    }
}
