package org.newslens.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on 127.0.0.1: one master and N workers, each its own JVM, started from
 * the Spark jars Maven resolved (the Master and Worker classes ship in spark-core). Its SPARK_HOME holds
 * only Spark's own jars (links into the Maven repository): NewsLens, CoreNLP and the models reach the
 * executors only through the submitted job jar, as on a real cluster. Closing it kills every process.
 */
public final class StandaloneCluster implements AutoCloseable {
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final Path home;
    private final String javaOpens;
    private final int port;
    private final int webPort;
    private final List<Process> workers = new ArrayList<>();
    private Process master;

    public StandaloneCluster(Path projectDir, Path home) throws IOException {
        this.home = home;
        this.javaOpens = System.getProperty("newslens.java17.opens", "");
        this.port = freePort();
        this.webPort = freePort();
        linkSparkJars(projectDir.resolve("target/classpath.txt"), home.resolve("jars"));
    }

    public String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** The classpath of a Spark installation: its jars folder. */
    public String sparkClasspath() {
        return home.resolve("jars").toString() + "/*";
    }

    public Path home() {
        return home;
    }

    public void start(int workerCount, int coresPerWorker, String memoryPerWorker) throws Exception {
        master = launch(
                "master",
                "512m",
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--webui-port",
                String.valueOf(webPort));
        waitFor(() -> isListening(port), Duration.ofSeconds(60), "master to listen on " + port);
        for (int i = 0; i < workerCount; i++) {
            Path workDir = Files.createDirectories(home.resolve("work-" + i));
            workers.add(launch(
                    "worker-" + i,
                    "512m",
                    "org.apache.spark.deploy.worker.Worker",
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    String.valueOf(coresPerWorker),
                    "--memory",
                    memoryPerWorker,
                    "--webui-port",
                    String.valueOf(freePort()),
                    "--work-dir",
                    workDir.toString(),
                    masterUrl()));
        }
        waitFor(() -> aliveWorkers() == workerCount, Duration.ofSeconds(90), workerCount + " workers to register");
    }

    /** Kills one worker JVM and the executors it started, as a machine failure would. */
    public void killWorker(int index) throws InterruptedException {
        Process worker = workers.get(index);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
        worker.waitFor(30, TimeUnit.SECONDS);
    }

    public int aliveWorkers() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/json/"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            Matcher matcher = ALIVE_WORKERS.matcher(response.body());
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Starts a JVM with Spark's classpath, the Java 17 flags and SPARK_HOME set; output goes to a log file. */
    public Process launch(String name, String heap, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap));
        command.addAll(Arrays.asList(javaOpens.trim().split("\\s+")));
        command.addAll(List.of("-cp", sparkClasspath(), mainClass));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(
                        command.stream().filter(s -> !s.isEmpty()).toList())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    public Path log(String name) {
        return home.resolve(name + ".log");
    }

    @Override
    public void close() {
        for (Process worker : workers) {
            worker.descendants().forEach(ProcessHandle::destroyForcibly);
            worker.destroyForcibly();
        }
        if (master != null) {
            master.destroyForcibly();
        }
        for (Process process : workers) {
            waitQuietly(process);
        }
        if (master != null) {
            waitQuietly(master);
        }
    }

    private static void waitQuietly(Process process) {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Links Spark's jars (everything on the build classpath but CoreNLP) into SPARK_HOME/jars. */
    private static void linkSparkJars(Path classpathFile, Path jarsDir) throws IOException {
        Files.createDirectories(jarsDir);
        for (String entry : Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            boolean coreNlp = entry.contains("/edu/stanford/nlp/");
            Path link = jarsDir.resolve(jar.getFileName());
            if (!coreNlp && entry.endsWith(".jar") && !Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isListening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for " + what);
            }
            Thread.sleep(500);
        }
    }
}
