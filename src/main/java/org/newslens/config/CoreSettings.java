package org.newslens.config;

import java.util.List;

/** Settings every job shares. */
public final class CoreSettings {
    private CoreSettings() {}

    public static final Setting<String> INPUT = Setting.string(
                    "input",
                    "data",
                    "Corpus to read: a file, a folder (read recursively) or any Hadoop URI (file:, hdfs:, s3a:)")
            .allowing("a path or Hadoop URI");
    public static final Setting<String> OUTPUT = Setting.string(
                    "output", "output", "Output root: one Parquet folder per table, written under this Hadoop URI")
            .allowing("a path or Hadoop URI");
    public static final Setting<Integer> PARTITIONS = Setting.integer(
            "partitions",
            0,
            0,
            1_000_000,
            "Partitions for reading text files and for the NLP pass; 0 picks from the corpus size and the cores Spark reports");

    public static final Setting<String> LOG_LEVEL = Setting.choice(
            "log-level",
            "warn",
            List.of("warn", "info", "debug"),
            "What the run logs on stderr: warn = warnings, NewsLens's stage lines and a progress line every few seconds;"
                    + " info = Spark's own info lines too (thousands on a cluster); debug = NewsLens's debug lines as well");
    public static final Setting<Integer> LOCK_STALE_HOURS = Setting.integer(
            "lock-stale-hours",
            24,
            1,
            100_000,
            "Hours after which another run's lock on the output is taken over (sooner when its process is gone on this host)");

    public static final Setting<String> MODE = Setting.choice(
            "mode",
            "full",
            List.of("full", "append"),
            "full = the output becomes the analysis of --input alone; append = --input is added to the output already"
                    + " there (new and changed inputs only go through the NLP pass) and every table is brought up to"
                    + " date, the same as a full run over everything added so far");

    public static final Setting<Boolean> PARALLEL_STAGES = Setting.bool(
            "parallel-stages",
            true,
            "Run stages that read none of each other's tables side by side: terms and entities, then topics (beside"
                    + " them in an append that keeps the topic model, after terms otherwise), so one stage's tasks use the"
                    + " cores another leaves idle; false runs them one after another, each with the heap to itself");

    public static List<Setting<?>> all() {
        return List.of(INPUT, OUTPUT, MODE, PARTITIONS, LOG_LEVEL, LOCK_STALE_HOURS, PARALLEL_STAGES);
    }

    /** Whether this run adds its input to the existing output ({@code --mode append}). */
    public static boolean isAppend(Settings settings) {
        return "append".equals(settings.get(MODE));
    }
}
