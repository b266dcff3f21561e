package org.newslens.io;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * 64-bit hashes of string keys, to join many rows with a small broadcast table on one long instead of on strings.
 * Spark keeps a broadcast table with one long key in a map of longs, where string keys go through a general hash
 * map of bytes (hashing the bytes, then following pointers to compare them): on 15 million doc_terms rows joined
 * with 33,000 terms, 0.6-1 s against 2.5-3.5 s. A caller joins on the hash only where the small table's keys
 * have distinct hashes ({@link #distinct}), and checks that the joined keys are equal, so a hash shared by a key
 * the small table does not hold cannot pass unnoticed.
 */
public final class KeyHashes {
    /** The column holding a row's key hash, on both sides of a join. */
    public static final String HASH = "key_hash";

    private KeyHashes() {}

    /** The 64-bit hash of the key columns. */
    public static Column of(Column... keys) {
        return xxhash64(keys);
    }

    /** Whether the rows, one per key, have as many distinct hashes as rows (one small Spark job). */
    public static boolean distinct(Dataset<Row> rows, Column hash) {
        Row counts = rows.agg(count(lit(1)), countDistinct(hash)).first();
        return counts.getLong(0) == counts.getLong(1);
    }
}
