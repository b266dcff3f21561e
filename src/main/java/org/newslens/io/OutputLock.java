package org.newslens.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.newslens.config.SettingsException;

/**
 * {@code <output>/_lock}: at most one run writes an output root at a time. The lock file is created
 * atomically (it fails when the file exists) and names its holder; a second run fails at once naming it.
 * A lock whose holder is gone (same host, process no longer alive) or older than {@code staleAfter} is
 * taken over with a warning.
 */
public final class OutputLock implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutputLock.class);
    public static final String FILE = "_lock";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds the lock; written into the lock file as JSON. */
    public record Holder(String runId, String host, long pid, String started) {
        static Holder self(String runId) {
            return new Holder(
                    runId,
                    hostName(),
                    ProcessHandle.current().pid(),
                    Instant.now().toString());
        }

        String describe() {
            return "run " + runId + " (host " + host + ", pid " + pid + ", started " + started + ")";
        }
    }

    private final FileSystem fs;
    private final Path file;

    private OutputLock(FileSystem fs, Path file) {
        this.fs = fs;
        this.file = file;
    }

    /** Takes the lock of {@code root} for run {@code runId}, or fails naming the run that holds it. */
    public static OutputLock acquire(Path root, String runId, Configuration conf, Duration staleAfter)
            throws IOException {
        FileSystem fs = root.getFileSystem(conf);
        fs.mkdirs(root);
        Path file = new Path(root, FILE);
        Holder self = Holder.self(runId);
        for (int attempt = 0; attempt < 2; attempt++) {
            if (createNew(fs, file, JSON.writeValueAsBytes(self))) {
                return new OutputLock(fs, file);
            }
            Holder holder = read(fs, file);
            String why = holder == null ? null : staleReason(holder, staleAfter);
            if (why == null) {
                throw new SettingsException("Output " + root + " is in use by "
                        + (holder == null ? "a run that is starting" : holder.describe())
                        + "; wait for it to finish (or delete " + file + " if that run is gone)");
            }
            LOG.warn("Taking over the lock of {} from {}: {}", root, holder.describe(), why);
            fs.delete(file, false);
        }
        throw new SettingsException("Output " + root + " is in use: another run took its lock at the same moment");
    }

    /** Removes the lock file. */
    @Override
    public void close() throws IOException {
        fs.delete(file, false);
    }

    /**
     * Creates the file only if it does not exist, in one step. Hadoop's local file system checks and then
     * creates, so there the file is made with java.nio's CREATE_NEW (O_EXCL); HDFS creates atomically.
     */
    private static boolean createNew(FileSystem fs, Path file, byte[] content) throws IOException {
        try {
            if (RunFolders.isLocal(file)) {
                try (OutputStream out = java.nio.file.Files.newOutputStream(
                        RunFolders.local(file), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    out.write(content);
                }
            } else {
                try (OutputStream out = fs.create(file, false)) {
                    out.write(content);
                }
            }
            return true;
        } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
            return false;
        }
    }

    /** The holder named in the lock file, or null while its holder is still writing it. */
    static Holder read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return JSON.readValue(in.readAllBytes(), Holder.class);
        } catch (java.io.FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            // An empty or half-written file: a run is creating it now, unless it has been so for long.
            long age = System.currentTimeMillis() - fs.getFileStatus(file).getModificationTime();
            return age > 60_000
                    ? new Holder(
                            "unknown", "unknown", -1, Instant.ofEpochMilli(0).toString())
                    : null;
        }
    }

    /** Why the holder no longer holds the lock, or null when it may still be running. */
    static String staleReason(Holder holder, Duration staleAfter) {
        if (holder.host().equals(hostName())
                && holder.pid() > 0
                && ProcessHandle.of(holder.pid()).map(p -> !p.isAlive()).orElse(true)) {
            return "its process " + holder.pid() + " is no longer running on this host";
        }
        if (Instant.parse(holder.started()).plus(staleAfter).isBefore(Instant.now())) {
            return "it is older than " + staleAfter.toHours() + " h (setting lock-stale-hours)";
        }
        return null;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
