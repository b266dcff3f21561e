package org.newslens.entities;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.conv;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.Graph;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.newslens.io.Columns;
import org.newslens.stats.ExactSum;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The {@code entity_graph} table: entities as vertices, sentence-window pairs as undirected edges weighted
 * by their count. Degree and weighted degree are Spark SQL aggregates over the pairs. PageRank is GraphX's
 * unweighted PageRank (reset probability 0.15) with exact sums ({@link ExactPageRank}), normalised here to sum
 * to 1 over all entities (the total summed exactly too), so it is the same to the last digit on any
 * partitioning. The community comes from weighted label propagation ({@link WeightedLabelPropagation}: ties go
 * to the smallest label, so it does not depend on partitioning); its id is the vertex id of one member, and
 * isolated entities are their own community. Both run on Spark GraphX's {@link org.apache.spark.graphx.Pregel}
 * engine (part of Spark, distributed, so no graph engine of our own), or, for a small graph, in the driver with
 * the same arithmetic ({@link DriverGraph}), which spares GraphX's many small Spark jobs.
 */
public final class EntityGraph {
    private static final ClassTag<String> STRING = ClassTag$.MODULE$.apply(String.class);
    private static final ClassTag<Double> DOUBLE = ClassTag$.MODULE$.apply(Double.class);

    private EntityGraph() {}

    /** GraphX vertex id of an entity: the first 15 hex digits of entity_id (60 bits, so always positive). */
    static Column vertexId(Column entityId) {
        return conv(substring(entityId, 1, 15), 16, 10).cast("long");
    }

    /** The table's rows, and what to release once they are written. */
    public record Built(Dataset<Row> table, Runnable release) {}

    /**
     * @param entities entity_id, name, type
     * @param entityCount the number of entities (PageRank's fixed-point unit depends on it)
     * @param pairs sentence-window pairs: entity_a, entity_b, count
     * @param inDriver compute PageRank and communities in the driver ({@link DriverGraph}: the same numbers,
     *                 without GraphX's Spark jobs) rather than with GraphX on the cluster
     */
    public static Built build(
            SparkSession spark,
            Dataset<Row> entities,
            long entityCount,
            Dataset<Row> pairs,
            int pagerankIterations,
            int communitySteps,
            boolean inDriver) {
        Dataset<Row> vertices = entities.select(
                col(Columns.ENTITY_ID),
                vertexId(col(Columns.ENTITY_ID)).as("vid"),
                col(Columns.NAME),
                col(Columns.TYPE));
        Dataset<Row> ends = pairs.select(col(Columns.ENTITY_A).as(Columns.ENTITY_ID), col(Columns.COUNT))
                .union(pairs.select(col(Columns.ENTITY_B).as(Columns.ENTITY_ID), col(Columns.COUNT)));
        Dataset<Row> degrees = ends.groupBy(Columns.ENTITY_ID)
                .agg(
                        count(lit(1)).as(Columns.DEGREE),
                        sum(Columns.COUNT).cast("double").as(Columns.WEIGHTED_DEGREE));
        Dataset<Row> scores = inDriver
                ? spark.createDataFrame(
                        new DriverGraph(driverPairs(pairs), entityCount).rows(pagerankIterations, communitySteps),
                        SCORES)
                : graphxScores(spark, vertices, degrees, pairs, entityCount, pagerankIterations, communitySteps);
        // An entity without edges keeps its starting rank and its own label.
        Dataset<Row> scored = vertices.join(degrees, Columns.ENTITY_ID, "left")
                .join(scores, "vid", "left")
                .withColumn("pagerank_raw", coalesce(col("pagerank_raw"), lit(ExactPageRank.RESET)))
                .withColumn(Columns.COMMUNITY, coalesce(col(Columns.COMMUNITY), col("vid")));
        Double sum =
                scored.agg(ExactSum.of(col("pagerank_raw")).as("total")).first().getAs("total");
        double total = sum == null ? 1.0 : sum; // null: no entities at all
        Dataset<Row> table = scored.select(
                col(Columns.ENTITY_ID),
                coalesce(col(Columns.DEGREE), lit(0L)).as(Columns.DEGREE),
                coalesce(col(Columns.WEIGHTED_DEGREE), lit(0.0)).as(Columns.WEIGHTED_DEGREE),
                col("pagerank_raw").divide(total).as(Columns.PAGERANK),
                col(Columns.COMMUNITY),
                col(Columns.NAME),
                col(Columns.TYPE));
        return new Built(table, scores::unpersist);
    }

    private static final StructType SCORES = new StructType()
            .add("vid", DataTypes.LongType, false)
            .add("pagerank_raw", DataTypes.DoubleType, false)
            .add(Columns.COMMUNITY, DataTypes.LongType, false);

    /** The pairs as (vertex id a, vertex id b, count as double), brought to the driver a partition at a time. */
    private static Iterator<Row> driverPairs(Dataset<Row> pairs) {
        return pairs.select(
                        vertexId(col(Columns.ENTITY_A)),
                        vertexId(col(Columns.ENTITY_B)),
                        col(Columns.COUNT).cast("double"))
                .toLocalIterator();
    }

