package org.newslens.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {
    @TempDir
    java.nio.file.Path dir;

    /** Hadoop's own local file system (its chmod) and ours, on the same folder. */
    private final LocalFileSystem hadoops = new LocalFileSystem();

    private final NioLocalFileSystem nio = new NioLocalFileSystem();

    @BeforeEach
    void open() throws IOException {
        hadoops.initialize(dir.toUri(), new Configuration());
        nio.initialize(dir.toUri(), new Configuration());
    }

    @AfterEach
    void close() throws IOException {
        hadoops.close();
        nio.close();
    }

    @Test
    void setsTheSamePermissionsAsHadoopsChmod() throws IOException {
        for (String mode : new String[] {"644", "600", "755", "700", "640", "444", "751", "000", "1777"}) {
            FsPermission permission = new FsPermission(Short.parseShort(mode, 8));
            Path byHadoop = new Path(dir.toUri().toString(), "hadoop-" + mode);
            Path byNio = new Path(dir.toUri().toString(), "nio-" + mode);
            hadoops.mkdirs(byHadoop);
            nio.mkdirs(byNio);
            hadoops.setPermission(byHadoop, permission);
            nio.setPermission(byNio, permission);
            assertThat(nio.getFileStatus(byNio).getPermission())
                    .as("mode %s", mode)
                    .isEqualTo(hadoops.getFileStatus(byHadoop).getPermission())
                    .isEqualTo(permission);
        }
    }

    @Test
    void keepsTheSetGroupIdBitOfAFolderAsHadoopsChmodDoes() throws Exception {
        for (String name : new String[] {"hadoop", "nio"}) {
            Files.createDirectory(dir.resolve(name));
            assertThat(new ProcessBuilder("chmod", "2775", dir.resolve(name).toString())
                            .start()
                            .waitFor())
                    .isZero();
        }
        FsPermission permission = new FsPermission((short) 0755);
        hadoops.setPermission(new Path(dir.resolve("hadoop").toUri()), permission);
        nio.setPermission(new Path(dir.resolve("nio").toUri()), permission);
        assertThat(mode(dir.resolve("nio")))
                .isEqualTo(mode(dir.resolve("hadoop")))
                .isEqualTo(02755);
    }

    private static int mode(java.nio.file.Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode") & 07777;
    }

    @Test
    void filesAndFoldersItCreatesGetTheUmasksPermissionsAndTheirChecksums() throws IOException {
        Configuration conf = new Configuration();
        conf.set(FsPermission.UMASK_LABEL, "027");
        try (NioLocalFileSystem withUmask = new NioLocalFileSystem()) {
            withUmask.initialize(dir.toUri(), conf);
            Path table = new Path(dir.toUri().toString(), "table/part");
            try (OutputStream out = withUmask.create(new Path(table, "part-00000.txt"))) {
                out.write("one row".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dir.resolve("table/part/part-00000.txt"))))
                    .isEqualTo("rw-r-----");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("table/part"))))
                    .isEqualTo("rwxr-x---");
            assertThat(dir.resolve("table/part/.part-00000.txt.crc")).exists();
        }
    }

    @Test
    void isTheLocalFileSystemOfTheDriversConfigurationUnlessTheUserNamesAnother() {
        assertThat(HadoopConf.forSession(null).get(NioLocalFileSystem.SETTING))
                .isEqualTo(NioLocalFileSystem.class.getName());
        System.setProperty("spark.hadoop." + NioLocalFileSystem.SETTING, LocalFileSystem.class.getName());
        try {
            assertThat(HadoopConf.forSession(null).get(NioLocalFileSystem.SETTING))
                    .isEqualTo(LocalFileSystem.class.getName());
        } finally {
            System.clearProperty("spark.hadoop." + NioLocalFileSystem.SETTING);
        }
    }

    @Test
    void hadoopOpensFileUrisWithIt() throws IOException {
        Configuration conf = HadoopConf.forSession(null);
        conf.setBoolean("fs.file.impl.disable.cache", true);
        try (FileSystem fs = new Path(dir.toUri()).getFileSystem(conf);
                FileSystem local = FileSystem.getLocal(conf)) {
            assertThat(fs).isInstanceOf(NioLocalFileSystem.class);
            assertThat(local).isInstanceOf(NioLocalFileSystem.class);
        }
    }
}
