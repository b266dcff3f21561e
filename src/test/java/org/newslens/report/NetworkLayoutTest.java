package org.newslens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newslens.report.ReportData.Network.Edge;

class NetworkLayoutTest {
    private static final long[] GROUPS = {0, 0, 0, 1, 1, 1};
    private static final List<Edge> EDGES = List.of(
            new Edge(0, 1, 5, 0.5),
            new Edge(1, 2, 3, 0.4),
            new Edge(0, 2, 2, 0.2),
            new Edge(3, 4, 5, 0.6),
            new Edge(4, 5, 4, 0.5),
            new Edge(2, 3, 1, 0.1));

    @Test
    void sameGraphSamePicture() {
        assertThat(NetworkLayout.layout(GROUPS, EDGES, 1.0)).isDeepEqualTo(NetworkLayout.layout(GROUPS, EDGES, 1.0));
    }

    @Test
    void nodesStayInTheBoxApartAndCommunitiesTogether() {
        double[][] xy = NetworkLayout.layout(GROUPS, EDGES, 1.0);
        for (double[] p : xy) {
            assertThat(p[0]).isBetween(0.0, 1.0);
            assertThat(p[1]).isBetween(0.0, 1.0);
        }
        double within = 0;
        double between = 0;
        for (int i = 0; i < xy.length; i++) {
            for (int j = i + 1; j < xy.length; j++) {
                double d = Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
                assertThat(d).as("nodes %d and %d overlap", i, j).isGreaterThan(0.05);
                if (GROUPS[i] == GROUPS[j]) {
                    within += d / 6;
                } else {
                    between += d / 9;
                }
            }
        }
        assertThat(within).isLessThan(between);
    }

    @Test
    void oneNodeSitsInTheMiddleAndNoNodesIsEmpty() {
        assertThat(NetworkLayout.layout(new long[] {3}, List.of(), 1.0)[0]).containsExactly(0.5, 0.5);
        assertThat(NetworkLayout.layout(new long[0], List.of(), 1.0)).isEmpty();
    }
}
