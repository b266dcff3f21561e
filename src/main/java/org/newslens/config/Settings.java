package org.newslens.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.newslens.SettingsRegistry;

/**
 * The validated settings of one run. Built from {@code --key value} arguments; unknown keys and bad values
 * fail at start with a message naming the key. Serializable so executors can read settings too.
 */
public final class Settings implements Serializable {
    private final Map<String, Object> values;

    private Settings(Map<String, Object> values) {
        this.values = values;
    }

    /** All defaults. */
    public static Settings defaults() {
        return parse(new String[0]);
    }

    /** Parses {@code --key value} or {@code --key=value} pairs against {@link SettingsRegistry}. */
    public static Settings parse(String[] args) {
        Map<String, Object> values = new TreeMap<>();
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
            Setting<?> setting = SettingsRegistry.find(key).orElseThrow(() -> new SettingsException(
                    "Unknown setting --" + key + "; run with --help to list the settings"));
            values.put(key, setting.parse(raw));
        }
        return new Settings(values);
    }

    /** A copy with one value replaced (used by tests and by jobs that derive settings). */
    public <T> Settings with(Setting<T> setting, T value) {
        Map<String, Object> copy = new TreeMap<>(values);
        copy.put(setting.key(), value);
        return new Settings(copy);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        Object value = values.get(setting.key());
        return value == null ? setting.defaultValue() : (T) value;
    }

    /** Every registered setting with its effective value, for the run manifest and logs. */
    public Map<String, String> effective() {
        Map<String, String> all = new LinkedHashMap<>();
        for (Setting<?> setting : SettingsRegistry.all()) {
            all.put(setting.key(), String.valueOf(get(setting)));
        }
        return Collections.unmodifiableMap(all);
    }
}
