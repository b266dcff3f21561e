package org.newslens.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newslens.annotate.names.MentionTypes;
import org.newslens.config.Setting;
import org.newslens.config.Settings;
import org.newslens.config.SettingsException;

/** Settings of the entities job (canonical entities, co-occurrence pairs, entity graph). */
public final class EntitiesSettings {
    private EntitiesSettings() {}

    public static final Setting<Integer> MIN_PAIR_COUNT = Setting.integer(
            "entities.min-pair-count",
            2,
            1,
            1_000_000,
            "Keep a pair in entity_pairs (and as a graph edge) only when it co-occurs in at least this many windows");
    public static final Setting<Integer> WINDOW_MAX_ENTITIES = Setting.integer(
            "entities.window-max-entities",
            100,
            2,
            1_000_000,
            "Pair at most this many entities per window (sentence or document): its most mentioned, ties "
                    + "to the smaller entity_id. Ordinary articles name fewer; it bounds the pairs of a very long "
                    + "document, which grow with the square of its entities");
    public static final Setting<String> PAIR_TYPES = Setting.string(
                    "entities.pair-types",
                    "PERSON,ORGANIZATION,LOCATION",
                    "Entity types that pair up, comma-separated (PERSON, ORGANIZATION, "
                            + "LOCATION, MISC); e.g. PERSON,ORGANIZATION for who-works-with-whom without places")
            .allowing("a comma-separated list of PERSON, ORGANIZATION, LOCATION, MISC");
    public static final Setting<Integer> PAGERANK_ITERATIONS = Setting.integer(
            "entities.pagerank-iterations", 20, 1, 1000, "PageRank iterations over the sentence-window graph");
    public static final Setting<Integer> COMMUNITY_STEPS = Setting.integer(
            "entities.community-steps", 10, 1, 1000, "Label propagation steps for entity_graph.community");

    public static final Setting<Integer> GRAPH_IN_DRIVER_MAX_PAIRS = Setting.integer(
            "entities.graph-in-driver-max-pairs",
            2_000_000,
            0,
            10_000_000,
            "Compute PageRank and communities in the driver when entity_pairs has at most this many rows: the "
                    + "same numbers as on the cluster, without GraphX's many small Spark jobs; 0 = always GraphX");

    public static List<Setting<?>> all() {
        return List.of(
                MIN_PAIR_COUNT,
                WINDOW_MAX_ENTITIES,
                PAIR_TYPES,
                PAGERANK_ITERATIONS,
                COMMUNITY_STEPS,
                GRAPH_IN_DRIVER_MAX_PAIRS);
    }

    /** The pair types, validated: fails naming the bad value. */
    public static List<String> pairTypes(Settings settings) {
        List<String> allowed =
                List.of(MentionTypes.PERSON, MentionTypes.ORGANIZATION, MentionTypes.LOCATION, MentionTypes.MISC);
        List<String> types = new ArrayList<>();
        for (String raw : settings.get(PAIR_TYPES).split(",")) {
            String type = raw.strip().toUpperCase(Locale.ROOT);
            if (!allowed.contains(type)) {
                throw new SettingsException("Setting --" + PAIR_TYPES.key() + " has type '" + raw.strip()
                        + "'; expected a comma-separated list of " + String.join(", ", allowed));
            }
            types.add(type);
        }
        return types;
    }
}
