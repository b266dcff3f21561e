package org.newslens.stats;

import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * A sum of doubles that does not depend on partitioning. Spark's {@code sum} over doubles adds in the order
 * partial aggregates arrive, so its last digits change with the number of partitions; here each value is
 * first rounded to 18 decimals, and decimals add up exactly, in any order. The total comes back as a double.
 * Good for values below 10^20, summed to far more digits than a double holds.
 */
public final class ExactSum {
    private static final DecimalType EXACT = DataTypes.createDecimalType(38, 18);

    private ExactSum() {}

    /** The aggregate: the exact sum of {@code value} (null for no rows, as {@code sum}), as a double. */
    public static Column of(Column value) {
        return sum(value.cast(EXACT)).cast(DataTypes.DoubleType);
    }
}
