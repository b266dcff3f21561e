package org.newslens.trends;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.newslens.io.Columns;

/**
 * Calendar periods of the trend tables: days, ISO weeks (Monday to Sunday) or calendar months. Each period
 * has a label (2024-03-05, 2024-W10, 2024-03), a first and last day, and an index that counts periods
 * (consecutive periods differ by one), so "the 12 periods before this one" is a range of indices even where
 * some periods have no documents.
 */
final class Periods {
    static final String DAY = "day";
    static final String WEEK = "week";
    static final String MONTH = "month";
    static final String AUTO = "auto";
    /** Spans up to this many days are split into days (at most 32 points). */
    static final int DAYS_UP_TO = 31;
    /** Longer spans up to this many days (half a year) are split into weeks (at most 27 points); longer into months. */
    static final int WEEKS_UP_TO = 183;

    private Periods() {}

    /** The unit for a setting: itself, or for auto the one the span of the dates calls for (day when no dates). */
    static String choose(String setting, LocalDate first, LocalDate last) {
        if (!AUTO.equals(setting)) {
            return setting;
        }
        if (first == null || last == null) {
            return DAY;
        }
        long span = ChronoUnit.DAYS.between(first, last);
        return span <= DAYS_UP_TO ? DAY : span <= WEEKS_UP_TO ? WEEK : MONTH;
    }

    /** Adds period, period_index, period_start and period_end from the {@code published} date (not null). */
    static Dataset<Row> assign(Dataset<Row> dated, String unit) {
        Column start = switch (unit) {
            case DAY -> col(Columns.PUBLISHED);
            // dayofweek: 1 = Sunday .. 7 = Saturday; (dayofweek + 5) % 7 days back is the Monday.
            case WEEK -> expr("date_sub(published, (dayofweek(published) + 5) % 7)");
            case MONTH -> expr("trunc(published, 'month')");
            default -> throw new IllegalArgumentException("Unknown period " + unit);
        };
        Dataset<Row> withStart = dated.withColumn(Columns.PERIOD_START, start);
        return switch (unit) {
            case DAY ->
                withStart
                        .withColumn(Columns.PERIOD_END, col(Columns.PERIOD_START))
                        .withColumn("period_index", expr("cast(datediff(period_start, date'1970-01-01') as bigint)"))
                        .withColumn(Columns.PERIOD, expr("date_format(period_start, 'yyyy-MM-dd')"));
            // 1970-01-05 was a Monday, so the day difference of two Mondays divides by 7 exactly.
            case WEEK ->
                withStart
                        .withColumn(Columns.PERIOD_END, expr("date_add(period_start, 6)"))
                        .withColumn(
                                "period_index", expr("cast(datediff(period_start, date'1970-01-05') div 7 as bigint)"))
                        // An ISO week belongs to the year of its Thursday.
                        .withColumn(
                                Columns.PERIOD,
                                expr("format_string('%d-W%02d', year(date_add(period_start, 3)), "
                                        + "weekofyear(period_start))"));
            default ->
                withStart
                        .withColumn(Columns.PERIOD_END, expr("last_day(period_start)"))
                        .withColumn(
                                "period_index",
                                expr("cast(year(period_start) * 12 + month(period_start) - 1 as bigint)"))
                        .withColumn(Columns.PERIOD, expr("date_format(period_start, 'yyyy-MM')"));
        };
    }

    /**
     * For periods sorted by index, the documents of the up to {@code window} periods before each one
     * (indices i - window .. i - 1; periods without documents count as zero).
     */
    static long[] trailingSums(long[] index, long[] docs, int window) {
        long[] sums = new long[index.length];
        int from = 0;
        long running = 0;
        for (int i = 0; i < index.length; i++) {
            if (i > 0 && index[i] <= index[i - 1]) {
                throw new IllegalArgumentException("period indices must increase: " + index[i - 1] + ", " + index[i]);
            }
            if (i > 0) {
                running += docs[i - 1];
            }
            while (from < i && index[from] < index[i] - window) {
                running -= docs[from++];
            }
            sums[i] = running;
        }
        return sums;
    }
}
