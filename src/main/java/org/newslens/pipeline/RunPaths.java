package org.newslens.pipeline;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.newslens.config.SettingsException;

/**
 * Checks {@code --input} and {@code --output} before anything is written: each must be a path or a URI of
 * a file system Hadoop knows, the input must exist, the output must not be a file, and neither may lie inside
 * the other (or the next run would read its own tables as corpus). Paths are compared fully qualified, so
 * {@code ./out}, {@code /home/me/out} and {@code file:/home/me/out} are the same folder.
 */
final class RunPaths {
    private RunPaths() {}

    /** The qualified output root; fails with one line when it cannot be an output folder. */
    static Path output(String raw, Configuration conf) throws IOException {
        Path output = qualify("output", raw, conf);
        FileSystem fs = output.getFileSystem(conf);
        if (fs.exists(output) && !fs.getFileStatus(output).isDirectory()) {
            throw new SettingsException("--output " + output + " is a file; give a folder (it is created if missing)");
        }
        return output;
    }

    /** The qualified input; fails with one line when it is missing or overlaps the output. */
    static Path input(String raw, Path output, Configuration conf) throws IOException {
        Path input = qualify("input", raw, conf);
        if (!input.getFileSystem(conf).exists(input)) {
            throw new SettingsException("Input " + input + " does not exist (set it with --input)");
        }
        if (isWithin(output, input)) {
            throw new SettingsException("--output " + output + (output.equals(input) ? " is" : " is inside")
                    + " --input " + input + "; the next run would read its own tables as corpus: choose an output"
                    + " outside the input");
        }
        if (isWithin(input, output)) {
            throw new SettingsException("--input " + input + " is inside --output " + output
                    + "; a run replaces what is under its output: choose an input outside the output");
        }
        return input;
    }

    /** Whether {@code path} is {@code folder} or lies under it (same scheme and authority, whole name segments). */
    static boolean isWithin(Path path, Path folder) {
        java.net.URI p = path.toUri();
        java.net.URI f = folder.toUri();
        if (!java.util.Objects.equals(p.getScheme(), f.getScheme())
                || !java.util.Objects.equals(p.getAuthority(), f.getAuthority())) {
            return false;
        }
        String folderPath = f.getPath().endsWith("/") ? f.getPath() : f.getPath() + "/";
        return p.getPath().equals(f.getPath()) || p.getPath().startsWith(folderPath);
    }

    private static Path qualify(String name, String raw, Configuration conf) throws IOException {
        if (raw == null || raw.isBlank()) {
            throw new SettingsException(
                    "--" + name + " is empty; give a folder, a file or a Hadoop URI (file:, hdfs:, s3a:)");
        }
        Path path;
        try {
            path = new Path(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new SettingsException("--" + name + " '" + raw + "' is not a path or URI: " + oneLine(e));
        }
        try {
            return path.getFileSystem(conf).makeQualified(path);
        } catch (UnsupportedFileSystemException e) {
            throw new SettingsException("--" + name + " '" + raw + "' has the unknown scheme '"
                    + path.toUri().getScheme() + ":'; use a local path, file:, hdfs:, s3a: or a scheme Hadoop is"
                    + " configured for");
        } catch (IOException | RuntimeException e) {
            throw new SettingsException("--" + name + " '" + raw + "' cannot be opened: " + oneLine(e));
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("");
    }
}
