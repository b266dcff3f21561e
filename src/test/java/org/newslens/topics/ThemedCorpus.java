package org.newslens.topics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.newslens.bench.TopicsInput;

/**
 * Test fixture: short articles on three clearly separate made-up themes (stargazing, baking, sailing),
 * written for these tests, with words shared by all themes mixed in, dated over three months.
 */
final class ThemedCorpus {
    static final List<String> STARS = List.of(
            "telescope",
            "galaxy",
            "orbit",
            "comet",
            "nebula",
            "planet",
            "astronomer",
            "meteor",
            "lens",
            "observatory",
            "eclipse",
            "constellation");
    static final List<String> BAKING = List.of(
            "flour", "oven", "butter", "dough", "yeast", "pastry", "bakery", "loaf", "sugar", "crust", "whisk",
            "batter");
    static final List<String> SAILING = List.of(
            "yacht", "regatta", "mast", "harbour", "keel", "rudder", "sailor", "hull", "anchor", "deck", "crew",
            "tide");
    /** A fourth theme, for news on a subject the first runs never saw. */
    static final List<String> GARDENING = List.of(
            "tulip",
            "compost",
            "shovel",
            "seedling",
            "greenhouse",
            "hedge",
            "orchard",
            "trowel",
            "mulch",
            "blossom",
            "fern",
            "daisy");

    static final List<List<String>> THEMES = List.of(STARS, BAKING, SAILING);
    private static final List<String> SHARED =
            List.of("people", "week", "town", "morning", "local", "great", "news", "family", "report", "season");

    private ThemedCorpus() {}

    /** {@code perTheme} documents per theme; doc ids say the theme: stars-03, baking-07, ... */
    static List<TopicsInput.Doc> docs(int perTheme, long seed) {
        Random random = new Random(seed);
        String[] names = {"stars", "baking", "sailing"};
        List<TopicsInput.Doc> docs = new ArrayList<>();
        for (int d = 0; d < perTheme; d++) {
            for (int t = 0; t < THEMES.size(); t++) {
                docs.add(new TopicsInput.Doc(
                        String.format("%s-%02d", names[t], d),
                        LocalDate.of(2024, 1 + d % 3, 1 + d),
                        sentences(random, THEMES.get(t))));
            }
        }
        return docs;
    }

    /**
     * {@code count} more documents on one theme, ids {@code <name>-<first>} on, dated in April 2024: the news a
     * later run adds.
     */
    static List<TopicsInput.Doc> more(String name, List<String> theme, int first, int count, long seed) {
        Random random = new Random(seed);
        List<TopicsInput.Doc> docs = new ArrayList<>();
        for (int d = first; d < first + count; d++) {
            docs.add(new TopicsInput.Doc(
                    String.format("%s-%02d", name, d), LocalDate.of(2024, 4, 1 + d % 28), sentences(random, theme)));
        }
        return docs;
    }

    /** Six sentences, 70 % of their words from the theme, the rest from the words all themes share. */
    private static List<String> sentences(Random random, List<String> theme) {
        List<String> sentences = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            StringBuilder sentence = new StringBuilder("The");
            for (int w = 0; w < 9; w++) {
                List<String> pool = random.nextDouble() < 0.7 ? theme : SHARED;
                sentence.append(' ').append(pool.get(random.nextInt(pool.size())));
                if (w == 4) {
                    sentence.append(" and the");
                }
            }
            sentences.add(sentence.append('.').toString());
        }
        return sentences;
    }

    /** The theme a fixture doc id belongs to. */
    static String theme(String docId) {
        return docId.substring(0, docId.indexOf('-'));
    }
}
