package org.newslens.trends;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A made-up news corpus as JSON Lines: two outlets, {@value #WEEKS} weeks from Monday 2024-01-01, {@value #PER_WEEK}
 * articles per outlet and week on a few recurring people and bodies, with three plants:
 * <ul>
 *   <li>a burst: {@value #BURST} appears only in the last week, in five of its six articles (three of them with
 *       {@value #PARTNER} in the same sentence);</li>
 *   <li>an outlet bias: every {@value #BIASED_OUTLET} article speaks of the {@value #BIASED_TERM}, no
 *       {@value #OTHER_OUTLET} article does;</li>
 *   <li>a reprint: one {@value #OTHER_OUTLET} article of week 3 is carried word for word by {@value #BIASED_OUTLET}
 *       two days later, and two articles carry no date.</li>
 * </ul>
 */
final class DatedCorpus {
    static final int WEEKS = 7;
    static final int PER_WEEK = 3;
    static final LocalDate FIRST_MONDAY = LocalDate.of(2024, 1, 1);
    static final String BURST = "Tobias Wrenfield";
    static final String PARTNER = "Marta Kowalczyk";
    static final String BIASED_OUTLET = "Bayside Herald";
    static final String OTHER_OUTLET = "Northfield Courier";
    static final String BIASED_TERM = "lighthouse";

    private static final String[] PEOPLE = {PARTNER, "Oren Castellano", "Greta Lindholm", "Samuel Achterberg"};
    private static final String[] BODIES = {"the Northfield Water Board", "the Harbour Council"};
    private static final String[] ROUTINE = {
        "%s said the new budget would pay for road repairs before the winter.",
        "%s met residents at the town hall on Tuesday evening.",
        "Officials from %s answered questions about school funding.",
        "%s promised to publish the figures on housing next month.",
        "The report by %s found that bus services were often late.",
        "%s told reporters that the market square would reopen in spring."
    };
    private static final String[] FILLER = {
        "Traffic was heavy on the ring road during the morning.",
        "Shops along the high street reported a quiet week.",
        "Rain is expected to continue until the weekend.",
        "The library extended its opening hours for students.",
        "Volunteers cleaned the riverside path on Saturday."
    };

    /** One JSON object per line; {@code published} null for the undated ones. */
    record Article(String id, String title, String outlet, LocalDate published, String text) {}

    private DatedCorpus() {}

    static List<Article> articles() {
        Random random = new Random(20240101);
        List<Article> articles = new ArrayList<>();
        for (int week = 0; week < WEEKS; week++) {
            boolean last = week == WEEKS - 1;
            for (String outlet : List.of(OTHER_OUTLET, BIASED_OUTLET)) {
                for (int i = 0; i < PER_WEEK; i++) {
                    LocalDate date = FIRST_MONDAY.plusDays(7L * week + random.nextInt(5));
                    List<String> sentences = new ArrayList<>();
                    sentences.add(String.format(
                            ROUTINE[random.nextInt(ROUTINE.length)], PEOPLE[random.nextInt(PEOPLE.length)]));
                    sentences.add(String.format(
                            ROUTINE[random.nextInt(ROUTINE.length)], BODIES[random.nextInt(BODIES.length)]));
                    sentences.add(FILLER[random.nextInt(FILLER.length)]);
                    int burstIndex = outlet.equals(OTHER_OUTLET) ? i : PER_WEEK + i;
                    if (last && burstIndex < 5) {
                        sentences.add(
                                burstIndex < 3
                                        ? BURST + " and " + PARTNER
                                                + " announced a joint inquiry into the ferry contract."
                                        : BURST + " refused to comment on the ferry contract.");
                    }
                    if (outlet.equals(BIASED_OUTLET)) {
                        sentences.add("Repairs to the old " + BIASED_TERM + " went on; the " + BIASED_TERM
                                + " keepers asked for more time.");
                    }
                    Collections.shuffle(sentences.subList(0, 3), random);
                    String id = outlet.substring(0, 2).toLowerCase() + "-w" + week + "-" + i;
                    articles.add(new Article(
                            id, "Week " + (week + 1) + " news " + i, outlet, date, String.join(" ", sentences)));
                }
            }
        }
        Article original = articles.stream()
                .filter(a -> a.id().equals("no-w2-0"))
                .findFirst()
                .orElseThrow();
        articles.add(new Article(
                "ba-reprint",
                original.title(),
                BIASED_OUTLET,
                original.published().plusDays(2),
                original.text()));
        articles.add(new Article(
                "no-undated-0",
                "Undated note",
                OTHER_OUTLET,
                null,
                String.format(ROUTINE[0], PEOPLE[1]) + " " + FILLER[0]));
        articles.add(new Article(
                "no-undated-1",
                "Another undated note",
                OTHER_OUTLET,
                null,
                String.format(ROUTINE[1], PEOPLE[2]) + " " + FILLER[1]));
        return articles;
    }

    static void write(List<Article> articles, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (Article a : articles) {
            ObjectNode node = json.createObjectNode()
                    .put("id", a.id())
                    .put("title", a.title())
                    .put("outlet", a.outlet())
                    .put("text", a.text());
            node.put("published", a.published() == null ? null : a.published().toString());
            lines.add(json.writeValueAsString(node));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
