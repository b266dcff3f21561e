package org.newslens.io;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * The rows of a partition read one group at a time, a group being consecutive rows with the same key (sorted
 * rows give one group per key): a subclass reads the group
 * with {@link #peek} and {@link #take} and adds its output rows, and may add more once the partition ends. Only
 * one group is held at a time, so a partition streams through whatever its size.
 */
public abstract class GroupedRows implements Iterator<Row> {
    private final Iterator<Row> input;
    private final List<Row> pending = new ArrayList<>();
    private int next;
    private Row lookahead;
    private boolean finished;

    protected GroupedRows(Iterator<Row> input) {
        this.input = input;
        this.lookahead = input.hasNext() ? input.next() : null;
    }

    /** Takes every row of the next group (the first is {@link #peek()}) and adds its output rows to {@code out}. */
    protected abstract void readGroup(List<Row> out);

    /** Adds the rows that come after the last group (none unless overridden); called once. */
    protected void finish(List<Row> out) {}

    /** The next row not yet taken; null at the end of the partition. */
    protected final Row peek() {
        return lookahead;
    }

    /** Takes the next row. */
    protected final Row take() {
        Row row = lookahead;
        lookahead = input.hasNext() ? input.next() : null;
        return row;
    }

    @Override
    public final boolean hasNext() {
        while (next == pending.size() && !finished) {
            pending.clear();
            next = 0;
            if (lookahead != null) {
                readGroup(pending);
            } else {
                finish(pending);
                finished = true;
            }
        }
        return next < pending.size();
    }

    @Override
    public final Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.get(next++);
    }
}
