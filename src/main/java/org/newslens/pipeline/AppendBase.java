package org.newslens.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.newslens.config.CoreSettings;
import org.newslens.config.Setting;
import org.newslens.config.Settings;
import org.newslens.config.SettingsException;
import org.newslens.io.RunFolders;

/**
 * The output an append run adds to: its current run's manifest (settings, corpus root, run history). Loading
 * it is also the check that an append may go ahead; every refusal says what to do instead, and comes before
 * anything is written.
 */
public record AppendBase(
        Path runFolder, String corpusRoot, Map<String, String> settings, List<Map<String, Object>> history) {

    /**
     * The layout of the output's tables and state; an output of another format cannot be appended to. Format 2:
     * run folders with the {@code state/} tables. (Outputs without a format number are format 1.)
     */
    public static final int FORMAT = 2;

    /** Prefixes of the settings that shape stored rows (documents, annotations): they must not change in append. */
    private static final List<String> STORED_ROW_SETTINGS = List.of("ingest.", "annotate.");

    /** Settings that say where and how to run, not what the tables mean. */
    private static final List<String> RUN_ONLY_SETTINGS = java.util.stream.Stream.of(
                    CoreSettings.INPUT,
                    CoreSettings.OUTPUT,
                    CoreSettings.MODE,
                    CoreSettings.PARTITIONS,
                    CoreSettings.LOG_LEVEL,
                    CoreSettings.LOCK_STALE_HOURS,
                    CoreSettings.PARALLEL_STAGES)
            .map(Setting::key)
            .toList();

    /** Loads the output's current run, failing with the reason when an append cannot add to it. */
    public static AppendBase load(Path output, Configuration conf, Settings asked) throws IOException {
        if (RunFolders.currentId(output, conf).isEmpty()) {
            throw new SettingsException("--mode append adds to an existing output, but " + output
                    + " holds no complete run. Run a full run first (the default, --mode full).");
        }
        Path runFolder = RunFolders.current(output, conf);
        Map<String, Object> manifest = RunManifest.read(runFolder, runFolder.getFileSystem(conf))
                .orElseThrow(() -> new SettingsException("--mode append: the current run under " + output + " has no "
                        + RunManifest.FILE_NAME + ", so what it holds is unknown. Run a full run (--mode full)."));
        int format = manifest.get("format") instanceof Number n ? n.intValue() : 1;
        if (format != FORMAT) {
            Object versions = manifest.get("versions");
            String writer = versions instanceof Map<?, ?> v ? String.valueOf(v.get("newslens")) : "unknown";
            throw new SettingsException("--mode append: " + output + " was written by NewsLens " + writer
                    + " in output format " + format + ", and this version appends to format " + FORMAT
                    + " only. Run one full run with this version (--mode full) over the whole corpus; later runs can"
                    + " append to it.");
        }
        @SuppressWarnings("unchecked")
        Map<String, String> stored = (Map<String, String>) manifest.get("settings");
        checkSettings(stored, asked.effective());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = manifest.get("history") instanceof List<?> list
                ? new ArrayList<>((List<Map<String, Object>>) list)
                : new ArrayList<>();
        return new AppendBase(runFolder, (String) manifest.get("corpus_root"), stored, history);
    }

    /**
     * The history entry of the latest run that changed the output (empty when there is none): a run that found
     * nothing new keeps every table, and had the same settings as the run before it, so it is passed over.
     */
    public Map<String, Object> lastChange() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!Boolean.TRUE.equals(history.get(i).get("up_to_date"))) {
                return history.get(i);
            }
        }
        return Map.of();
    }

    /** Fails when a setting that shapes stored rows differs from the one the output was made with. */
    static void checkSettings(Map<String, String> stored, Map<String, String> asked) {
        List<String> changed = new ArrayList<>();
        asked.forEach((key, value) -> {
            if (STORED_ROW_SETTINGS.stream().anyMatch(key::startsWith)
                    && stored.containsKey(key)
                    && !Objects.equals(stored.get(key), value)) {
                changed.add("--" + key + " " + value + " (the output was made with " + stored.get(key) + ")");
            }
        });
        if (!changed.isEmpty()) {
            throw new SettingsException(
                    "--mode append cannot change what the stored documents and annotations mean: "
                            + String.join(", ", changed)
                            + ". Use the output's values, or run a full run (--mode full) to redo everything with the new ones.");
        }
    }

    /**
     * Whether the asked settings equal the output's in everything that shapes the tables (all but where and
     * how to run): then an input with nothing new leaves every table as it is.
     */
    public boolean sameAnalysis(Settings asked) {
        Map<String, String> effective = asked.effective();
        return effective.keySet().stream()
                .filter(key -> !RUN_ONLY_SETTINGS.contains(key))
                .allMatch(key -> Objects.equals(settings.get(key), effective.get(key)));
    }

    /** Whether the asked values of these settings equal the output's. */
    public boolean sameValues(Settings asked, List<Setting<?>> which) {
        Map<String, String> effective = asked.effective();
        return which.stream().map(Setting::key).allMatch(key -> Objects.equals(settings.get(key), effective.get(key)));
    }
}
