package org.newslens.topics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newslens.config.CoreSettings;
import org.newslens.config.Settings;
import org.newslens.config.SettingsException;
import org.newslens.io.Columns;
import org.newslens.io.HadoopConf;
import org.newslens.io.ParquetTables;
import org.newslens.io.Table;

/**
 * Checked before any job of an append run starts: an append without {@code topics.refit} keeps the stored topic
 * model, so the output must have one, and the run must ask for the settings it was fitted with. Reads only the
 * small {@code state/topic_model_info} table of the current run, without a Spark session.
 */
final class AppendCheck {
    private AppendCheck() {}

    static void check(Settings settings) {
        if (!TopicsSettings.keepsStoredModel(settings)) {
            return;
        }
        String output = settings.get(CoreSettings.OUTPUT);
        ParquetTables current = new ParquetTables(HadoopConf.forSession(null), output);
        if (!current.exists(Table.TOPIC_MODEL_INFO)) {
            if (current.exists(Table.TOPICS)) {
                throw new SettingsException("The topics under " + output + " were written by a NewsLens that did not"
                        + " store its topic model (there is no " + Table.TOPIC_MODEL_INFO.tableName() + "), so an"
                        + " append cannot keep them. Run a full run (--mode full), or add --topics.refit to fit the"
                        + " topics anew (their ids then start from 0)");
            }
            return; // no topics yet: this run fits the first model
        }
        Map<String, String> stored = new LinkedHashMap<>();
        current.readAll(Table.TOPIC_MODEL_INFO, Columns.KEY, Columns.VALUE)
                .forEach(row -> stored.put((String) row.get(Columns.KEY), (String) row.get(Columns.VALUE)));
        fail(StoredModel.differences(stored, settings));
    }

    /** Fails naming every defining setting that differs from the stored model's, when there is one. */
    static void fail(List<String> differences) {
        if (!differences.isEmpty()) {
            throw new SettingsException("An append keeps the stored topic model, so it needs the settings that model"
                    + " was fitted with:\n  " + String.join("\n  ", differences)
                    + "\nAsk for the stored values, or add --topics.refit to fit the topics anew (matched topics keep"
                    + " their ids)");
        }
    }
}
