package org.newslens.ingest;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.newslens.ingest.article.Hashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the input on the driver through Hadoop's FileSystem: a file, or a folder walked recursively in name
 * order. Hidden entries (names starting with '_' or '.', such as _SUCCESS, .crc files or _temporary folders)
 * are skipped and counted, and so is a folder's README (README, README.md, README.txt: the corpus's own
 * documentation, as in data/, not an article). A folder that cannot be listed becomes an {@code unreadable}
 * reject. A {@code file:} input is walked by {@link LocalInputWalk}, which also turns special files and broken
 * or looping symbolic links into rejects. Paths are kept as Hadoop paths and never globbed.
 */
public final class InputListing {
    private static final Logger LOG = LoggerFactory.getLogger(InputListing.class);

    private final List<InputFile> files = new ArrayList<>();
    private final List<RejectRow> rejects = new ArrayList<>();
    private long hiddenSkipped;
    private java.security.MessageDigest fingerprint = Hashes.sha256();
    private String rootUri;

    private InputListing() {}

    /** A reject decided on the driver, before any record is read. */
    public record RejectRow(String sourceUri, RejectReason reason, String detail) implements java.io.Serializable {}

    public static InputListing list(String input, Configuration conf) throws IOException {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        Path qualified = fs.makeQualified(path);
        FileStatus status = fs.getFileStatus(qualified);
        InputListing listing = new InputListing();
        Path root = status.isDirectory() ? qualified : qualified.getParent();
        listing.rootUri = root.toString();
        if (LocalInputWalk.applies(qualified)) {
            // Hadoop's local listing follows links silently, drops dangling ones and cannot tell a FIFO from a file.
            new LocalInputWalk(listing, root).walk(qualified);
            return listing;
        }
        if (!status.isDirectory()) {
            listing.add(status, root);
            return listing;
        }
        Deque<Path> folders = new ArrayDeque<>();
        folders.push(qualified);
        while (!folders.isEmpty()) {
            Path folder = folders.pop();
            FileStatus[] entries;
            try {
                entries = fs.listStatus(folder);
            } catch (IOException e) {
                LOG.warn("Cannot list {}: {}", folder, e.toString());
                listing.rejects.add(
                        new RejectRow(folder.toString(), RejectReason.UNREADABLE, "folder cannot be listed: " + e));
                continue;
            }
            Arrays.sort(entries, Comparator.comparing(s -> s.getPath().getName()));
            List<Path> subfolders = new ArrayList<>();
            for (FileStatus entry : entries) {
                String name = entry.getPath().getName();
                if (isHidden(name, entry.isFile())) {
                    listing.hiddenSkipped++;
                    continue;
                }
                if (entry.isDirectory()) {
                    subfolders.add(entry.getPath());
                } else if (entry.isFile()) {
                    listing.add(entry, root);
                } else {
                    listing.reject(
                            entry.getPath(),
                            RejectReason.NOT_A_REGULAR_FILE,
                            "neither a file nor a folder (a symbolic link the file system does not resolve?); not read");
                }
            }
            for (int i = subfolders.size() - 1; i >= 0; i--) {
                folders.push(subfolders.get(i));
            }
        }
        return listing;
    }

    private void add(FileStatus status, Path root) {
        add(status.getPath(), status.getLen(), status.getModificationTime(), root);
    }

    /** A file to read; its URI is the path's literal spelling (Path.toString, never re-parsed as a pattern). */
    void add(Path file, long length, long modified, Path root) {
        String rel = relative(root, file);
        fingerprint.update(
                (rel + '\t' + length + '\t' + modified + '\n').getBytes(java.nio.charset.StandardCharsets.UTF_8));
        files.add(new InputFile(file.toString(), rel, length, FileKind.of(file.getName())));
    }

    /** An entry that is an input but cannot be read (a FIFO, a broken link, ...). */
    void reject(Path entry, RejectReason reason, String detail) {
        LOG.warn("Not reading {}: {}", entry, detail);
        rejects.add(new RejectRow(entry.toString(), reason, detail));
    }

    /** An entry skipped on purpose (hidden, README): not an input. */
    void skipHidden() {
        hiddenSkipped++;
    }

    /** Names that are not inputs: hidden entries (_SUCCESS, .crc, _temporary) and a folder's README. */
    static boolean isHidden(String name, boolean isFile) {
        return name.startsWith("_")
                || name.startsWith(".")
                || isFile && name.toLowerCase(java.util.Locale.ROOT).matches("readme(\\.(md|txt))?");
    }

    /** The path below the root, with '/' separators. */
    static String relative(Path root, Path file) {
        String rootPath = root.toUri().getPath();
        String filePath = file.toUri().getPath();
        if (!rootPath.endsWith("/")) {
            rootPath = rootPath + "/";
        }
        return filePath.startsWith(rootPath) ? filePath.substring(rootPath.length()) : file.getName();
    }

    public List<InputFile> files() {
        return files;
    }

    public List<InputFile> files(FileKind... kinds) {
        List<FileKind> wanted = List.of(kinds);
        return files.stream().filter(f -> wanted.contains(f.kind())).toList();
    }

    public List<RejectRow> rejects() {
        return rejects;
    }

    /**
     * SHA-256 (hex) over every listed file's input-relative path, size and modification time, in listing
     * order: equal fingerprints mean the run saw the same files, unchanged. Recorded in the manifest.
     */
    public String fingerprint() {
        try {
            return java.util.HexFormat.of().formatHex(((java.security.MessageDigest) fingerprint.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public long hiddenSkipped() {
        return hiddenSkipped;
    }

    /**
     * This listing with its paths taken relative to {@code corpusRoot} when the input lies inside that folder,
     * so an append of {@code root/day2} names its documents as one full run over {@code root} would; otherwise
     * (or with no corpus root) this listing.
     */
    public InputListing relativeTo(String corpusRoot) {
        if (corpusRoot == null || corpusRoot.equals(rootUri) || !isInside(rootUri, corpusRoot)) {
            return this;
        }
        InputListing moved = new InputListing();
        moved.rootUri = corpusRoot;
        Path root = new Path(corpusRoot);
        for (InputFile file : files) {
            moved.files.add(
                    new InputFile(file.uri(), relative(root, new Path(file.uri())), file.length(), file.kind()));
        }
        moved.rejects.addAll(rejects);
        moved.hiddenSkipped = hiddenSkipped;
        try {
            moved.fingerprint = (java.security.MessageDigest) fingerprint.clone(); // the same files were listed
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        return moved;
    }

    private static boolean isInside(String folder, String root) {
        java.net.URI f = new Path(folder).toUri();
        java.net.URI r = new Path(root).toUri();
        String rootPath = r.getPath().endsWith("/") ? r.getPath() : r.getPath() + "/";
        return java.util.Objects.equals(f.getScheme(), r.getScheme())
                && java.util.Objects.equals(f.getAuthority(), r.getAuthority())
                && f.getPath().startsWith(rootPath);
    }

    /** The folder relative paths are taken from. */
    public String rootUri() {
        return rootUri;
    }
}
