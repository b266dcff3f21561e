package org.newslens.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system ({@code file:}), except that it sets permissions with java.nio. Without Hadoop's native
 * library (which its client jars do not ship), the local file system starts a {@code chmod} process for every file
 * and folder it creates: a run over the five sample articles started 409 of them, about 2 ms each, in the driver
 * and in the tasks that write. Everything else (checksums, renames, listings) is Hadoop's own.
 *
 * <p>Used where NewsLens runs the JVM itself: the driver's own reads and writes ({@link HadoopConf}) and embedded
 * runs ({@code SparkSessions}); a setting of {@value #SETTING} by the user wins.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    /** The Hadoop setting that picks the implementation of {@code file:}. */
    public static final String SETTING = "fs.file.impl";

    public NioLocalFileSystem() {
        super(new Raw());
    }

    /** The raw (checksum-less) local file system underneath, with the java.nio permissions. */
    static final class Raw extends RawLocalFileSystem {
        private static final int SET_ID_BITS = 06000;

        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            // The sticky bit has no java.nio form; the native library is as quick as java.nio.
            if (NativeIO.isAvailable() || permission.getStickyBit()) {
                super.setPermission(path, permission);
                return;
            }
            java.nio.file.Path file = pathToFile(path).toPath();
            try {
                // chmod with four digits keeps a folder's set-user-ID and set-group-ID bits (a shared folder's
                // group passes on to what is made in it); java.nio would clear them, so a path with either goes
                // to chmod.
                if (((Integer) Files.getAttribute(file, "unix:mode") & SET_ID_BITS) != 0) {
                    super.setPermission(path, permission);
                    return;
                }
                Files.setPosixFilePermissions(file, posix(permission));
            } catch (UnsupportedOperationException | IllegalArgumentException notPosix) {
                super.setPermission(path, permission);
            }
        }
    }

    /** The nine rwx bits (the sticky bit is left to Hadoop's chmod), as Java's r/w/x string reads them. */
    static Set<PosixFilePermission> posix(FsPermission permission) {
        return PosixFilePermissions.fromString(permission.getUserAction().SYMBOL
                + permission.getGroupAction().SYMBOL
                + permission.getOtherAction().SYMBOL);
    }
}
