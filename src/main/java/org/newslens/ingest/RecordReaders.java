package org.newslens.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.newslens.config.CoreSettings;
import org.newslens.config.Settings;
import org.newslens.io.HadoopConf;

/**
 * Reads the record files (JSON Lines, CSV, Parquet) into RAW rows with {@link RecordFileReader} on the
 * executors. The listed files are handed over as they are, never as paths for Spark's file readers, which
 * would take {@code [ ] { } * ?} in a name as a glob and fail the whole read on one bad file. One file is read
 * by one task; files are spread over the partitions by size, largest first.
 */
final class RecordReaders {

    private RecordReaders() {}

    /** The RAW rows of the files, or null when there are none. */
    static Dataset<Row> read(SparkSession spark, Settings settings, List<InputFile> files) {
        if (files.isEmpty()) {
            return null;
        }
        int partitions = settings.get(CoreSettings.PARTITIONS);
        if (partitions <= 0) {
            int perPartition = settings.get(IngestSettings.FILES_PER_PARTITION);
            partitions = Math.max(2 * spark.sparkContext().defaultParallelism(), (int)
                    Math.ceil(files.size() / (double) perPartition));
        }
        partitions = Math.max(1, Math.min(files.size(), partitions));
        List<Row> rows = bySize(files, partitions).stream()
                .map(f -> RowFactory.create(f.uri(), f.relativePath(), f.kind().name(), f.length()))
                .toList();
        JavaRDD<Row> paths =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions);
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        return spark.createDataFrame(paths, IngestSchemas.RECORD_FILES)
                .mapPartitions(
                        new RecordFileReader(
                                conf,
                                settings.get(IngestSettings.MAX_RECORD_BYTES),
                                settings.get(IngestSettings.MAX_JSON_DEPTH)),
                        Encoders.row(IngestSchemas.RAW));
    }

    /**
     * The files in an order such that Spark's even slicing of the list ({@code parallelize}: slice i holds
     * items [i*n/k, (i+1)*n/k)) gives every partition about the same number of bytes: largest file first, each
     * into the slice with the fewest bytes that still has room.
     */
    static List<InputFile> bySize(List<InputFile> files, int slices) {
        int n = files.size();
        List<List<InputFile>> slots = new ArrayList<>();
        int[] room = new int[slices];
        long[] bytes = new long[slices];
        for (int i = 0; i < slices; i++) {
            room[i] = (int) ((long) (i + 1) * n / slices - (long) i * n / slices);
            slots.add(new ArrayList<>());
        }
        List<InputFile> largestFirst = new ArrayList<>(files);
        largestFirst.sort(Comparator.comparingLong(InputFile::length).reversed().thenComparing(InputFile::uri));
        for (InputFile file : largestFirst) {
            int best = -1;
            for (int i = 0; i < slices; i++) {
                if (slots.get(i).size() < room[i] && (best < 0 || bytes[i] < bytes[best])) {
                    best = i;
                }
            }
            slots.get(best).add(file);
            bytes[best] += file.length();
        }
        List<InputFile> ordered = new ArrayList<>(n);
        slots.forEach(ordered::addAll);
        return ordered;
    }
}
