package org.newslens;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newslens.config.CoreSettings;
import org.newslens.config.Setting;
import org.newslens.config.Settings;

/** Every setting of every job, in the order {@code --help} lists them. Add a job's settings here. */
public final class SettingsRegistry {
    private SettingsRegistry() {}

    public static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>(CoreSettings.all());
        // One line per job, in pipeline order.
        all.addAll(org.newslens.ingest.IngestSettings.all());
        all.addAll(org.newslens.annotate.AnnotateSettings.all());
        all.addAll(org.newslens.terms.TermsSettings.all());
        all.addAll(org.newslens.entities.EntitiesSettings.all());
        all.addAll(org.newslens.topics.TopicsSettings.all());
        all.addAll(org.newslens.trends.TrendsSettings.all());
        all.addAll(org.newslens.report.ReportSettings.all());
        return all;
    }

    /** Parses command-line settings against every job's settings. */
    public static Settings parse(String... args) {
        return Settings.parse(all(), args);
    }

    /** Every setting at its default. */
    public static Settings defaults() {
        return parse();
    }

    public static Optional<Setting<?>> find(String key) {
        return all().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The {@code --help} text: every setting with its allowed values and default. */
    public static String help() {
        StringBuilder out = new StringBuilder();
        for (Setting<?> setting : all()) {
            String allowed =
                    setting.allowed().map(values -> " (" + values + ")").orElse("");
            out.append(String.format(
                    "  --%-32s %s%s (default: %s)%n",
                    setting.key(), setting.description(), allowed, setting.defaultValue()));
        }
        return out.toString();
    }
}
