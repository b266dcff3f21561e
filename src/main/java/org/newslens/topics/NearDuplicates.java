package org.newslens.topics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.newslens.io.Broadcasts;
import org.newslens.io.Columns;
import org.newslens.io.DocumentText;
import org.newslens.topics.model.LshBands;

/**
 * Near-duplicates over word 3-shingles (all words, stop words included, as copies are judged on the running
 * text). Each document's shingles become a set of hashes with a MinHash signature (MLlib's {@link MinHashLSH}
 * hash functions, computed by {@link MinHash}), and candidate pairs come from banded LSH over the signature
 * ({@link LshBands}, bands and rows chosen from the threshold) rather than MLlib's approxSimilarityJoin: each
 * of MLlib's hash tables is one minhash, so its join proposes every pair that agrees on any single minhash (on
 * 200 MB of resampled text that self-join took 488 s and found nothing). The similarity written is the exact Jaccard similarity of the
 * two shingle-hash sets. Each document whose near-copy came first (earlier {@code published}, then smaller
 * doc_id) is listed with that earliest copy as {@code duplicate_of}. Each document's shingle set and band
 * keys are kept in {@code state/duplicate_signatures}, so an append run shingles and signs only the documents
 * that are new or changed; an append that only adds documents also searches only their buckets ({@link Previous}).
 */
public final class NearDuplicates {
    static final int SHINGLE = 3;

    /** A document's signature: its shingle set and band keys, and whether they came from the stored state. */
    private static final StructType SIGNATURES = DataTypes.createStructType(List.of(
            DataTypes.createStructField(Columns.DOC_ID, DataTypes.StringType, false),
            DataTypes.createStructField(Columns.CONTENT_SHA, DataTypes.StringType, false),
            DataTypes.createStructField(Columns.PUBLISHED, DataTypes.DateType, true),
            DataTypes.createStructField(
                    Columns.SHINGLES, DataTypes.createArrayType(DataTypes.IntegerType, false), false),
            DataTypes.createStructField(Columns.BAND_KEYS, DataTypes.createArrayType(DataTypes.LongType, false), false),
            DataTypes.createStructField(DocumentText.REUSED, DataTypes.BooleanType, false)));

    private static final StructType PAIRS = DataTypes.createStructType(List.of(
            DataTypes.createStructField(Columns.DOC_ID, DataTypes.StringType, false),
            DataTypes.createStructField("other_id", DataTypes.StringType, false),
            DataTypes.createStructField("other_published", DataTypes.DateType, true)));
    private static final StructType SIMILAR = PAIRS.add("similarity", DataTypes.DoubleType, false);

    /**
     * The duplicates (lazy), what the search cost, and every document's signature as {@code
     * state/duplicate_signatures} rows (to write before {@link #release()}). When {@code storedAllReused}, the
     * stored signatures are all kept as they were, and {@code signedNow} (the rows of the documents signed by this
     * run) is what the state gains. {@code searchedAll} is false when only the buckets of new documents were
     * searched and the previous run's duplicates were carried over (see {@link Previous}).
     */
    public record Result(
            Dataset<Row> duplicates,
            Dataset<Row> signatures,
            Dataset<Row> signedNow,
            boolean storedAllReused,
            boolean searchedAll,
            LshBands bands,
            long oversizedBuckets,
            long candidatePairs,
            DocumentText.Reuse signatureReuse,
            Dataset<?>... cached) {
        public void release() {
            for (Dataset<?> d : cached) {
                d.unpersist();
            }
        }
    }

    /**
     * What the previous run found and was made from, for an append: its {@code duplicates} (doc_id, duplicate_of,
     * similarity) and its documents (doc_id, content_sha, published). The caller vouches that the run found these
     * duplicates itself, with the stored signatures and this run's similarity threshold and bucket cap.
     */
    public record Previous(Dataset<Row> duplicates, Dataset<Row> documents) {}

    private NearDuplicates() {}

