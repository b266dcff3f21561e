package org.newslens.terms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.rewrite.ParquetRewriter;
import org.apache.parquet.hadoop.rewrite.RewriteOptions;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newslens.io.Columns;
import org.newslens.io.ParquetTables;
import org.newslens.io.TableStore;

/**
 * An append's doc_terms for the documents the output already holds: their rows keep doc_id, term and tf, and only
 * tf_idf changes, since idf moves with every document added. Written again through Spark, every value of every
 * column would be decoded and encoded; here each earlier file keeps its doc_id, term and tf column chunks byte for
 * byte and gets a new tf_idf column (Parquet's {@link ParquetRewriter} joins a file holding only that column, in the
 * same row order), computed from the file's term and tf columns as tf &times; idf, the same product as a full run's.
 */
final class TfIdfRewrite implements TableStore.FileRewrite {
    /** Side files start with an underscore, so that no reader takes them for part of the table. */
    private static final String SIDE_PREFIX = "_tf_idf-";

    /** The keyword candidates given back: (doc_id, term, tf_idf), as {@link TermsJob#candidates} gives them. */
    static final StructType CANDIDATES = new StructType()
            .add(Columns.DOC_ID, DataTypes.StringType)
            .add(Columns.TERM, DataTypes.StringType)
            .add(Columns.TF_IDF, DataTypes.DoubleType);

    private final Broadcast<Map<String, Double>> idf;
    private final int keywords;

    /**
     * @param idf the idf of every term in term_stats
     * @param keywords the keywords kept per document (doc_keywords' k)
     */
    TfIdfRewrite(Broadcast<Map<String, Double>> idf, int keywords) {
        this.idf = idf;
        this.keywords = keywords;
    }

    @Override
    public StructType givenSchema() {
        return CANDIDATES;
    }

    /** Gives back the {@link KeywordCandidates} of the file's documents, from their new tf_idf. */
    @Override
    public Iterator<Row> rewrite(Path from, Path to, Configuration conf) throws IOException {
        FileSystem fs = to.getFileSystem(conf);
        fs.delete(to, false); // a retried task starts over
        List<Path> columns = new ArrayList<>();
        List<Row> candidates = new ArrayList<>();
        try {
            writeTfIdf(from, to, conf, columns, candidates);
            if (columns.isEmpty()) { // a file without rows has no values to replace
                FileUtil.copy(from.getFileSystem(conf), from, fs, to, false, conf);
                return candidates.iterator();
            }
            RewriteOptions options = new RewriteOptions.Builder(conf, List.of(from), columns, to)
                    .overwriteInputWithJoinColumns(true)
                    .build();
            try (ParquetRewriter rewriter = new ParquetRewriter(options)) {
                rewriter.processBlocks();
            }
            return candidates.iterator();
        } finally {
            for (Path column : columns) {
                fs.delete(column, false);
            }
        }
    }

    /**
     * Writes the new tf_idf of each row group of {@code from} into a file of its own beside {@code to} (one row group
     * each, so the joined files' row groups line up with the earlier file's), adding each to {@code columns}, and
     * each document's keyword candidates to {@code candidates}.
     */
    private void writeTfIdf(Path from, Path to, Configuration conf, List<Path> columns, List<Row> candidates)
            throws IOException {
        try (ParquetFileReader reader = ParquetTables.open(from, conf)) {
            ParquetMetadata footer = reader.getFooter();
            MessageType schema = footer.getFileMetaData().getSchema();
            MessageType read = new MessageType(
                    schema.getName(),
                    schema.getType(Columns.DOC_ID),
                    schema.getType(Columns.TERM),
                    schema.getType(Columns.TF));
            MessageType written = new MessageType(schema.getName(), schema.getType(Columns.TF_IDF));
            CompressionCodecName codec = footer.getBlocks().isEmpty()
                    ? CompressionCodecName.SNAPPY
                    : footer.getBlocks().get(0).getColumns().get(0).getCodec();
            reader.setRequestedSchema(read);
            // the row groups the reader gives, in order (it passes over empty ones)
            List<BlockMetaData> rowGroups =
                    footer.getBlocks().stream().filter(b -> b.getRowCount() > 0).toList();
            for (PageReadStore rows = reader.readNextRowGroup(); rows != null; rows = reader.readNextRowGroup()) {
                BlockMetaData rowGroup = rowGroups.get(columns.size());
                Path column = new Path(to.getParent(), SIDE_PREFIX + to.getName() + "-" + columns.size());
                columns.add(column);
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(
                        rows, new NoConverter(), read, footer.getFileMetaData().getCreatedBy());
                ColumnReader docs = store.getColumnReader(descriptor(read, Columns.DOC_ID));
                ColumnReader terms = store.getColumnReader(descriptor(read, Columns.TERM));
                ColumnReader tfs = store.getColumnReader(descriptor(read, Columns.TF));
                TermIdf termIdf = new TermIdf(idf.value(), onlyDictionary(rowGroup, from));
                try (ParquetWriter<Double> out = new DoubleColumnWriter(column, written)
                        .withConf(conf)
                        .withCompressionCodec(codec)
                        .withRowGroupSize(oneRowGroup(rows.getRowCount()))
                        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                        .build()) {
                    Document document = new Document(candidates);
                    for (long i = 0, n = rows.getRowCount(); i < n; i++) {
                        checkPresent(docs, from);
                        checkPresent(terms, from);
                        checkPresent(tfs, from);
                        TermIdf.Term term = termIdf.of(terms, from);
                        double tfIdf = (double) tfs.getInteger() * term.idf();
                        out.write(tfIdf);
                        document.add(docs.getBinary(), term.text(), tfIdf);
                        docs.consume();
                        terms.consume();
                        tfs.consume();
                    }
                    document.end();
                }
            }
        }
    }

