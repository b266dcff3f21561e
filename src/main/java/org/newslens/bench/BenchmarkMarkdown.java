package org.newslens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.newslens.pipeline.Versions;

/**
 * Writes a benchmark run as a Markdown page (the repository keeps the latest one in src/site/BENCHMARKS.md):
 * the command, the machine it ran on, and the table {@link PipelineBenchmark} printed. Written by the command
 * itself so the published figures are always a run's own output, never retyped.
 */
final class BenchmarkMarkdown {
    private BenchmarkMarkdown() {}

    static void write(Path file, String[] args, List<String> tableAndFit) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# NewsLens benchmarks");
        lines.add("");
        lines.add("Written by `" + typed("jobs/benchmark", args) + "` on " + LocalDate.now() + ".");
        lines.add("");
        lines.add(machine());
        lines.add("");
        lines.add("MB are input bytes (10^6). Tokens/s counts the tokens table's rows; before annotate, the "
                + "documents' word counts. Heap peak is the sum of the heap pools' high-water marks during the stage "
                + "(pools peak at different times, so it over-counts and can exceed the heap limit; garbage not yet "
                + "collected counts too); live heap peak is the most heap still in use just after a garbage "
                + "collection during the stage (what the stage holds: the heap it needs is this plus room to collect "
                + "in); RSS peak is the process's resident high-water mark so far. CPU s is the JVM's CPU time, all "
                + "threads. Spark jobs counts the jobs the stage ran (each step's are listed below the table).");
        lines.add("");
        lines.addAll(tableAndFit);
        lines.add("");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, lines);
    }

    /**
     * Appends a section to {@code file} (made when missing): the command that wrote it, the date, the machine
     * and the lines it printed; for benchmarks whose tables are kept next to those of {@code jobs/benchmark}.
     */
    static void append(Path file, String command, String[] args, List<String> printed) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("## `" + command + "`");
        lines.add("");
        lines.add("Written by `" + typed(command, args) + "` on " + LocalDate.now() + ".");
        lines.add("");
        lines.add(machine());
        lines.add("");
        lines.addAll(printed);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The command as run, after the NEWSLENS_ variables set for it (memory, class archive): they change the figures. */
    private static String typed(String command, String[] args) {
        String settings = System.getenv().entrySet().stream()
                .filter(e -> e.getKey().startsWith("NEWSLENS_"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .collect(Collectors.joining(" "));
        return (settings.isEmpty() ? "" : settings + " ") + command + " " + String.join(" ", args);
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(
                "Machine: %d cores, JVM max heap %d MiB, %s %s; versions %s. One embedded JVM "
                        + "(`local[*]`): driver and executor share the process, so its heap and RSS peaks are the "
                        + "executor's.",
                runtime.availableProcessors(),
                runtime.maxMemory() >> 20,
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                Versions.all());
    }
}
