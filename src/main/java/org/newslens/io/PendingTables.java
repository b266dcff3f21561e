package org.newslens.io;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables that stages of the running pipeline have yet to write. Stages run side by side when neither reads what
 * the other writes, as their declared inputs say; should a stage read a table an earlier stage of the same run has
 * not written yet, the read waits for that stage instead of finding the run before's copy. A stage reading its own
 * tables, or a later stage's (which the run before wrote), never waits.
 */
public final class PendingTables {
    private static final Logger LOG = LoggerFactory.getLogger(PendingTables.class);

    /** Each pending table's writer: the place of its stage in the run's order. */
    private final Map<Table, Integer> writers = new EnumMap<>(Table.class);
    /** The stage the current thread works for (inherited by the threads it starts), null outside a stage. */
    private final InheritableThreadLocal<Integer> reader = new InheritableThreadLocal<>();

    private CancellationException failure;

    /** The stage at place {@code order} will write these tables. */
    public synchronized void expect(int order, Collection<Table> tables) {
        tables.forEach(table -> writers.put(table, order));
    }

    /** The current thread works for the stage at place {@code order} from now on. */
    public void workFor(int order) {
        reader.set(order);
    }

    /** The stage at place {@code order} ended (or will not run): its tables are as the run leaves them. */
    public synchronized void done(int order) {
        writers.values().removeIf(writer -> writer == order);
        notifyAll();
    }

    /** The run failed: reads that wait give up, saying why (the first failure's reason is kept). */
    public synchronized void fail(String why, Throwable cause) {
        if (failure == null) {
            failure = new CancellationException(why);
            failure.initCause(cause);
        }
        notifyAll();
    }

    /**
     * Returns once no earlier stage than the current thread's is still to write {@code table}; throws when the run
     * failed while the table was still to be written (its writer may have failed, leaving the run before's copy).
     */
    synchronized void awaitWritten(Table table) {
        Integer order = reader.get();
        boolean waited = false;
        while (order != null && writers.getOrDefault(table, Integer.MAX_VALUE) < order) {
            if (failure != null) {
                throw notReading(table);
            }
            if (!waited) {
                LOG.info("Waiting for {} to be written by the stage before", table.tableName());
                waited = true;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Interrupted while waiting for " + table.tableName());
            }
        }
        if (waited && failure != null) { // its writer ended as the run failed
            throw notReading(table);
        }
    }

    private CancellationException notReading(Table table) {
        CancellationException stop =
                new CancellationException("Not reading " + table.tableName() + ": " + failure.getMessage());
        stop.initCause(failure.getCause());
        return stop;
    }
}
