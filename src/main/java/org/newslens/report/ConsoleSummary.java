package org.newslens.report;

import java.util.List;
import java.util.Locale;
import org.newslens.io.Table;
import org.newslens.report.ReportData.Corpus;

/** The plain-text summary the report job prints: the same figures as the HTML page, shortest form. */
public final class ConsoleSummary {
    private static final int LINE_ITEMS = 10;

    private ConsoleSummary() {}

    public static String render(ReportData data) {
        StringBuilder out =
                new StringBuilder("NewsLens report for ").append(data.root()).append('\n');
        Corpus c = data.corpus();
        if (c.documents() != null) {
            out.append(String.format(Locale.ROOT, "  documents %,d, tokens %,d", c.documents(), c.tokens()));
            if (c.firstDate() != null) {
                out.append(", published ").append(c.firstDate()).append(" to ").append(c.lastDate());
            }
            if (c.undated() > 0) {
                out.append(String.format(Locale.ROOT, " (%,d undated)", c.undated()));
            }
            out.append('\n');
            if (c.documents() == 0) {
                out.append("  no document was kept: the input had no files, or every input was rejected\n");
            }
        }
        if (c.rejects() != null) {
            out.append(String.format(Locale.ROOT, "  rejects %,d", c.rejects()));
            if (!c.rejectReasons().isEmpty()) {
                out.append(' ').append(c.rejectReasons());
            }
            out.append('\n');
        }
        if (c.duplicates() != null) {
            out.append(String.format(Locale.ROOT, "  near-duplicates %,d%n", c.duplicates()));
        }
        if (data.has(Table.TERM_STATS)) {
            line(
                    out,
                    "top terms",
                    data.terms().stream().map(t -> t.term() + " " + t.cf()).toList());
        }
        if (data.has(Table.COLLOCATIONS)) {
            line(
                    out,
                    "top collocations",
                    data.collocations().stream()
                            .map(k -> k.ngram() + " (llr " + Math.round(k.llr()) + ")")
                            .toList());
        }
        data.entitiesByType()
                .forEach((type, list) -> line(
                        out,
                        "top " + type,
                        list.stream().map(e -> e.name() + " " + e.mentions()).toList()));
        if (!data.pairs().isEmpty()) {
            line(
                    out,
                    "top pairs (" + data.pairs().get(0).window() + ")",
                    data.pairs().stream()
                            .map(p -> p.nameA() + " + " + p.nameB() + " " + p.count())
                            .toList());
        }
        data.topics()
                .forEach(t -> out.append(String.format(
                        Locale.ROOT,
                        "  topic %s #%d %s%s%n",
                        t.model(),
                        t.topicId(),
                        t.label(),
                        Double.isNaN(t.share())
                                ? ""
                                : String.format(Locale.ROOT, " (%.0f%% of documents)", 100 * t.share()))));
        if (!data.changes().entities().isEmpty()) {
            line(
                    out,
                    "rising in " + data.changes().latestPeriod(),
                    data.changes().entities().stream()
                            .map(e -> e.name() + (e.burst() ? " (burst)" : ""))
                            .toList());
        }
        if (!data.clusters().isEmpty()) {
            line(
                    out,
                    "clusters",
                    data.clusters().stream()
                            .map(k -> "#" + k.clusterId() + " " + k.label() + " (" + k.size() + ")")
                            .toList());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append("  ")
                .append(title)
                .append(": ")
                .append(String.join(", ", items.subList(0, Math.min(LINE_ITEMS, items.size()))))
                .append(items.size() > LINE_ITEMS ? ", ..." : "")
                .append('\n');
    }
}
