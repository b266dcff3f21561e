package org.newslens.report;

import java.util.List;
import org.newslens.config.Setting;

/** Settings of the report job: how much of each table the console summary and the HTML page show. */
public final class ReportSettings {
    private ReportSettings() {}

    public static final Setting<Integer> TOP = Setting.integer(
            "report.top",
            20,
            1,
            1000,
            "Rows per ranking in the report: top terms, collocations, entities per type, pairs");
    public static final Setting<Integer> NETWORK = Setting.integer(
            "report.network", 30, 2, 200, "Entities (most mentioned first) drawn in the co-occurrence network picture");
    public static final Setting<Integer> DOCUMENTS = Setting.integer(
            "report.documents", 200, 0, 100_000, "Documents listed in the report's documents table (newest first)");
    public static final Setting<Integer> EXAMPLES = Setting.integer(
            "report.examples", 3, 0, 50, "Example sentences (keyword in context) shown per top entity pair");

    public static List<Setting<?>> all() {
        return List.of(TOP, NETWORK, DOCUMENTS, EXAMPLES);
    }
}
