package org.newslens.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * The RAW rows of one record file, read lazily (one record in memory at a time). Whatever goes wrong while
 * reading ends the file with one reject row instead of failing the task: the records read before stay (each
 * was complete and is an input of its own), the rest of the file is one input with the reason and a detail
 * that says where reading stopped. A file that yields nothing at all is one {@code empty_file} reject.
 */
abstract class RecordIterator implements Iterator<Row> {
    protected final InputFile file;
    protected final String format;
    private Row next;
    private boolean done;
    private long records;

    RecordIterator(InputFile file, String format) {
        this.file = file;
        this.format = format;
    }

    /** The next row (a record or a per-record reject), or null at the end of the file. */
    protected abstract Row readNext() throws Exception;

    /** Releases the file; called once, at the end or after a failure. */
    protected abstract void close();

    /** Where the reader is, for a detail ("line 12"); empty when unknown. */
    protected String position() {
        return "";
    }

    /** The reason for a failure that ends the file; an I/O problem unless a reader knows better. */
    protected RejectReason reasonFor(Exception e) {
        return RejectReason.UNREADABLE;
    }

    /** What went wrong, for the detail. */
    protected String explain(Exception e) {
        return describe(e);
    }

    /** A reject of the whole rest of the file, decided by the reader (not an exception). */
    protected final Row rejectRest(RejectReason reason, String detail) {
        done = true;
        return RawRows.reject(file, format, reason, detail + kept());
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            fetch();
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        records++;
        return row;
    }

    private void fetch() {
        try {
            next = readNext();
            if (next == null) {
                done = true;
                close();
                if (records == 0) {
                    next = RawRows.reject(
                            file,
                            format,
                            RejectReason.EMPTY_FILE,
                            file.length() == 0 ? "0 bytes" : "no records in the file");
                }
            } else if (done) {
                close();
            }
        } catch (Exception e) {
            done = true;
            close();
            String where = position();
            next = RawRows.reject(
                    file,
                    format,
                    reasonFor(e),
                    "reading stopped" + (where.isEmpty() ? "" : " at " + where) + ": " + explain(e) + kept());
        }
    }

    private String kept() {
        return records == 0 ? "" : "; the " + records + " records before were read and kept as inputs of their own";
    }

    /** The exception and its causes in one line, without a stack trace. */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            out.append(" (caused by ").append(cause).append(')');
            if (out.length() > 600) {
                break;
            }
        }
        return out.length() > 600 ? out.substring(0, 600) + "..." : out.toString();
    }
}
