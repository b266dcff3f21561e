package org.newslens.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * Lists a {@code file:} input with java.nio, which sees what Hadoop's local file system hides: a symbolic link
 * is followed once, and a dangling link ({@code dangling_link}), a link that leads back into a folder being
 * listed ({@code link_loop}), and a named pipe, socket or device ({@code not_a_regular_file}, never opened:
 * opening a FIFO blocks) become rejects instead of being dropped, listed forever or hanging the run. Names are
 * taken literally: each entry's Hadoop path is built from its parent's path and its name, never parsed as a
 * URI or a pattern. Entries are visited in name order, hidden ones skipped as in {@link InputListing}.
 */
final class LocalInputWalk {
    private final InputListing listing;
    private final Path root;

    /** A folder to list: where it is, its Hadoop path, and the real paths of it and the folders above it. */
    private record Folder(java.nio.file.Path local, Path path, List<java.nio.file.Path> realChain) {}

    LocalInputWalk(InputListing listing, Path root) {
        this.listing = listing;
        this.root = root;
    }

    static boolean applies(Path qualified) {
        return "file".equals(qualified.toUri().getScheme());
    }

    void walk(Path input) throws IOException {
        java.nio.file.Path local = Paths.get(input.toUri());
        BasicFileAttributes attrs = Files.readAttributes(local, BasicFileAttributes.class);
        if (!attrs.isDirectory()) {
            entry(local, input, List.of());
            return;
        }
        Deque<Folder> folders = new ArrayDeque<>();
        folders.push(new Folder(local, input, List.of(local.toRealPath())));
        while (!folders.isEmpty()) {
            Folder folder = folders.pop();
            List<java.nio.file.Path> children = new ArrayList<>();
            try (DirectoryStream<java.nio.file.Path> stream = Files.newDirectoryStream(folder.local())) {
                stream.forEach(children::add);
            } catch (IOException | RuntimeException e) {
                listing.reject(folder.path(), RejectReason.UNREADABLE, "folder cannot be listed: " + e);
                continue;
            }
            children.sort(Comparator.comparing(c -> c.getFileName().toString()));
            List<Folder> subfolders = new ArrayList<>();
            for (java.nio.file.Path child : children) {
                String name = child.getFileName().toString();
                Path path = new Path(
                        folder.path().toUri().getScheme(),
                        folder.path().toUri().getAuthority(),
                        folder.path().toUri().getPath() + "/" + name);
                Folder sub = entry(child, path, folder.realChain());
                if (sub != null) {
                    subfolders.add(sub);
                }
            }
            for (int i = subfolders.size() - 1; i >= 0; i--) {
                folders.push(subfolders.get(i));
            }
        }
    }

    /** Adds a file or a reject for one entry; returns the folder to list when the entry is one. */
    private Folder entry(java.nio.file.Path local, Path path, List<java.nio.file.Path> realChain) {
        String name = local.getFileName() == null ? "" : local.getFileName().toString();
        BasicFileAttributes attrs;
        boolean link;
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(local, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            // Vanished since the folder was read, or a name the JVM's file-name encoding cannot represent.
            listing.reject(path, RejectReason.UNREADABLE, "cannot read its attributes: " + e);
            return null;
        }
        link = own.isSymbolicLink();
        if (InputListing.isHidden(name, !own.isDirectory()) && !realChain.isEmpty()) {
            listing.skipHidden();
            return null;
        }
        try {
            attrs = link ? Files.readAttributes(local, BasicFileAttributes.class) : own;
        } catch (NoSuchFileException e) {
            listing.reject(
                    path, RejectReason.DANGLING_LINK, "symbolic link to " + target(local) + ", which does not exist");
            return null;
        } catch (FileSystemException e) {
            if (String.valueOf(e.getReason()).toLowerCase(java.util.Locale.ROOT).contains("levels of symbolic links")) {
                listing.reject(
                        path,
                        RejectReason.LINK_LOOP,
                        "symbolic link to " + target(local) + ": the links lead back to themselves");
            } else {
                listing.reject(path, RejectReason.UNREADABLE, "cannot read its attributes: " + e);
            }
            return null;
        } catch (IOException e) {
            listing.reject(path, RejectReason.UNREADABLE, "cannot read its attributes: " + e);
            return null;
        }
        if (attrs.isDirectory()) {
            java.nio.file.Path real;
            try {
                real = local.toRealPath();
            } catch (IOException e) {
                listing.reject(path, RejectReason.UNREADABLE, "cannot resolve the folder: " + e);
                return null;
            }
            if (realChain.contains(real)) {
                listing.reject(
                        path,
                        RejectReason.LINK_LOOP,
                        (link ? "symbolic link to " + target(local) + ", the folder " : "the folder ") + real
                                + " that holds it: following it would list the same files again and again");
                return null;
            }
            List<java.nio.file.Path> chain = new ArrayList<>(realChain);
            chain.add(real);
            return new Folder(local, path, chain);
        }
        if (attrs.isRegularFile()) {
            listing.add(path, attrs.size(), attrs.lastModifiedTime().toMillis(), root);
        } else {
            listing.reject(
                    path,
                    RejectReason.NOT_A_REGULAR_FILE,
                    kind(local) + " (not a regular file): never opened, "
                            + "since reading it could block or never end");
        }
        return null;
    }

    /** FIFO, socket or device, from the Unix file mode when the platform gives it. */
    private static String kind(java.nio.file.Path local) {
        try {
            int type = (Integer) Files.getAttribute(local, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0140000 -> "a socket";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return "a special file";
        }
    }

    private static String target(java.nio.file.Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
