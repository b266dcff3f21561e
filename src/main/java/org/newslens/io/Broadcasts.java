package org.newslens.io;

import static org.apache.spark.sql.functions.broadcast;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.internal.SQLConf;

/** Broadcast hints for small tables whose size Spark cannot tell from the plan (an outer join, a cached filter). */
public final class Broadcasts {
    private Broadcasts() {}

    /**
     * The rows, marked for broadcast when {@code rowCount} rows of about {@code bytesPerRow} each fit under Spark's
     * broadcast threshold ({@code spark.sql.autoBroadcastJoinThreshold}; never when it is turned off): every task
     * then gets all of them, so the large side of the join is not shuffled to meet them.
     */
    public static Dataset<Row> ifSmall(Dataset<Row> rows, long rowCount, long bytesPerRow) {
        return rowCount * bytesPerRow <= SQLConf.get().autoBroadcastJoinThreshold() ? broadcast(rows) : rows;
    }
}