    /**
     * @param docs doc_id, content_sha, published, sentences (array of term arrays)
     * @param stored the signatures an earlier run stored: those of documents with the same content_sha, made with
     *     the same banding and seed, are used as they are; only the other documents are shingled and signed
     * @param maxBucket buckets with more documents than this are only paired with their earliest document
     * @return doc_id, duplicate_of, similarity
     */
    public static Result find(
            Dataset<Row> docs, Optional<Dataset<Row>> stored, double minSimilarity, int maxBucket, long seed) {
        return find(DocumentSentences.grouped(docs), stored, Optional.empty(), minSimilarity, maxBucket, seed);
    }

    /**
     * As {@link #find(Dataset, Optional, double, int, long)}; only the documents signed here are read whole. With
     * {@code previous}, when the stored signatures all still hold (no document gone or changed, none with another
     * date) and no new document falls in a bucket of more than {@code maxBucket} documents, every pair of stored documents is
     * one the previous run compared already: only the buckets of the new documents are searched, and each
     * document's earliest copy is the earlier of its previous one and those found now.
     */
    static Result find(
            DocumentSentences docs,
            Optional<Dataset<Row>> stored,
            Optional<Previous> previous,
            double minSimilarity,
            int maxBucket,
            long seed) {
        LshBands bands = LshBands.forThreshold(minSimilarity);
        String lsh = bands.bands() + "x" + bands.rows() + " seed " + seed;
        Dataset<Row> signatures;
        Dataset<Row> signed;
        boolean storedAllReused = false;
        DocumentText.Reuse reuse;
        if (stored.isPresent()) {
            // The stored signatures are read from their files where needed (mostly their band keys), not kept
            // in memory: in an append they are nearly all of them, and only the candidates' shingles are used.
            Dataset<Row> usable = stored.get().where(col(Columns.LSH).equalTo(lsh));
            Dataset<Row> reused = DocumentText.unchanged(docs.documents(), usable)
                    .select(Columns.DOC_ID, Columns.CONTENT_SHA, Columns.PUBLISHED, Columns.SHINGLES, Columns.BAND_KEYS)
                    .withColumn(DocumentText.REUSED, lit(true));
            signed = sign(docs.of(DocumentText.changedIds(docs.documents(), usable)), bands, seed)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            signatures = reused.unionByName(signed);
            reuse = DocumentText.reuseOf(signatures);
            // A count suffices: the state holds one row per document, and only rows of documents now are reused.
            storedAllReused = reuse.reused() == stored.get().count();
        } else {
            signed = sign(docs.all(), bands, seed).persist(StorageLevel.MEMORY_AND_DISK());
            signatures = signed;
            reuse = DocumentText.reuseOf(signatures);
        }

        // One row per band key; only the keys are read, not the shingle sets.
        Dataset<Row> bandRows = signatures.select(
                col(Columns.DOC_ID),
                col(Columns.PUBLISHED),
                col(DocumentText.REUSED),
                posexplode(col(Columns.BAND_KEYS)).as(new String[] {"band", "key"}));
        boolean newOnly = storedAllReused && previous.isPresent() && sameDates(docs.documents(), previous.get());
        Dataset<Row> buckets = buckets(newOnly ? newDocumentBuckets(bandRows, reuse.made() * bands.bands()) : bandRows);
        long oversized = buckets.filter("size(members) > " + maxBucket).count();
        if (newOnly && oversized > 0) {
            // A new document is in a bucket of more than the cap, which pairs its members only with its earliest:
            // which pairs of stored documents a full search compares then depends on the new ones, so everything
            // is searched again (the buckets just grouped are of the new documents only, and dropped).
            buckets.unpersist();
            newOnly = false;
            buckets = buckets(bandRows);
            oversized = buckets.filter("size(members) > " + maxBucket).count();
        }
        Dataset<Row> pairs = buckets.flatMap(toPairs(maxBucket, newOnly), Encoders.row(PAIRS))
                .distinct()
                .persist(StorageLevel.MEMORY_AND_DISK());
        long candidates = pairs.count();

        // The shingle sets of the candidates only, read once.
        Dataset<Row> candidateIds = pairs.select(Columns.DOC_ID)
                .union(pairs.select(col("other_id").as(Columns.DOC_ID)))
                .distinct();
        Dataset<Row> candidateSets = signatures
                .select(Columns.DOC_ID, Columns.SHINGLES)
                .join(broadcast(candidateIds), Columns.DOC_ID, "left_semi")
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> docSets = candidateSets.select(
                col(Columns.DOC_ID).as("id"), col(Columns.SHINGLES).as("set"));
        Dataset<Row> otherSets = candidateSets.select(
                col(Columns.DOC_ID).as("oid"), col(Columns.SHINGLES).as("oset"));
        MapFunction<Row, Row> jaccard = row -> RowFactory.create(
                row.getAs(Columns.DOC_ID),
                row.getAs("other_id"),
                row.getAs("other_published"),
                Shingles.jaccard(intArray(row, "set"), intArray(row, "oset")));
        Dataset<Row> similar = pairs.join(docSets, pairs.col(Columns.DOC_ID).equalTo(docSets.col("id")))
                .join(otherSets, pairs.col("other_id").equalTo(otherSets.col("oid")))
                .select(Columns.DOC_ID, "other_id", "other_published", "set", "oset")
                .map(jaccard, Encoders.row(SIMILAR))
                .filter(col(Columns.SIMILARITY).geq(minSimilarity));
        if (newOnly) {
            similar = similar.unionByName(previousSimilar(previous.get().duplicates(), docs.documents()));
        }
        Dataset<Row> duplicates = similar.withColumn(
                        "rank",
                        row_number()
                                .over(Window.partitionBy(Columns.DOC_ID)
                                        .orderBy(
                                                col("other_published").asc_nulls_last(),
                                                col("other_id").asc())))
                .filter(col("rank").equalTo(1))
                .select(col(Columns.DOC_ID), col("other_id").as(Columns.DUPLICATE_OF), col(Columns.SIMILARITY));
        return new Result(
                duplicates,
                stateRows(signatures, lsh),
                stateRows(signed, lsh),
                storedAllReused,
                !newOnly,
                bands,
                oversized,
                candidates,
                reuse,
                signed,
                buckets,
                pairs,
                candidateSets);
    }

