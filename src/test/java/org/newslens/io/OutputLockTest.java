package org.newslens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.config.SettingsException;

class OutputLockTest {
    private static final Duration DAY = Duration.ofHours(24);
    private final Configuration conf = new Configuration();

    @TempDir
    Path out;

    private org.apache.hadoop.fs.Path root() {
        return new org.apache.hadoop.fs.Path(out.toUri());
    }

    private void lockHeldBy(String runId, String host, long pid, Instant started) throws Exception {
        Files.write(
                out.resolve("_lock"),
                new ObjectMapper().writeValueAsBytes(new OutputLock.Holder(runId, host, pid, started.toString())));
    }

    private static String thisHost() throws Exception {
        return InetAddress.getLocalHost().getHostName();
    }

    @Test
    void theLockIsExclusiveNamesItsHolderAndIsGoneAfterClose() throws Exception {
        try (OutputLock first = OutputLock.acquire(root(), "run-a", conf, DAY)) {
            assertThat(out.resolve("_lock")).exists();
            assertThatThrownBy(() -> OutputLock.acquire(root(), "run-b", conf, DAY))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining("is in use by run run-a")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        assertThat(out.resolve("_lock")).doesNotExist();
        OutputLock.acquire(root(), "run-b", conf, DAY).close();
    }

    @Test
    void aLockWhoseProcessIsGoneOnThisHostIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        lockHeldBy("killed-run", thisHost(), gone.pid(), Instant.now());
        try (OutputLock lock = OutputLock.acquire(root(), "run-b", conf, DAY)) {
            assertThat(Files.readString(out.resolve("_lock"))).contains("run-b");
        }
    }

    @Test
    void aLockFromAnotherHostIsRespectedUntilItIsOlderThanTheSetting() throws Exception {
        lockHeldBy("remote-run", "some-other-host", 4242, Instant.now().minus(Duration.ofHours(2)));
        assertThatThrownBy(() -> OutputLock.acquire(root(), "run-b", conf, DAY))
                .hasMessageContaining("is in use by run remote-run (host some-other-host, pid 4242, started ");

        lockHeldBy("remote-run", "some-other-host", 4242, Instant.now().minus(Duration.ofHours(25)));
        OutputLock.acquire(root(), "run-b", conf, DAY).close();
    }

    @Test
    void aLockBeingWrittenRightNowCountsAsHeld() throws Exception {
        Files.createFile(out.resolve("_lock"));
        assertThatThrownBy(() -> OutputLock.acquire(root(), "run-b", conf, DAY))
                .hasMessageContaining("is in use by a run that is starting");
    }
}
