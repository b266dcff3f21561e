package org.newslens.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each furniture rule with lines it must remove and article lines it must keep. */
class WebFurnitureTest {
    private static final Map<String, List<String>> REMOVED = new LinkedHashMap<>();

    static {
        REMOVED.put(
                "comment_form",
                List.of(
                        "Leave a Reply",
                        "Leave a comment",
                        "LEAVE A REPLY",
                        "Post Comment",
                        "12 Comments",
                        "Comments",
                        "Join the discussion"));
        REMOVED.put(
                "comment_form_email",
                List.of(
                        "Your email address will not be published.",
                        "Your email address will not be published. Required fields are marked *"));
        REMOVED.put("comment_form_required", List.of("Required fields are marked *"));
        REMOVED.put(
                "social_follow",
                List.of(
                        "Follow us on Twitter @NorthwindNews",
                        "Like us on Facebook",
                        "Join our Telegram channel for updates",
                        "Follow us on Google News"));
        REMOVED.put(
                "social_share", List.of("Share this", "Share this article:", "Share on Facebook", "Tweet", "Print"));
        REMOVED.put(
                "read_also",
                List.of(
                        "READ ALSO: Storm closes mountain pass",
                        "Read more: Tolls rise in Brenmoor",
                        "See also - Rail strike talks",
                        "Also read: New ferry route",
                        "Don't miss: The harvest report",
                        "Recommended: Ten years of the bridge"));
        REMOVED.put("read_more_link", List.of("Read more", "Continue reading...", "Read the full story"));
        REMOVED.put("related", List.of("Related:", "Related articles", "Related stories: Dock workers vote"));
        REMOVED.put(
                "subscribe",
                List.of("Subscribe to our newsletter", "Subscribe now!", "Sign up for our daily newsletter"));
        REMOVED.put("click_here", List.of("Click here to read the report", "Click here"));
        REMOVED.put(
                "cookie_notice",
                List.of(
                        "We use cookies to improve your experience on our site.",
                        "This website uses cookies.",
                        "Accept all cookies"));
        REMOVED.put(
                "copyright",
                List.of(
                        "\u00a9 2024 Northwind Media",
                        "Copyright 2019 Brenmoor Post",
                        "(c) Almira Herald. All rights reserved.",
                        "All rights reserved."));
        REMOVED.put("advertisement", List.of("Advertisement", "Sponsored content", "Skip to main content"));
        REMOVED.put("tags", List.of("Tags: ports, strikes", "Filed under: Economy"));
        REMOVED.put("app_download", List.of("Download our app for breaking news", "Get the app"));
    }

    private static final List<String> KEPT = List.of(
            "The minister said the talks would continue.",
            "Related talks between the unions failed last year.",
            "Subscribers to the ferry pass get a discount.",
            "Comments by the mayor drew criticism on Tuesday.",
            "Copyright law reform passed the senate in a close vote.",
            "Share prices in Brenmoor fell 3% on Monday.",
            "She read also the second report, aides said.",
            "Followers of the movement gathered in the square.",
            "Tags on the cargo showed it came from the northern port.",
            "Readers can click here and there, the designer joked, but the page still loads slowly.",
            "");

    @Test
    void everyRuleRemovesItsExamples() {
        REMOVED.forEach((rule, lines) -> {
            for (String line : lines) {
                WebFurniture.Rule matched = WebFurniture.match(line);
                assertThat(matched).as(line).isNotNull();
                assertThat(matched.name()).as(line).isEqualTo(rule);
            }
        });
    }

    @Test
    void everyRuleIsTestedAndDocumented() {
        Set<String> names =
                WebFurniture.RULES.stream().map(WebFurniture.Rule::name).collect(Collectors.toSet());
        assertThat(REMOVED.keySet()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(WebFurniture.RULES)
                .allSatisfy(rule -> assertThat(rule.description()).isNotBlank());
    }

    @Test
    void articleLinesAreKept() {
        for (String line : KEPT) {
            assertThat(WebFurniture.match(line)).as(line).isNull();
        }
    }

    @Test
    void longParagraphStartingLikeFurnitureIsKept() {
        String paragraph = "Subscribe " + "and the ferry company will keep the route open, ".repeat(6);
        assertThat(paragraph.length()).isGreaterThan(WebFurniture.MAX_LINE_CHARS);
        assertThat(WebFurniture.isFurniture(paragraph)).isFalse();
    }

    @Test
    void repeatedLineInsideADocumentKeepsItsFirstCopy() {
        List<String> lines = Lines.removeFurnitureAndRepeats(List.of(
                "A dock worker waits at the gate, 2019.",
                "",
                "Dock workers stayed out.",
                "A dock worker waits at the gate, 2019.",
                "  a dock  WORKER waits at the gate, 2019. ",
                "***",
                "***"));
        assertThat(lines)
                .containsExactly(
                        "A dock worker waits at the gate, 2019.", "", "Dock workers stayed out.", "***", "***");
    }
}