    /** (vid, pagerank_raw, community), computed with GraphX's Pregel on the cluster and kept (persisted). */
    private static Dataset<Row> graphxScores(
            SparkSession spark,
            Dataset<Row> vertices,
            Dataset<Row> degrees,
            Dataset<Row> pairs,
            long entityCount,
            int pagerankIterations,
            int communitySteps) {
        JavaRDD<Tuple2<Object, String>> vertexRdd = vertices.select("vid", Columns.ENTITY_ID)
                .javaRDD()
                .map(r -> new Tuple2<>(r.getAs("vid"), r.getAs(Columns.ENTITY_ID)));
        JavaRDD<Edge<Double>> edgeRdd = pairs.select(
                        vertexId(col(Columns.ENTITY_A)).as("a"),
                        vertexId(col(Columns.ENTITY_B)).as("b"),
                        col(Columns.COUNT).cast("double").as("weight"))
                .javaRDD()
                .flatMap(r -> List.of(
                                new Edge<>(r.<Long>getAs("a"), r.<Long>getAs("b"), r.<Double>getAs("weight")),
                                new Edge<>(r.<Long>getAs("b"), r.<Long>getAs("a"), r.<Double>getAs("weight")))
                        .iterator());
        Graph<String, Double> graph = Graph.apply(
                vertexRdd.rdd(),
                edgeRdd.rdd(),
                "",
                StorageLevel.MEMORY_AND_DISK(),
                StorageLevel.MEMORY_AND_DISK(),
                STRING,
                DOUBLE);
        Graph<Double, Double> rankGraph = rankGraph(vertices, degrees, pairs);
        try {
            Graph<Double, Double> ranked = ExactPageRank.run(rankGraph, pagerankIterations, entityCount);
            Graph<Long, Double> labelled = WeightedLabelPropagation.run(graph, communitySteps);
            Dataset<Row> scores = toFrame(spark, ranked.vertices().toJavaRDD(), "pagerank_raw", DataTypes.DoubleType)
                    .join(toFrame(spark, labelled.vertices().toJavaRDD(), Columns.COMMUNITY, DataTypes.LongType), "vid")
                    .persist(StorageLevel.MEMORY_AND_DISK());
            scores.count(); // computed now: the graphs are released when this returns
            return scores;
        } finally {
            // Besides the graphs given to it, Pregel leaves its last graph and messages cached. GraphX names the
            // RDDs it caches after their kind.
            CollectionConverters.asJava(spark.sparkContext().getPersistentRDDs()).values().stream()
                    .filter(rdd -> rdd.name() != null
                            && (rdd.name().startsWith("VertexRDD") || rdd.name().startsWith("EdgeRDD")))
                    .forEach(rdd -> rdd.unpersist(false));
        }
    }

    /**
     * The graph PageRank walks: every vertex starting at rank 1 (an entity without edges at the reset value,
     * where GraphX's PageRank leaves it), every pair as an edge each way weighted 1 / (degree of its source).
     */
    private static Graph<Double, Double> rankGraph(Dataset<Row> vertices, Dataset<Row> degrees, Dataset<Row> pairs) {
        JavaRDD<Tuple2<Object, Double>> start = vertices.join(degrees, Columns.ENTITY_ID, "left")
                .select(
                        col("vid"),
                        when(col(Columns.DEGREE).isNull(), lit(ExactPageRank.RESET))
                                .otherwise(lit(1.0))
                                .as("rank"))
                .javaRDD()
                .map(r -> new Tuple2<>(r.getAs("vid"), r.<Double>getAs("rank")));
        Dataset<Row> directed = pairs.select(
                        col(Columns.ENTITY_A).as("src"), col(Columns.ENTITY_B).as("dst"))
                .union(pairs.select(
                        col(Columns.ENTITY_B).as("src"), col(Columns.ENTITY_A).as("dst")));
        JavaRDD<Edge<Double>> edges = directed.join(
                        degrees, directed.col("src").equalTo(degrees.col(Columns.ENTITY_ID)))
                .select(
                        vertexId(col("src")).as("src_id"),
                        vertexId(col("dst")).as("dst_id"),
                        lit(1.0).divide(col(Columns.DEGREE)).as("weight"))
                .javaRDD()
                .map(r -> new Edge<>(r.<Long>getAs("src_id"), r.<Long>getAs("dst_id"), r.<Double>getAs("weight")));
        return Graph.apply(
                start.rdd(),
                edges.rdd(),
                1.0,
                StorageLevel.MEMORY_AND_DISK(),
                StorageLevel.MEMORY_AND_DISK(),
                DOUBLE,
                DOUBLE);
    }

    private static Dataset<Row> toFrame(
            SparkSession spark,
            JavaRDD<? extends Tuple2<Object, ?>> values,
            String name,
            org.apache.spark.sql.types.DataType type) {
        StructType schema =
                new StructType().add("vid", DataTypes.LongType, false).add(name, type, false);
        return spark.createDataFrame(values.map(t -> RowFactory.create(t._1(), t._2())), schema);
    }
}
