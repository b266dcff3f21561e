package org.newslens.entities;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Label propagation run on GraphX's Pregel engine, with a deterministic rule: each vertex takes the label
 * its neighbours hold with the largest summed edge weight, ties going to the smallest label. GraphX's own
 * {@code lib.LabelPropagation} is unweighted and breaks ties by the iteration order of a small Scala map,
 * which follows message merge order and so can change with partitioning; this vertex program is the same
 * algorithm (Raghavan et al. 2007, synchronous, fixed number of steps) with weights and a total order.
 */
public final class WeightedLabelPropagation {
    private static final ClassTag<Long> LONG = ClassTag$.MODULE$.apply(Long.class);
    private static final ClassTag<Double> DOUBLE = ClassTag$.MODULE$.apply(Double.class);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final ClassTag<TreeMap<Long, Double>> VOTES = (ClassTag) ClassTag$.MODULE$.apply(TreeMap.class);

    private WeightedLabelPropagation() {}

    /** Vertices labelled with their community (the winning label: a vertex id). Edges must be given both ways. */
    public static <V> Graph<Long, Double> run(Graph<V, Double> graph, int steps) {
        Graph<Long, Double> labelled = graph.mapVertices(new InitialLabel<>(), LONG, null);
        return Pregel.apply(
                labelled,
                new TreeMap<Long, Double>(),
                steps,
                EdgeDirection.Either(),
                new Choose(),
                new Send(),
                new Merge(),
                LONG,
                DOUBLE,
                VOTES);
    }

    /** The label with the most weight, smallest label on ties; a vertex without votes keeps its label. */
    static long winner(long current, Map<Long, Double> votes) {
        long best = current;
        double bestWeight = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Long, Double> vote : votes.entrySet()) { // TreeMap: ascending labels
            if (vote.getValue() > bestWeight) {
                best = vote.getKey();
                bestWeight = vote.getValue();
            }
        }
        return best;
    }

    private static final class InitialLabel<V> extends AbstractFunction2<Object, V, Long> implements Serializable {
        @Override
        public Long apply(Object id, V value) {
            return (Long) id;
        }
    }

    private static final class Choose extends AbstractFunction3<Object, Long, TreeMap<Long, Double>, Long>
            implements Serializable {
        @Override
        public Long apply(Object id, Long label, TreeMap<Long, Double> votes) {
            return winner(label, votes);
        }
    }

    private static final class Send
            extends AbstractFunction1<EdgeTriplet<Long, Double>, Iterator<Tuple2<Object, TreeMap<Long, Double>>>>
            implements Serializable {
        @Override
        public Iterator<Tuple2<Object, TreeMap<Long, Double>>> apply(EdgeTriplet<Long, Double> edge) {
            TreeMap<Long, Double> vote = new TreeMap<>();
            vote.put(edge.srcAttr(), edge.attr());
            Tuple2<Object, TreeMap<Long, Double>> message = new Tuple2<>(edge.dstId(), vote);
            return scala.jdk.javaapi.CollectionConverters.asScala(
                    List.of(message).iterator());
        }
    }

    private static final class Merge
            extends AbstractFunction2<TreeMap<Long, Double>, TreeMap<Long, Double>, TreeMap<Long, Double>>
            implements Serializable {
        @Override
        public TreeMap<Long, Double> apply(TreeMap<Long, Double> a, TreeMap<Long, Double> b) {
            TreeMap<Long, Double> sum = new TreeMap<>(a);
            b.forEach((label, weight) -> sum.merge(label, weight, Double::sum));
            return sum;
        }
    }
}
