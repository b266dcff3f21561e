package org.newslens.io;

/** A job was asked to run before the job that makes one of its input tables. */
public final class MissingTableException extends RuntimeException {
    public MissingTableException(String job, Table table, String outputRoot) {
        super(job + " needs table `" + table.tableName() + "` under " + outputRoot + "; run `jobs/" + table.producer()
                + "` first (or `jobs/all`)");
    }
}
