package org.newslens.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newslens.report.ReportData.Network;

/**
 * Charts as inline SVG written straight from the data (no chart library, no script, nothing fetched):
 * horizontal bars, a line chart of shares per period and the entity network. Every label goes through
 * {@link Html#escape}; tooltips are SVG {@code <title>} elements.
 */
final class Svg {
    /** Tableau 10: distinguishable colours for communities, topics and series. */
    static final String[] PALETTE = {
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
    };

    private Svg() {}

    static String colour(long index) {
        return index < 0 ? "#9aa0a6" : PALETTE[(int) (index % PALETTE.length)];
    }

    static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Horizontal bars, one row per label, longest bar = largest value. */
    static String bars(String cssClass, List<String> labels, double[] values, List<String> valueTexts, String colour) {
        int labelWidth = 210;
        int barWidth = 280;
        int valueWidth = 160;
        int row = 22;
        int width = labelWidth + barWidth + valueWidth;
        int height = row * labels.size() + 4;
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart ")
                .append(cssClass)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int i = 0; i < labels.size(); i++) {
            double y = i * row + 2;
            double length = max <= 0 ? 0 : Math.max(1, values[i] / max * barWidth);
            svg.append("<g class=\"bar\"><title>")
                    .append(Html.escape(labels.get(i)))
                    .append(": ")
                    .append(Html.escape(valueTexts.get(i)))
                    .append("</title>")
                    .append("<text class=\"label\" x=\"")
                    .append(labelWidth - 8)
                    .append("\" y=\"")
                    .append(num(y + 15))
                    .append("\" text-anchor=\"end\">")
                    .append(Html.escape(Html.shorten(labels.get(i), 30)))
                    .append("</text><rect x=\"")
                    .append(labelWidth)
                    .append("\" y=\"")
                    .append(num(y + 3))
                    .append("\" width=\"")
                    .append(num(length))
                    .append("\" height=\"")
                    .append(row - 6)
                    .append("\" rx=\"3\" fill=\"")
                    .append(colour)
                    .append("\"/>")
                    .append("<text class=\"value\" x=\"")
                    .append(num(labelWidth + length + 6))
                    .append("\" y=\"")
                    .append(num(y + 15))
                    .append("\">")
                    .append(Html.escape(valueTexts.get(i)))
                    .append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }

