package org.newslens.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The layout of an output root, and the one place that knows which run is current:
 * <pre>
 *   output/runs/&lt;run-id&gt;/   one complete run: every table folder, _manifest.json, report/
 *   output/_current          the current run's id, replaced atomically when a run commits
 *   output/current           (local file systems) a relative link to runs/&lt;run-id&gt;, for DuckDB and pandas
 * </pre>
 * Every reader resolves the current run through {@link #current}; an output root without {@code _current}
 * (written before run folders existed) is read as it is, tables directly under the root.
 */
public final class RunFolders {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunFolders.class);
    public static final String RUNS = "runs";
    public static final String POINTER = "_current";
    public static final String LINK = "current";
    private static final String TEMP = ".tmp-";
    /** Object stores: rename is a copy, but one PUT replaces an object whole. */
    private static final Set<String> OBJECT_STORES =
            Set.of("s3a", "s3", "s3n", "gs", "oss", "cosn", "wasb", "wasbs", "abfs", "abfss");

    private RunFolders() {}

    public static Path runFolder(Path root, String runId) {
        return new Path(new Path(root, RUNS), runId);
    }

    /** The folder of the current run: {@code runs/<id>} named by {@code _current}, else the root itself. */
    public static Path current(Path root, Configuration conf) {
        return currentId(root, conf).map(id -> runFolder(root, id)).orElse(root);
    }

    /** The current run's id, or empty when no run has committed under the root (or it has the flat layout). */
    public static Optional<String> currentId(Path root, Configuration conf) {
        Path pointer = new Path(root, POINTER);
        try {
            FileSystem fs = root.getFileSystem(conf);
            if (!fs.exists(pointer)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(pointer)) {
                String id = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                if (id.isEmpty() || id.contains("/")) {
                    throw new IOException("unreadable run pointer '" + id + "'");
                }
                return Optional.of(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the current run of " + root, e);
        }
    }

    /**
     * Makes {@code runId} the current run: its folder must be complete. The pointer file is written under a
     * temporary name and renamed over {@code _current} (one atomic step on HDFS and local file systems; on
     * object stores it is written in place by one PUT); then the local link follows. Returns the run that was
     * current before, if any.
     */
    public static Optional<String> publish(Path root, String runId, Configuration conf) throws IOException {
        return publishUpTo(root, runId, conf, PublishStep.LINK_SWITCHED);
    }

    /** The steps of {@link #publish}, in order. */
    public enum PublishStep {
        POINTER_WRITTEN,
        POINTER_SWITCHED,
        LINK_SWITCHED
    }

    /**
     * {@link #publish} stopped after {@code last}: the state a commit killed at that point leaves behind (tests
     * check that every such state reads as one whole run).
     */
    public static Optional<String> publishUpTo(Path root, String runId, Configuration conf, PublishStep last)
            throws IOException {
        Optional<String> previous = currentId(root, conf);
        FileSystem fs = raw(root.getFileSystem(conf));
        Path pointer = new Path(root, POINTER);
        byte[] content = (runId + "\n").getBytes(StandardCharsets.UTF_8);
        boolean objectStore = OBJECT_STORES.contains(root.toUri().getScheme());
        Path temp = new Path(root, POINTER + TEMP + runId);
        if (!objectStore) {
            write(fs, temp, content);
        }
        if (last == PublishStep.POINTER_WRITTEN) {
            return previous;
        }
        if (objectStore) {
            write(fs, pointer, content);
        } else {
            replace(fs, temp, pointer, conf);
        }
        if (last == PublishStep.POINTER_SWITCHED) {
            return previous;
        }
        if (isLocal(root)) {
            switchLink(root, runId);
        }
        LOG.info("Run {} is now the current run of {}", runId, root);
        return previous;
    }

    /**
     * Deletes every run folder but {@code keep} (the new current run and the one before, which a reader that
     * started before the switch may still be reading), with the temporary files of killed runs. Call it only
     * while holding the output's lock, so that no other run is writing a folder.
     */
    public static void prune(Path root, Collection<String> keep, Configuration conf) throws IOException {
        FileSystem fs = root.getFileSystem(conf);
        Path runs = new Path(root, RUNS);
        if (fs.exists(runs)) {
            for (FileStatus run : fs.listStatus(runs)) {
                if (!keep.contains(run.getPath().getName())) {
                    LOG.info("Removing run folder {} (neither current nor the run before)", run.getPath());
                    fs.delete(run.getPath(), true);
                }
            }
        }
        for (FileStatus leftover : fs.listStatus(root)) {
            String name = leftover.getPath().getName();
            if (name.startsWith(POINTER + TEMP) || name.startsWith("." + LINK + TEMP) || name.equals("_staging")) {
                fs.delete(leftover.getPath(), true);
            }
        }
    }

    /** Whether the path is on the local file system, where links and hard links are made with java.nio. */
    static boolean isLocal(Path path) {
        return "file".equals(path.toUri().getScheme());
    }

    static java.nio.file.Path local(Path path) {
        return java.nio.file.Path.of(path.toUri());
    }

    /** The file system without checksum side files: a {@code .crc} renamed apart from its file would be stale. */
    private static FileSystem raw(FileSystem fs) {
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }

    private static void write(FileSystem fs, Path file, byte[] content) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(content);
        }
    }

    /**
     * Atomic rename-over. On the local file system Hadoop's rename-with-overwrite deletes the target first,
     * so the raw rename (POSIX rename(2), which replaces the target in one step) is used; elsewhere
     * FileContext's rename with OVERWRITE, one atomic operation on HDFS.
     */
    private static void replace(FileSystem fs, Path temp, Path target, Configuration conf) throws IOException {
        if (isLocal(target)) {
            Files.move(local(temp), local(target), StandardCopyOption.ATOMIC_MOVE);
        } else {
            FileContext.getFileContext(target.toUri(), conf).rename(temp, target, Options.Rename.OVERWRITE);
        }
    }

    /** Points {@code output/current} at {@code runs/<id>}: a new link under a temporary name renamed over the old. */
    private static void switchLink(Path root, String runId) {
        java.nio.file.Path link = local(new Path(root, LINK));
        java.nio.file.Path temp = local(new Path(root, "." + LINK + TEMP + runId));
        try {
            if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
                LOG.warn("{} exists and is not a link; left as it is (read {} for the current run)", link, POINTER);
                return;
            }
            Files.deleteIfExists(temp);
            Files.createSymbolicLink(temp, java.nio.file.Path.of(RUNS, runId));
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Could not point {} at run {} ({}); {} names the current run", link, runId, e, POINTER);
        }
    }
}
