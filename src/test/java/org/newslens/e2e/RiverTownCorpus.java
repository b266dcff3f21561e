package org.newslens.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A made-up local news corpus (town, people and outlets invented) in three parts that arrive one after the
 * other, for the append tests: part A (4 text files, an empty file and a JSON Lines file of 3 records), part B
 * (3 text files, a JSON Lines file of 2 records and a malformed line), part C (3 text files, 2 records), and a
 * later edit of part A (one article rewritten, one record dropped from its JSON Lines file). Planted:
 * <ul>
 *   <li>{@link #TAGLINE} under three A articles, one B and one C: corpus boilerplate from the first run;</li>
 *   <li>{@link #BUREAU_LINE} in one A article, one B and one C: boilerplate only once C is in (three documents
 *       is the default {@code ingest.repeat-min-docs}), so the A and B articles' texts change then;</li>
 *   <li>{@link #SURNAME}: the A article {@link #SHORT_NAME_FILE} only says "Ms Fenwright"; the C article
 *       {@link #FULL_NAME_FILE} names {@link #FULL_NAME}, to whom the short name then links.</li>
 * </ul>
 */
final class RiverTownCorpus {
    static final String TAGLINE =
            "The Kesselby Lantern is printed on Mill Street and delivered across the valley every weekday.";
    static final String BUREAU_LINE = "Additional reporting came from our Quarry Hill bureau.";
    static final String SURNAME = "Fenwright";
    static final String FULL_NAME = "Ilse Fenwright";
    static final String SHORT_NAME_FILE = "a/harbour-dues.txt";
    static final String FULL_NAME_FILE = "c/commission.txt";
    /** The A article with the bureau line. */
    static final String BUREAU_FILE = "a/ferry-timetable.txt";
    /** The A article rewritten by {@link #editA}. */
    static final String EDITED_FILE = "a/school-board.txt";
    /** Documents per part: A's files and records, B's, C's (rejects not counted). */
    static final int DOCUMENTS_A = 7;

    static final int DOCUMENTS_B = 5;
    static final int DOCUMENTS_C = 5;

    private RiverTownCorpus() {}

    static void writeA(Path root) {
        write(
                root,
                SHORT_NAME_FILE,
                article(
                        "Harbour dues to rise in spring",
                        "March 4, 2024",
                        "Kesselby Lantern",
                        "Boat owners in Kesselby will pay higher harbour dues from April, the harbour office announced on "
                                + "Monday. Ms Fenwright told the council that the old fees no longer covered the cost of "
                                + "dredging the channel.",
                        "\"We have put this off for three years and the silt has not waited for us,\" Ms Fenwright said. "
                                + "Fishermen at the meeting asked for a discount for working boats, and Ms Fenwright "
                                + "promised to look at their figures before the vote.",
                        "The council will decide on the new dues at its next meeting. Mayor Odile Brannock said she "
                                + "expected a long debate.",
                        TAGLINE));
        write(
                root,
                "a/bridge-repairs.txt",
                article(
                        "Old stone bridge closes for repairs",
                        "January 15, 2024",
                        "Kesselby Lantern",
                        "The stone bridge over the Kessel River will close for six weeks while engineers replace its worn "
                                + "parapets. Drivers are asked to use the ring road, which adds about ten minutes to a trip "
                                + "into town.",
                        "Engineer Tomasz Weller said the work had been planned for the quiet winter months. Cyclists and "
                                + "walkers may still cross on a narrow path along the north side.",
                        TAGLINE));
        write(
                root,
                EDITED_FILE,
                article(
                        "School board approves new science wing",
                        "February 2, 2024",
                        "Kesselby Lantern",
                        "The Kesselby school board voted five to two on Thursday to build a science wing at the upper "
                                + "school. Board chair Amos Penhallow said the laboratories had not been modernised since "
                                + "the seventies.",
                        "Parents who spoke at the meeting welcomed the plan but asked how long the building work would "
                                + "disturb lessons. Penhallow said the builders would work mostly during the summer holidays.",
                        TAGLINE));
        write(
                root,
                BUREAU_FILE,
                article(
                        "Ferry timetable changes for the summer",
                        "April 8, 2024",
                        "Valley Wire",
                        "The river ferry between Kesselby and Dunmore Landing will run every half hour from May, twice as "
                                + "often as in winter. Ferry master Hannelore Quist said passenger numbers had grown every "
                                + "summer for five years.",
                        BUREAU_LINE,
                        "The first boat will leave at six in the morning and the last at eleven at night. Season tickets "
                                + "go on sale at the harbour office next week."));
        write(root, "a/draft.txt", "");
        write(root, "a/wire.jsonl", jsonLines(wireA(true)));
    }

    static void writeB(Path root) {
        write(
                root,
                "b/football.txt",
                article(
                        "Kesselby Rovers reach the county final",
                        "March 25, 2024",
                        "Kesselby Lantern",
                        "Kesselby Rovers beat Dunmore Athletic two goals to one on Saturday to reach the county cup final "
                                + "for the first time in twenty years. Coach Pieter Vanlo praised his defenders, who held on "
                                + "through ten minutes of added time.",
                        BUREAU_LINE,
                        "Striker Jonas Eklund scored both goals. The final will be played in Marrowby in May.",
                        TAGLINE));
        write(
                root,
                "b/library.txt",
                article(
                        "Library opens a repair cafe",
                        "February 19, 2024",
                        "Valley Wire",
                        "The town library will host a repair cafe on the first Saturday of every month. Librarian Greta "
                                + "Solvik said volunteers would fix lamps, toasters, bicycles and torn clothes free of charge.",
                        "The idea came from a reader who had seen a similar cafe in Marrowby. Solvik hopes the cafe will "
                                + "keep broken things out of the landfill."));
        write(
                root,
                "b/market.txt",
                article(
                        "Saturday market moves to the quay",
                        "May 13, 2024",
                        "Kesselby Lantern",
                        "The Saturday market will move from the square to the quay while the square is repaved. Trader "
                                + "Rufus Tarrant said the stallholders had asked for the move because the quay has more room "
                                + "and more passing walkers.",
                        "The council expects the paving to take until the end of August. Tarrant said most traders were "
                                + "happy to stay on the quay for good."));
        List<Map<String, String>> records = List.of(
                record(
                        "vw-201",
                        "Choir sings in the old church",
                        "2024-04-01",
                        "The Kesselby community choir sang in the old church on Sunday for the first time since its "
                                + "roof was mended. Conductor Lotte Aamund said the building had the best sound in "
                                + "the valley.\n\nThe collection raised money for new hymn books."),
                record(
                        "vw-202",
                        "Cycle lane plan goes on show",
                        "2024-04-15",
                        "Plans for a cycle lane along the Kessel River are on show at the town hall until Friday. "
                                + "Councillor Bram Oduya said the lane would link the station with the upper school."
                                + "\n\nResidents can leave comments in a book beside the maps."));
        write(root, "b/wire.jsonl", jsonLines(records) + "{\"id\": \"vw-203\", \"title\": \"Broken off\n");
    }

    static void writeC(Path root) {
        write(
                root,
                FULL_NAME_FILE,
                article(
                        "Harbour commission appoints a second deputy",
                        "June 3, 2024",
                        "Kesselby Lantern",
                        FULL_NAME + ", who has led the Kesselby harbour office since 2019, will get a second deputy to "
                                + "handle the growing number of summer visitors. The harbour commission agreed the new post "
                                + "on Friday.",
                        BUREAU_LINE,
                        SURNAME + " said the extra help would let her office spend more time on the dredging programme "
                                + "and less on mooring disputes.",
                        TAGLINE));
        write(
                root,
                "c/festival.txt",
                article(
                        "Lantern festival draws record crowds",
                        "June 10, 2024",
                        "Valley Wire",
                        "More than eight thousand people walked the riverside on Saturday night for the lantern festival. "
                                + "Festival director Mirela Oskarsen said the paper lanterns had been made in workshops at "
                                + "every school in town.",
                        "Oskarsen thanked the volunteers who cleared the paths before dawn."));
        write(
                root,
                "c/storm.txt",
                article(
                        "Storm floods the lower quay",
                        "June 17, 2024",
                        "Kesselby Lantern",
                        "Heavy rain and a high tide flooded the lower quay on Sunday night, leaving market stalls and two "
                                + "parked cars under water. Forecaster Hugo Strandvik said the river had risen faster than at "
                                + "any time since records began.",
                        "The harbour office closed the quay until the water drains away. Strandvik expects more rain later "
                                + "in the week."));
        write(
                root,
                "c/wire.jsonl",
                jsonLines(List.of(
                        record(
                                "vw-301",
                                "Swimming pool reopens after repairs",
                                "2024-06-05",
                                "The open-air pool reopened on Wednesday after a winter of repairs to its leaking basin. "
                                        + "Pool manager Carys Wenlock said the water would be heated to twenty-six degrees."
                                        + "\n\nEarly swimmers can use the pool from seven every morning."),
                        record(
                                "vw-302",
                                "Bus fares frozen for a year",
                                "2024-06-12",
                                "Bus fares in the valley will not rise this year, the transport board decided on Tuesday. "
                                        + "Transport officer Matthias Oyelaran said more passengers had made up for higher "
                                        + "fuel costs.\n\nChildren under twelve will keep travelling free."))));
    }

    /** Rewrites {@link #EDITED_FILE} and drops the last record of A's JSON Lines file (same paths). */
    static void editA(Path root) {
        write(
                root,
                EDITED_FILE,
                article(
                        "School board delays vote on science wing",
                        "February 2, 2024",
                        "Kesselby Lantern",
                        "The Kesselby school board postponed its vote on a new science wing after the lowest bid came in "
                                + "far above the estimate. Board chair Amos Penhallow said the board would ask three more "
                                + "builders for offers.",
                        "Teachers said the delay was disappointing but understandable. Penhallow expects a decision before "
                                + "the summer holidays."));
        write(root, "a/wire.jsonl", jsonLines(wireA(false)));
    }

    /** A's JSON Lines records; the third only before the edit. */
    private static List<Map<String, String>> wireA(boolean withThird) {
        List<Map<String, String>> records = new ArrayList<>(List.of(
                record(
                        "vw-101",
                        "Bakery wins regional prize",
                        "2024-01-22",
                        "A family bakery on Chapel Lane won the regional bread prize for its rye loaf. Owner "
                                + "Benedikt Albrecht said the recipe came from his grandmother.\n\nThe bakery will "
                                + "open on Sundays from next month."),
                record(
                        "vw-102",
                        "Night buses return",
                        "2024-03-18",
                        "Night buses between Kesselby and Dunmore Landing will return on Friday and Saturday "
                                + "nights. Transport officer Matthias Oyelaran said the service had been missed by "
                                + "shift workers.\n\nThe last bus will leave the station at two in the morning.")));
        if (withThird) {
            records.add(record(
                    "vw-103",
                    "Allotment waiting list grows",
                    "2024-05-06",
                    "More than ninety households are waiting for an allotment in Kesselby. Gardener Wilma Trevask "
                            + "said some had waited four years.\n\nThe council is looking for land near the old "
                            + "railway yard."));
        }
        return records;
    }

    /** A plain-text article: title, date line, paragraphs and a "Source:" sign-off. */
    private static String article(String title, String date, String outlet, String... paragraphs) {
        return title + "\n" + date + "\n\n" + String.join("\n\n", paragraphs) + "\n\nSource: " + outlet + "\n";
    }

    private static Map<String, String> record(String id, String title, String published, String text) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("title", title);
        record.put("published", published);
        record.put("outlet", "Valley Wire");
        record.put("text", text);
        return record;
    }

    private static String jsonLines(List<Map<String, String>> records) {
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        try {
            for (Map<String, String> record : records) {
                lines.append(json.writeValueAsString(record)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.toString();
    }

    private static void write(Path root, String relative, String text) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
