package org.newslens.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.newslens.Main;
import org.newslens.io.Table;
import org.newslens.testing.Outputs;
import org.newslens.testing.SharedSpark;

/**
 * One run of the real entry point ({@code Main all}) on the sample corpus in data/, shared by the
 * end-to-end tests of this JVM so the pipeline runs once.
 */
public final class SampleCorpusRun {
    private static Path output;
    private static int exitCode;

    private SampleCorpusRun() {}

    public static synchronized Path output() throws Exception {
        if (output == null) {
            SharedSpark.session();
            output = Files.createTempDirectory("newslens-e2e");
            exitCode = Main.run(new String[] {"all", "--input", "data", "--output", output.toString()});
        }
        return output;
    }

    public static int exitCode() throws Exception {
        output();
        return exitCode;
    }

    public static Dataset<Row> table(Table table) throws Exception {
        return SharedSpark.session()
                .read()
                .parquet(Outputs.currentRun(output()).resolve(table.tableName()).toString());
    }
}
