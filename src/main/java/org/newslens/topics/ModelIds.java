package org.newslens.topics;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The ids users see for a model's topics (or clusters), in the model's position order, with the run that first
 * had each. A full run numbers them 0 … k-1; an append keeps them; a refit keeps the ids of the matched ones and
 * gives the others ids above the largest ever used.
 */
record ModelIds(int[] ids, String[] firstSeen) implements Serializable {

    /** Ids 0 … count-1, all first seen in {@code runId}. */
    static ModelIds fresh(int count, String runId) {
        int[] ids = new int[count];
        String[] seen = new String[count];
        for (int p = 0; p < count; p++) {
            ids[p] = p;
            seen[p] = runId;
        }
        return new ModelIds(ids, seen);
    }

    /**
     * Ids for refitted components: {@code matched[p]} is the stored position component p was matched to (or -1);
     * a matched one takes that stored id and first-seen run, the others new ids after {@code lastId}.
     */
    static ModelIds matched(int[] matched, ModelIds stored, int lastId, String runId) {
        int[] ids = new int[matched.length];
        String[] seen = new String[matched.length];
        int next = lastId;
        for (int p = 0; p < matched.length; p++) {
            if (matched[p] >= 0) {
                ids[p] = stored.ids[matched[p]];
                seen[p] = stored.firstSeen[matched[p]];
            } else {
                ids[p] = ++next;
                seen[p] = runId;
            }
        }
        return new ModelIds(ids, seen);
    }

    int size() {
        return ids.length;
    }

    int id(int position) {
        return ids[position];
    }

    /** The largest id here, or -1 when there is none. */
    int last() {
        return Arrays.stream(ids).max().orElse(-1);
    }

    /** Whether the component at {@code position} was introduced by run {@code runId}. */
    boolean isNew(int position, String runId) {
        return firstSeen[position].equals(runId);
    }
}
