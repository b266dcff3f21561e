package org.newslens.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.parquet.hadoop.util.HadoopStreams;

/** Opens an input file through Hadoop's FileSystem, decompressed by suffix with Hadoop's codecs. */
final class InputStreams {
    private InputStreams() {}

    /**
     * The file system to read an input from. For a checksummed one (Hadoop's local file system) the raw file
     * system below it: inputs have no .crc files, and looking one up builds a Path from ".name.crc", which
     * fails for a name holding a colon.
     */
    static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }

    /** A Parquet input file on that file system (parquet-hadoop's own one would use the checksummed one). */
    static org.apache.parquet.io.InputFile parquet(String uri, long length, Configuration conf) throws IOException {
        Path path = new Path(uri);
        FileSystem fs = fileSystem(path, conf);
        return new org.apache.parquet.io.InputFile() {
            @Override
            public long getLength() {
                return length;
            }

            @Override
            public org.apache.parquet.io.SeekableInputStream newStream() throws IOException {
                return HadoopStreams.wrap(fs.open(path));
            }

            @Override
            public String toString() {
                return uri;
            }
        };
    }

    /** The path is taken literally (never as a glob): {@code new Path(uri)} of a listed file's URI. */
    static InputStream open(String uri, Configuration conf, CompressionCodecFactory codecs) throws IOException {
        Path path = new Path(uri);
        CompressionCodec codec = codecs.getCodec(path);
        InputStream raw = fileSystem(path, conf).open(path);
        try {
            return codec == null ? raw : codec.createInputStream(raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