    /** Shares (0..1) per period, one line per series; NaN leaves a gap. */
    static String lines(List<String> periods, Map<String, double[]> series) {
        int width = 860;
        int height = 280;
        int left = 48;
        int right = 44;
        int top = 12;
        int bottom = 40;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        double max = 0;
        for (double[] values : series.values()) {
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        max = max <= 0 ? 1 : Math.min(1, Math.ceil(max * 10) / 10);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart trend\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int g = 0; g <= 4; g++) {
            double y = top + plotH - g / 4.0 * plotH;
            svg.append("<line class=\"grid\" x1=\"")
                    .append(left)
                    .append("\" x2=\"")
                    .append(width - right)
                    .append("\" y1=\"")
                    .append(num(y))
                    .append("\" y2=\"")
                    .append(num(y))
                    .append("\"/>")
                    .append("<text class=\"axis\" x=\"")
                    .append(left - 6)
                    .append("\" y=\"")
                    .append(num(y + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(Math.round(max * g / 4 * 100))
                    .append("%</text>");
        }
        int n = periods.size();
        int labelEvery = Math.max(1, (int) Math.ceil(n / 12.0));
        for (int p = 0; p < n; p++) {
            if (p % labelEvery == 0 || p == n - 1) {
                svg.append("<text class=\"axis\" x=\"")
                        .append(num(x(p, n, left, plotW)))
                        .append("\" y=\"")
                        .append(height - bottom + 18)
                        .append("\" text-anchor=\"middle\">")
                        .append(Html.escape(periods.get(p)))
                        .append("</text>");
            }
        }
        int s = 0;
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            String colour = colour(s++);
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            double[] values = entry.getValue();
            StringBuilder dots = new StringBuilder();
            for (int p = 0; p < n; p++) {
                if (Double.isNaN(values[p])) {
                    pen = false;
                    continue;
                }
                double x = x(p, n, left, plotW);
                double y = top + plotH - values[p] / max * plotH;
                path.append(pen ? " L" : " M").append(num(x)).append(' ').append(num(y));
                pen = true;
                dots.append("<circle cx=\"")
                        .append(num(x))
                        .append("\" cy=\"")
                        .append(num(y))
                        .append("\" r=\"3.5\" fill=\"")
                        .append(colour)
                        .append("\"><title>")
                        .append(Html.escape(entry.getKey()))
                        .append(", ")
                        .append(Html.escape(periods.get(p)))
                        .append(": ")
                        .append(String.format(Locale.ROOT, "%.0f%%", values[p] * 100))
                        .append("</title></circle>");
            }
            svg.append("<g class=\"series\"><path d=\"")
                    .append(path.toString().trim())
                    .append("\" fill=\"none\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"2.5\"/>")
                    .append(dots)
                    .append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    private static double x(int p, int n, int left, double plotW) {
        return n == 1 ? left + plotW / 2 : left + p * plotW / (n - 1);
    }

    /** The entity network: edge width by count, opacity by NPMI, node colour by group, size by mentions. */
    static String network(Network network) {
        int size = 560;
        int pad = 80;
        int full = size + 2 * pad;
        long maxCount =
                network.edges().stream().mapToLong(Network.Edge::count).max().orElse(1);
        long maxMentions =
                network.nodes().stream().mapToLong(Network.Node::mentions).max().orElse(1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"network\" class=\"chart network\" viewBox=\"0 0 ")
                .append(full)
                .append(' ')
                .append(full)
                .append("\" width=\"")
                .append(full)
                .append("\" height=\"")
                .append(full)
                .append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (Network.Edge e : network.edges()) {
            Network.Node a = network.nodes().get(e.from());
            Network.Node b = network.nodes().get(e.to());
            double width = 1 + 7.0 * e.count() / maxCount;
            double opacity = 0.25 + 0.6 * Math.max(0, Math.min(1, e.npmi()));
            svg.append("<line class=\"edge\" data-a=\"")
                    .append(e.from())
                    .append("\" data-b=\"")
                    .append(e.to())
                    .append("\" x1=\"")
                    .append(num(pad + a.x() * size))
                    .append("\" y1=\"")
                    .append(num(pad + a.y() * size))
                    .append("\" x2=\"")
                    .append(num(pad + b.x() * size))
                    .append("\" y2=\"")
                    .append(num(pad + b.y() * size))
                    .append("\" stroke-width=\"")
                    .append(num(width))
                    .append("\" stroke-opacity=\"")
                    .append(String.format(Locale.ROOT, "%.2f", opacity))
                    .append("\"><title>")
                    .append(Html.escape(a.name()))
                    .append(" \u2013 ")
                    .append(Html.escape(b.name()))
                    .append(": ")
                    .append(e.count())
                    .append(" sentences, NPMI ")
                    .append(String.format(Locale.ROOT, "%.2f", e.npmi()))
                    .append("</title></line>");
        }
        for (int i = 0; i < network.nodes().size(); i++) {
            Network.Node node = network.nodes().get(i);
            double r = 6 + 12 * Math.sqrt(node.mentions() / (double) maxMentions);
            double x = pad + node.x() * size;
            double y = pad + node.y() * size;
            svg.append("<g class=\"node\" data-i=\"")
                    .append(i)
                    .append("\"><title>")
                    .append(Html.escape(node.name()))
                    .append(" (")
                    .append(Html.escape(node.type()))
                    .append(", ")
                    .append(node.mentions())
                    .append(" mentions, ")
                    .append(Html.escape(network.colourBy()))
                    .append(' ')
                    .append(node.group())
                    .append(")</title><circle cx=\"")
                    .append(num(x))
                    .append("\" cy=\"")
                    .append(num(y))
                    .append("\" r=\"")
                    .append(num(r))
                    .append("\" fill=\"")
                    .append(colour(node.group()))
                    .append("\"/>")
                    .append("<text x=\"")
                    .append(num(x))
                    .append("\" y=\"")
                    .append(num(y - r - 4))
                    .append("\" text-anchor=\"middle\">")
                    .append(Html.escape(Html.shorten(node.name(), 28)))
                    .append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }

    /** A small timeline: one value per period (shares 0..1) as a line, the last period marked. */
    static String sparkline(String name, List<String> periods, double[] values, String colour) {
        int width = 240;
        int height = 48;
        int pad = 4;
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double scale = max <= 0 ? 0 : (height - 2 * pad) / max;
        int n = periods.size();
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int p = 0; p < n; p++) {
            double x = n == 1 ? width / 2.0 : pad + p * (width - 2.0 * pad) / (n - 1);
            double y = height - pad - values[p] * scale;
            points.append(p == 0 ? "" : " ").append(num(x)).append(',').append(num(y));
            dots.append("<circle cx=\"")
                    .append(num(x))
                    .append("\" cy=\"")
                    .append(num(y))
                    .append("\" r=\"")
                    .append(p == n - 1 ? "3.5" : "2")
                    .append("\" fill=\"")
                    .append(colour)
                    .append("\"><title>")
                    .append(Html.escape(name))
                    .append(", ")
                    .append(Html.escape(periods.get(p)))
                    .append(": ")
                    .append(String.format(Locale.ROOT, "%.1f%%", values[p] * 100))
                    .append("</title></circle>");
        }
        return "<svg class=\"chart spark\" viewBox=\"0 0 " + width + " " + height + "\" width=\"" + width
                + "\" height=\"" + height + "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\"><polyline points=\""
                + points + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"/>" + dots + "</svg>";
    }
}