    /**
     * Each band key's bucket (two or more documents), its members in "came first" order: known dates before
     * unknown, earlier dates, smaller doc_id.
     */
    private static Dataset<Row> buckets(Dataset<Row> bandRows) {
        return bandRows.groupBy("band", "key")
                .agg(expr("array_sort(collect_list(struct(isnull(published) as unknown, published, doc_id, "
                                + DocumentText.REUSED + ")))")
                        .as("members"))
                .filter("size(members) >= 2")
                .select("members")
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** The band rows of the buckets a document signed by this run falls in; it has at most {@code newKeys} keys. */
    private static Dataset<Row> newDocumentBuckets(Dataset<Row> bandRows, long newKeys) {
        Dataset<Row> keys = bandRows.where(not(col(DocumentText.REUSED)))
                .select("band", "key")
                .distinct();
        // A band number and a key: 12 bytes a row.
        return bandRows.join(Broadcasts.ifSmall(keys, newKeys, 12), new String[] {"band", "key"}, "left_semi");
    }

    /**
     * (doc_id, other_id, other_published) of each bucket's pairs, other_id the member that came first; with
     * {@code newOnly}, only the pairs with a document signed by this run.
     */
    private static FlatMapFunction<Row, Row> toPairs(int maxBucket, boolean newOnly) {
        return row -> {
            List<Row> members = row.getList(row.fieldIndex("members"));
            List<Row> out = new ArrayList<>();
            for (int[] pair : LshBands.pairs(members.size(), maxBucket)) {
                Row first = members.get(pair[0]);
                Row later = members.get(pair[1]);
                if (newOnly && first.<Boolean>getAs(DocumentText.REUSED) && later.<Boolean>getAs(DocumentText.REUSED)) {
                    continue; // compared by the run that stored both
                }
                out.add(RowFactory.create(
                        later.getAs(Columns.DOC_ID), first.getAs(Columns.DOC_ID), first.getAs(Columns.PUBLISHED)));
            }
            return out.iterator();
        };
    }

    /** Whether every document the previous run also had, with the same text, has the same published date. */
    private static boolean sameDates(Dataset<Row> documents, Previous previous) {
        Dataset<Row> before = previous.documents()
                .select(
                        col(Columns.DOC_ID).as("before_id"),
                        col(Columns.CONTENT_SHA).as("before_sha"),
                        col(Columns.PUBLISHED).as("before_published"));
        return documents
                .join(
                        before,
                        col(Columns.DOC_ID)
                                .equalTo(col("before_id"))
                                .and(col(Columns.CONTENT_SHA).equalTo(col("before_sha"))))
                .where(not(col(Columns.PUBLISHED).eqNullSafe(col("before_published"))))
                .isEmpty();
    }

    /** The previous run's duplicates as rows of {@link #SIMILAR}, their earliest copies' dates from the documents. */
    private static Dataset<Row> previousSimilar(Dataset<Row> duplicates, Dataset<Row> documents) {
        Dataset<Row> dates = documents.select(
                col(Columns.DOC_ID).as("first_id"), col(Columns.PUBLISHED).as("other_published"));
        return duplicates
                .join(dates, col(Columns.DUPLICATE_OF).equalTo(col("first_id")))
                .select(
                        col(Columns.DOC_ID),
                        col(Columns.DUPLICATE_OF).as("other_id"),
                        col("other_published"),
                        col(Columns.SIMILARITY));
    }

    private static Dataset<Row> stateRows(Dataset<Row> signatures, String lsh) {
        return signatures.select(
                col(Columns.DOC_ID),
                col(Columns.CONTENT_SHA),
                col(Columns.SHINGLES),
                col(Columns.BAND_KEYS),
                lit(lsh).as(Columns.LSH));
    }

    /**
     * Shingles and signs documents: each one's set of hashed shingles, and the band keys of that set's MinHash
     * signature (MLlib's MinHashLSH hash functions, see {@link MinHash}; they depend on the seed alone, so
     * signatures made in different runs agree). Documents without a shingle have no signature.
     */
    private static Dataset<Row> sign(Dataset<Row> docs, LshBands bands, long seed) {
        MinHash minHash = new MinHash(bands.hashes(), seed);
        FlatMapFunction<Row, Row> toSignature = row -> {
            List<String> shingles = Shingles.of(Rows.nestedStrings(row, row.fieldIndex("sentences")), SHINGLE);
            if (shingles.isEmpty()) {
                return Collections.emptyIterator();
            }
            int[] set = Shingles.hashSet(shingles);
            long[] keys = bands.keys(minHash.signature(set));
            List<Long> boxed = new ArrayList<>(keys.length);
            for (long key : keys) {
                boxed.add(key);
            }
            return List.of(RowFactory.create(
                            row.getAs(Columns.DOC_ID),
                            row.getAs(Columns.CONTENT_SHA),
                            row.getAs(Columns.PUBLISHED),
                            set,
                            scala.jdk.javaapi.CollectionConverters.asScala(boxed)
                                    .toSeq(),
                            false))
                    .iterator();
        };
        return docs.select(Columns.DOC_ID, Columns.CONTENT_SHA, Columns.PUBLISHED, "sentences")
                .flatMap(toSignature, Encoders.row(SIGNATURES));
    }

    /** Adds the outlets that carried each copy: outlet (of doc_id) and duplicate_of_outlet (of duplicate_of). */
    public static Dataset<Row> withOutlets(Dataset<Row> duplicates, Dataset<Row> documents) {
        Dataset<Row> copy = documents.select(col(Columns.DOC_ID).as("copy_id"), col(Columns.OUTLET));
        Dataset<Row> first = documents.select(
                col(Columns.DOC_ID).as("first_id"), col(Columns.OUTLET).as(Columns.DUPLICATE_OF_OUTLET));
        return duplicates
                .join(copy, duplicates.col(Columns.DOC_ID).equalTo(copy.col("copy_id")), "left")
                .join(first, duplicates.col(Columns.DUPLICATE_OF).equalTo(first.col("first_id")), "left")
                .select(
                        Columns.DOC_ID,
                        Columns.DUPLICATE_OF,
                        Columns.SIMILARITY,
                        Columns.OUTLET,
                        Columns.DUPLICATE_OF_OUTLET);
    }

    private static int[] intArray(Row row, String field) {
        List<Integer> values = row.getList(row.fieldIndex(field));
        int[] array = new int[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
