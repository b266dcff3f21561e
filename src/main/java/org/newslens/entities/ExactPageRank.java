package org.newslens.entities;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.graphx.EdgeDirection;
import org.apache.spark.graphx.EdgeTriplet;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.Pregel;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.AbstractFunction3;

/**
 * PageRank as GraphX's {@code lib.PageRank.run} computes it (unweighted, ranks start at 1, each of a fixed
 * number of iterations sets {@code rank = reset + (1 - reset) * sum(in-neighbour rank / its out-degree)}), run
 * on GraphX's Pregel engine with sums that do not depend on partitioning. GraphX adds the doubles of the
 * messages in the order partitions deliver them (and scales by a sum taken in task-completion order), so the last
 * digits change with the number of partitions. Here each contribution is rounded to a fixed-point long before
 * it is sent, and longs add up to the same total in any order. The fixed-point unit is
 * {@code vertices / 2^62}: about 2e-13 for a million entities, far below what a rank is read to, and a
 * vertex's incoming total never exceeds the sum of all ranks (at most the vertex count), so it cannot overflow.
 */
final class ExactPageRank {
    static final double RESET = 0.15;
    private static final ClassTag<Double> DOUBLE = ClassTag$.MODULE$.apply(Double.class);
    private static final ClassTag<Long> LONG = ClassTag$.MODULE$.apply(Long.class);
    /** The initial message: tells the vertex program to keep the starting rank. */
    private static final long START = Long.MIN_VALUE;

    private ExactPageRank() {}

    /**
     * @param graph vertices with their starting rank (1, or {@link #RESET} for a vertex without edges, which
     *              is what GraphX gives it after one iteration); each edge given in both directions, its attribute
     *              1 / (out-degree of its source)
     * @param vertexCount the number of vertices, for the fixed-point unit
     * @return the graph with each vertex's rank (not normalised)
     */
    static Graph<Double, Double> run(Graph<Double, Double> graph, int iterations, long vertexCount) {
        double units = Math.scalb(1.0, 62) / Math.max(1, vertexCount);
        return Pregel.apply(
                graph,
                START,
                iterations,
                EdgeDirection.Out(),
                new Update(units),
                new Contribute(units),
                new Add(),
                DOUBLE,
                DOUBLE,
                LONG);
    }

    /** The new rank from the summed contributions (fixed-point); the initial message keeps the starting rank. */
    private static final class Update extends AbstractFunction3<Object, Double, Long, Double> implements Serializable {
        private final double units;

        Update(double units) {
            this.units = units;
        }

        @Override
        public Double apply(Object id, Double rank, Long contributions) {
            return contributions.longValue() == START ? rank : RESET + (1 - RESET) * (contributions / units);
        }
    }

    /** Along each edge: the source's rank over its out-degree, as a fixed-point long. */
    private static final class Contribute
            extends AbstractFunction1<EdgeTriplet<Double, Double>, Iterator<Tuple2<Object, Long>>>
            implements Serializable {
        private final double units;

        Contribute(double units) {
            this.units = units;
        }

        @Override
        public Iterator<Tuple2<Object, Long>> apply(EdgeTriplet<Double, Double> edge) {
            Tuple2<Object, Long> message = new Tuple2<>(edge.dstId(), Math.round(edge.srcAttr() * edge.attr() * units));
            return scala.jdk.javaapi.CollectionConverters.asScala(
                    List.of(message).iterator());
        }
    }

    /** Exact and independent of order, as long as the total fits (see the class comment). */
    private static final class Add extends AbstractFunction2<Long, Long, Long> implements Serializable {
        @Override
        public Long apply(Long a, Long b) {
            return a + b;
        }
    }
}
