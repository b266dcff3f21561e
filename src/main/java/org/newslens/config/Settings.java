package org.newslens.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated settings of one run. Built from {@code --key value} arguments against the list of known
 * settings (the registry next to {@code Main} holds every job's); unknown keys and bad values fail at start
 * with a message naming the key. Serializable so executors can read settings too.
 */
public final class Settings implements Serializable {
    /** Every known setting's value (the default unless given), in the order of the known settings. */
    private final Map<String, Object> values;

    private Settings(Map<String, Object> values) {
        this.values = values;
    }

    /** Parses {@code --key value} or {@code --key=value} pairs against the {@code known} settings. */
    public static Settings parse(List<Setting<?>> known, String... args) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting<?> setting : known) {
            values.put(setting.key(), setting.defaultValue());
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new SettingsException("Unexpected argument '" + arg + "': settings are given as --key value");
            }
            String key;
            String raw;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                key = arg.substring(2, eq);
                raw = arg.substring(eq + 1);
            } else {
                key = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new SettingsException("Setting --" + key + " needs a value");
                }
                raw = args[++i];
            }
            Setting<?> setting = known.stream()
                    .filter(s -> s.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> new SettingsException(
                            "Unknown setting --" + key + "; run with --help to list the settings"));
            values.put(key, setting.parse(raw));
        }
        return new Settings(values);
    }

    /** A copy with one value replaced (used by tests and by jobs that derive settings). */
    public <T> Settings with(Setting<T> setting, T value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(setting.key(), value);
        return new Settings(copy);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return values.containsKey(setting.key()) ? (T) values.get(setting.key()) : setting.defaultValue();
    }

    /** Every known setting with its effective value, for the run manifest and logs. */
    public Map<String, String> effective() {
        Map<String, String> all = new LinkedHashMap<>();
        values.forEach((key, value) -> all.put(key, String.valueOf(value)));
        return Collections.unmodifiableMap(all);
    }
}
