package org.newslens.bench;

import java.util.List;

/** Least-squares fit of seconds against corpus size, and how far each run is from linear scaling. */
final class LinearFit {
    private LinearFit() {}

    /** Each point is {megabytes, seconds}. */
    static String describe(List<double[]> points) {
        double n = points.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        double[] largest =
                points.stream().max((a, b) -> Double.compare(a[0], b[0])).orElseThrow();
        StringBuilder out = new StringBuilder(String.format(
                "Fit: seconds = %.2f + %.3f * MB. Seconds per MB relative to the largest corpus (1.00 = linear):",
                intercept, slope));
        for (double[] p : points) {
            out.append(String.format(" %.0f MB: %.2f;", p[0], (p[1] / p[0]) / (largest[1] / largest[0])));
        }
        // A fixed start-up cost plus a per-MB cost is linear cost; this says how far each run is from that line.
        out.append(" Distance from the fitted line:");
        for (double[] p : points) {
            double fitted = intercept + slope * p[0];
            out.append(String.format(" %.0f MB: %+.1f %%;", p[0], 100 * (p[1] - fitted) / fitted));
        }
        return out.toString();
    }
}
