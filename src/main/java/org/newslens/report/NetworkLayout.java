package org.newslens.report;

import java.util.List;
import org.newslens.report.ReportData.Network.Edge;

/**
 * Positions for the entity network picture: a Fruchterman-Reingold force layout started from a circle on
 * which nodes sit grouped by community. No randomness, a fixed number of steps: the same graph always gets
 * the same picture. Coordinates are scaled into [0, size]. Fine for the few dozen nodes a picture shows.
 */
final class NetworkLayout {
    private static final int STEPS = 300;
    private static final double GRAVITY = 1.0;

    private NetworkLayout() {}

    /** Nodes are given by their group (community); their order is the caller's (most mentioned first). */
    static double[][] layout(long[] groups, List<Edge> edges, double size) {
        int n = groups.length;
        double[][] pos = new double[n][2];
        if (n == 0) {
            return pos;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Start on a circle, members of one community next to each other.
        java.util.Arrays.sort(
                order, (a, b) -> groups[a] != groups[b] ? Long.compare(groups[a], groups[b]) : Integer.compare(a, b));
        for (int k = 0; k < n; k++) {
            double angle = 2 * Math.PI * k / n;
            pos[order[k]][0] = Math.cos(angle);
            pos[order[k]][1] = Math.sin(angle);
        }
        double area = 4.0;
        double ideal = Math.sqrt(area / n);
        double maxWeight = edges.stream().mapToLong(Edge::count).max().orElse(1);
        double temperature = 0.2;
        for (int step = 0; step < STEPS; step++) {
            double[][] move = new double[n][2];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double dx = pos[i][0] - pos[j][0];
                    double dy = pos[i][1] - pos[j][1];
                    double d = Math.max(1e-4, Math.hypot(dx, dy));
                    // Repulsion; a little stronger between communities so they separate.
                    double force = ideal * ideal / d * (groups[i] == groups[j] ? 1.0 : 1.3);
                    move[i][0] += dx / d * force;
                    move[i][1] += dy / d * force;
                    move[j][0] -= dx / d * force;
                    move[j][1] -= dy / d * force;
                }
            }
            for (Edge e : edges) {
                double dx = pos[e.from()][0] - pos[e.to()][0];
                double dy = pos[e.from()][1] - pos[e.to()][1];
                double d = Math.max(1e-4, Math.hypot(dx, dy));
                double force = d * d / ideal * (0.5 + 0.5 * e.count() / maxWeight);
                move[e.from()][0] -= dx / d * force;
                move[e.from()][1] -= dy / d * force;
                move[e.to()][0] += dx / d * force;
                move[e.to()][1] += dy / d * force;
            }
            for (int i = 0; i < n; i++) {
                // Gravity towards the centre keeps separate components close enough to share the picture.
                move[i][0] -= pos[i][0] * GRAVITY;
                move[i][1] -= pos[i][1] * GRAVITY;
                double length = Math.max(1e-9, Math.hypot(move[i][0], move[i][1]));
                double limited = Math.min(length, temperature);
                pos[i][0] += move[i][0] / length * limited;
                pos[i][1] += move[i][1] / length * limited;
            }
            temperature = Math.max(0.002, temperature * 0.985);
        }
        return scale(pos, size);
    }

    private static double[][] scale(double[][] pos, double size) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] p : pos) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double span = Math.max(1e-9, Math.max(maxX - minX, maxY - minY));
        double[][] scaled = new double[pos.length][2];
        for (int i = 0; i < pos.length; i++) {
            // Centre the drawing; a single node sits in the middle.
            scaled[i][0] = pos.length == 1 ? size / 2 : (pos[i][0] - (minX + maxX) / 2) / span * size + size / 2;
            scaled[i][1] = pos.length == 1 ? size / 2 : (pos[i][1] - (minY + maxY) / 2) / span * size + size / 2;
        }
        return scaled;
    }
}
