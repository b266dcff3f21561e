package org.newslens.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/** Opens an input file through Hadoop's FileSystem, decompressed by suffix with Hadoop's codecs. */
final class InputStreams {
    private InputStreams() {
    }

    /** The path is taken literally (never as a glob): {@code new Path(uri)} of a listed file's URI. */
    static InputStream open(String uri, Configuration conf, CompressionCodecFactory codecs) throws IOException {
        Path path = new Path(uri);
        CompressionCodec codec = codecs.getCodec(path);
        InputStream raw = path.getFileSystem(conf).open(path);
        try {
            return codec == null ? raw : codec.createInputStream(raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
