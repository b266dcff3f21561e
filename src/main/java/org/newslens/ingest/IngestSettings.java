package org.newslens.ingest;

import java.util.List;
import org.newslens.config.Setting;

/** Settings of the ingest job. */
public final class IngestSettings {
    private IngestSettings() {
    }

    public static final Setting<Integer> MAX_CHARS = Setting.integer("ingest.max-chars", 1_000_000, 1_000, 100_000_000,
            "Longest text kept per document (characters); a longer one is kept cut at a paragraph or sentence "
                    + "boundary and also gets a 'truncated' row in rejects");
    public static final Setting<Integer> REPEAT_MIN_DOCS = Setting.integer("ingest.repeat-min-docs", 3, 2, Integer.MAX_VALUE,
            "A line found in at least this many documents that are otherwise different (and in ingest.repeat-share of them) is corpus boilerplate "
                    + "and removed everywhere");
    public static final Setting<Double> REPEAT_SHARE = Setting.decimal("ingest.repeat-share", 0.001, 0.0, 1.0,
            "Share of all documents a line must also appear in to be corpus boilerplate");
    public static final Setting<Integer> FILES_PER_PARTITION = Setting.integer("ingest.files-per-partition", 1_000, 1,
            1_000_000, "Text files read per Spark partition when --partitions is 0");

    public static List<Setting<?>> all() {
        return List.of(MAX_CHARS, REPEAT_MIN_DOCS, REPEAT_SHARE, FILES_PER_PARTITION);
    }
}
