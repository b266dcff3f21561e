package org.newslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newslens.ingest.article.Lines;

/** Which repeated lines a document vouches for as boilerplate. */
class RepeatedLinesTest {
    private static final String TAG = "Subscribe to the Velmar Gazette for more.";
    private static final String STORY = "The ferry operators agreed on one winter timetable for the whole sound.";

    @Test
    void anArticleMostlyOfItsOwnTextVouchesForItsRepeatedLines() {
        List<String> lines = List.of(STORY, "", TAG);
        assertThat(RepeatedLines.vouchedFor(lines, keys(lines), sorted(TAG))).containsExactly(Lines.key(TAG));
    }

    @Test
    void aCopyWhoseLinesAllRepeatVouchesForNothing() {
        List<String> lines = List.of(STORY, TAG);
        assertThat(RepeatedLines.vouchedFor(lines, keys(lines), sorted(STORY, TAG)))
                .isEmpty();
    }

    @Test
    void aCopyWithAShortLineOfItsOwnStillVouchesForNothing() {
        List<String> lines = List.of("By the news desk", STORY, STORY.replace("ferry", "bus"), TAG);
        assertThat(RepeatedLines.vouchedFor(lines, keys(lines), sorted(STORY, STORY.replace("ferry", "bus"), TAG)))
                .isEmpty();
    }

    private static List<Long> keys(List<String> lines) {
        return lines.stream().map(l -> Lines.hasContent(l) ? Lines.key(l) : 0L).toList();
    }

    private static long[] sorted(String... lines) {
        long[] keys = Arrays.stream(lines).mapToLong(Lines::key).toArray();
        Arrays.sort(keys);
        return keys;
    }
}
