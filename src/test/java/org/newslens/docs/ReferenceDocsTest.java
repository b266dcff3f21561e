package org.newslens.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newslens.SettingsRegistry;
import org.newslens.config.Setting;
import org.newslens.io.Table;

/** The documentation a user reads agrees with the code: generated pages are current, the README's lists match. */
class ReferenceDocsTest {
    private static final Path README = Path.of("README.md");

    @Test
    void committedReferencePagesAreWhatTheCodeGenerates() throws IOException {
        for (Map.Entry<String, String> page : ReferenceDocs.pages().entrySet()) {
            Path file = ReferenceDocs.PAGES.resolve(page.getKey());
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)";
            assertThat(committed)
                    .as("%s is out of date with the code; run %s and commit the page", file, ReferenceDocs.COMMAND)
                    .isEqualTo(page.getValue());
        }
    }

    @Test
    void everyTableAndColumnSaysWhatItMeans() {
        for (Table table : Table.values()) {
            assertThat(table.description())
                    .as("description of table %s", table.tableName())
                    .isNotBlank();
            for (StructField column : table.schema().fields()) {
                assertThat(Table.description(column))
                        .as("meaning of %s.%s", table.tableName(), column.name())
                        .isNotBlank();
                if (column.dataType() instanceof ArrayType array && array.elementType() instanceof StructType s) {
                    for (StructField field : s.fields()) {
                        assertThat(Table.description(field))
                                .as("meaning of %s.%s[].%s", table.tableName(), column.name(), field.name())
                                .isNotBlank();
                    }
                }
            }
        }
    }

    @Test
    void tablesPageDocumentsEveryColumnWithItsType() {
        String page = ReferenceDocs.tablesPage();
        assertThat(page)
                .contains("| `published` | `date` | yes | Publication date; null when unknown |")
                .contains("| `aliases[].count` | `bigint` | no |")
                .contains("| [topic_metrics](#topic_metrics) | `jobs/topics` |");
        for (Table table : Table.values()) {
            assertThat(page).contains("\n## " + table.tableName() + "\n");
        }
    }

    @Test
    void settingsPageGivesEveryDefaultAndTheAllowedValues() {
        String page = ReferenceDocs.settingsPage();
        for (Setting<?> setting : SettingsRegistry.all()) {
            assertThat(page).contains("| `--" + setting.key() + "` | `" + setting.defaultValue() + "` | ");
        }
        assertThat(page)
                .contains("| `--annotate.ner-scope` | `capitalised-windows` | one of sentence, "
                        + "capitalised-windows |")
                .contains("| `--topics.k-max` | `30` | a whole number from 2 to 1000 |")
                .contains("| `--topics.max-df` | `0.5` | a number from 0.01 to 1 |")
                .contains("| `--topics.k` | `auto` | auto, or a whole number from 1 |");
    }

    @Test
    void readmeListsEveryTableExactlyOnce() throws IOException {
        List<String> listed = matches(section("## Tables"), Pattern.compile("(?m)^- `([\\w/]+)`:"));
        List<String> tables =
                Arrays.stream(Table.values()).map(Table::tableName).toList();
        assertThat(listed)
                .as("tables listed in README.md, section Tables (one line `- `name`: ...` each)")
                .containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void readmeSettingsExistWithTheirDefaults() throws IOException {
        Matcher rows = Pattern.compile("(?m)^\\| `--([\\w.-]+)` \\| `?([^|`]*?)`? \\|")
                .matcher(section("## Most used settings"));
        int checked = 0;
        while (rows.find()) {
            String key = rows.group(1);
            assertThat(SettingsRegistry.find(key))
                    .as("README.md setting --%s", key)
                    .isPresent();
            assertThat(rows.group(2))
                    .as("README.md default of --%s", key)
                    .isEqualTo(String.valueOf(
                            SettingsRegistry.find(key).orElseThrow().defaultValue()));
            checked++;
        }
        assertThat(checked).as("settings rows found in README.md").isGreaterThan(5);
    }

    /** The README's text from a heading to the next heading of the same level. */
    private static String section(String heading) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README.md has a section %s", heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> matches(String text, Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
