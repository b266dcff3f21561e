package org.newslens.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.newslens.io.Table;
import org.newslens.io.TableStore;

/**
 * A minimal {@code documents} table for annotate/entities tests, built without the ingest job: one document
 * per given text (doc_id given) or per {@code .txt} file of a folder (doc_id = file name without extension).
 */
public final class DocumentsFixture {
    private DocumentsFixture() {}

    public static Dataset<Row> of(SparkSession spark, List<String[]> idAndText) {
        List<Row> rows = new ArrayList<>();
        for (String[] doc : idAndText) {
            String text = doc[1];
            rows.add(RowFactory.create(
                    doc[0],
                    "file:/fixture/" + doc[0] + ".txt",
                    null,
                    null,
                    null,
                    null,
                    text,
                    text.length(),
                    text.split("\\s+").length,
                    Integer.toHexString(text.hashCode())));
        }
        return spark.createDataFrame(rows, Table.DOCUMENTS.schema());
    }

    public static Dataset<Row> fromFolder(SparkSession spark, Path folder) throws IOException {
        List<String[]> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String name = file.getFileName().toString();
                docs.add(new String[] {
                    name.substring(0, name.length() - 4), Files.readString(file, StandardCharsets.UTF_8)
                });
            }
        }
        return of(spark, docs);
    }

    /** Writes and commits the documents table under an output root, as a finished ingest run would. */
    public static void writeTo(SparkSession spark, String outputRoot, Dataset<Row> documents) {
        TableStore store = new TableStore(spark, outputRoot, "fixture");
        store.write(Table.DOCUMENTS, documents);
        store.commit();
    }
}