    /**
     * A row group size that holds the given doubles in one row group: about 8 bytes a value, doubled for the
     * writer's estimate, at least Parquet's usual 128 MB, in whole MB (HDFS takes it as the file's block size, which
     * must be a multiple of its checksum chunk).
     */
    static long oneRowGroup(long values) {
        long mb = 1L << 20;
        long bytes = Math.max(128 * mb, 16 * values);
        return (bytes + mb - 1) / mb * mb;
    }

    /** Whether every data page of the file's term column in this row group is dictionary encoded. */
    private static boolean onlyDictionary(BlockMetaData rowGroup, Path file) {
        for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
            if (chunk.getPath().toDotString().equals(Columns.TERM)) {
                EncodingStats stats = chunk.getEncodingStats();
                return stats != null && stats.hasDictionaryEncodedPages() && !stats.hasNonDictionaryEncodedPages();
            }
        }
        throw new IllegalStateException("terms: " + file + " has no column " + Columns.TERM);
    }

    /**
     * The text and idf of each row's term. A term column chunk whose pages are all dictionary encoded (the usual
     * case: a file holds some tens of thousands of distinct terms) has each distinct term decoded and looked up
     * once, by its dictionary number; otherwise every row's term is.
     */
    private static final class TermIdf {
        /** A term's text and idf. */
        record Term(String text, double idf) {}

        private final Map<String, Double> idf;
        private final boolean byDictionary;
        private Term[] byNumber = new Term[0];

        TermIdf(Map<String, Double> idf, boolean byDictionary) {
            this.idf = idf;
            this.byDictionary = byDictionary;
        }

        Term of(ColumnReader terms, Path file) {
            if (!byDictionary) {
                return lookUp(terms.getBinary(), file);
            }
            int number = terms.getCurrentValueDictionaryID();
            if (number >= byNumber.length) {
                byNumber = Arrays.copyOf(byNumber, Math.max(number + 1, 2 * byNumber.length));
            }
            if (byNumber[number] == null) {
                byNumber[number] = lookUp(terms.getBinary(), file);
            }
            return byNumber[number];
        }

        private Term lookUp(Binary bytes, Path file) {
            String term = bytes.toStringUsingUTF8();
            Double found = idf.get(term);
            if (found == null) {
                throw new IllegalStateException(
                        "terms: the document term '" + term + "' of " + file + " is not in term_stats");
            }
            return new Term(term, found);
        }
    }

    /**
     * The rows of the document being read, handed to {@link KeywordCandidates} when the next one starts (doc_terms
     * keeps a document's rows together; one that is not gives more candidates, and the ranking still finds its best).
     */
    private final class Document {
        private final List<Row> candidates;
        private final List<Row> rows = new ArrayList<>();
        private Binary id;
        private String idText;

        Document(List<Row> candidates) {
            this.candidates = candidates;
        }

        void add(Binary docId, String term, double tfIdf) {
            if (id == null || !id.equals(docId)) {
                end();
                id = docId.copy();
                idText = docId.toStringUsingUTF8();
            }
            rows.add(RowFactory.create(idText, term, tfIdf));
        }

        void end() {
            if (!rows.isEmpty()) {
                new KeywordCandidates(rows.iterator(), keywords, 0, 1, 2).forEachRemaining(candidates::add);
                rows.clear();
            }
        }
    }

    private static ColumnDescriptor descriptor(MessageType schema, String column) {
        return schema.getColumnDescription(new String[] {column});
    }

    private static void checkPresent(ColumnReader column, Path file) {
        if (column.getCurrentDefinitionLevel() < column.getDescriptor().getMaxDefinitionLevel()) {
            throw new IllegalStateException("terms: a doc_terms row of " + file + " has no "
                    + column.getDescriptor().getPath()[0]);
        }
    }

    /**
     * The column readers are read directly; no record is assembled. Taking dictionaries lets a reader give each
     * value's dictionary number.
     */
    private static final class NoConverter extends GroupConverter {
        @Override
        public Converter getConverter(int fieldIndex) {
            return new PrimitiveConverter() {
                @Override
                public boolean hasDictionarySupport() {
                    return true;
                }

                @Override
                public void setDictionary(Dictionary dictionary) {}
            };
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }

    /** Writes files of one double column. */
    private static final class DoubleColumnWriter extends ParquetWriter.Builder<Double, DoubleColumnWriter> {
        private final MessageType schema;

        DoubleColumnWriter(Path file, MessageType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected DoubleColumnWriter self() {
            return this;
        }

        @Override
        protected WriteSupport<Double> getWriteSupport(Configuration conf) {
            Type field = schema.getType(0);
            return new WriteSupport<>() {
                private RecordConsumer consumer;

                @Override
                public WriteContext init(Configuration configuration) {
                    return new WriteContext(schema, Map.of());
                }

                @Override
                public void prepareForWrite(RecordConsumer recordConsumer) {
                    consumer = recordConsumer;
                }

                @Override
                public void write(Double value) {
                    consumer.startMessage();
                    consumer.startField(field.getName(), 0);
                    consumer.addDouble(value);
                    consumer.endField(field.getName(), 0);
                    consumer.endMessage();
                }
            };
        }
    }
}
