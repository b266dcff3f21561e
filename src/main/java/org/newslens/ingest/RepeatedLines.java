package org.newslens.ingest;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which repeated lines a document vouches for as corpus boilerplate. A line repeated across documents is
 * boilerplate only when the documents carrying it are otherwise different: a tag line under many articles is
 * boilerplate, but the lines of one wire story reprinted by several outlets are the story. So a document
 * vouches for its repeated lines only when most of it is its own text; copies of one article, which share
 * nearly all their lines, vouch for nothing, and their lines stay unless other documents vouch for them.
 */
final class RepeatedLines {
    /** A document vouches when at least this share of its content characters is in lines nobody else repeats. */
    static final double MIN_OWN_SHARE = 0.4;

    private RepeatedLines() {}

    /**
     * The repeated line keys ({@code repeated} sorted) this document vouches for: none when less than
     * {@link #MIN_OWN_SHARE} of its content is in lines of its own. Keys 0 (lines without content) never count.
     */
    static Set<Long> vouchedFor(List<String> lines, List<Long> keys, long[] repeated) {
        Set<Long> shared = new LinkedHashSet<>();
        long ownChars = 0;
        long sharedChars = 0;
        for (int i = 0; i < keys.size(); i++) {
            long key = keys.get(i);
            if (key == 0L) {
                continue;
            }
            int length = lines.get(i).strip().length();
            if (Arrays.binarySearch(repeated, key) >= 0) {
                shared.add(key);
                sharedChars += length;
            } else {
                ownChars += length;
            }
        }
        boolean mostlyOwnText = ownChars >= MIN_OWN_SHARE * (ownChars + sharedChars);
        return mostlyOwnText ? shared : Set.of();
    }
}
