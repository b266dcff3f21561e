package org.newslens.trends;

import java.util.List;
import org.newslens.config.Setting;

/** Settings of the trends job: periods, the burst test and keyness. */
public final class TrendsSettings {
    private TrendsSettings() {}

    public static final Setting<String> PERIOD = Setting.choice(
            "trends.period",
            Periods.AUTO,
            List.of(Periods.AUTO, Periods.DAY, Periods.WEEK, Periods.MONTH),
            "Period of entity_trends, pair_trends and the period keyness: auto picks day when the dated documents "
                    + "span at most " + Periods.DAYS_UP_TO + " days, week up to " + Periods.WEEKS_UP_TO
                    + " days, month beyond");
    public static final Setting<Integer> HISTORY = Setting.integer(
            "trends.history",
            12,
            1,
            10_000,
            "Earlier periods the burst test compares a period with (the expected value is the rate in these)");
    public static final Setting<Double> FDR = Setting.decimal(
            "trends.fdr",
            0.05,
            0.0001,
            0.5,
            "False-discovery rate of the burst flags (Benjamini-Hochberg over all tests of a table)");
    public static final Setting<Integer> MIN_BURST_DOCS = Setting.integer(
            "trends.min-burst-docs", 3, 1, 1_000_000, "Fewest documents in the period for a burst to be flagged");
    public static final Setting<Boolean> DUPLICATES_ONCE = Setting.bool(
            "trends.duplicates-once",
            true,
            "Count near-duplicates (the duplicates table) once per story; false counts every copy");
    public static final Setting<Integer> KEYNESS_MIN_COUNT = Setting.integer(
            "trends.keyness-min-count",
            3,
            1,
            1_000_000,
            "Fewest occurrences inside a group for a term or entity to get a keyness row");

    public static List<Setting<?>> all() {
        return List.of(PERIOD, HISTORY, FDR, MIN_BURST_DOCS, DUPLICATES_ONCE, KEYNESS_MIN_COUNT);
    }
}
