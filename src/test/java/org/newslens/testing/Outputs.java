package org.newslens.testing;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.newslens.io.RunFolders;

/** Where tests find the tables of an output root: the folder of its current run, as every reader finds it. */
public final class Outputs {
    private Outputs() {}

    /** The current run's folder of a local output root (see {@link RunFolders#current}). */
    public static Path currentRun(Path output) {
        org.apache.hadoop.fs.Path root =
                new org.apache.hadoop.fs.Path(output.toAbsolutePath().toUri());
        return Path.of(RunFolders.current(root, new Configuration()).toUri());
    }
}
