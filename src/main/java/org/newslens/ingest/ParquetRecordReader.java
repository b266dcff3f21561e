package org.newslens.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Row;

/**
 * The rows of one Parquet file, read with parquet-hadoop row group by row group, only the record columns
 * (case-insensitive names; see {@link RecordColumns}). Page checksums are verified, so a damaged page ends the
 * file with an {@code unreadable} reject instead of garbage or a failed task. String values are decoded
 * strictly as UTF-8 (an invalid one is an {@code undecodable} reject of its row, never replaced), and a value
 * longer than ingest.max-record-bytes is a {@code record_too_large} reject of its row. Dates (DATE, INT64
 * timestamps, Spark's INT96 timestamps) become ISO strings; other scalars their usual spelling.
 */
final class ParquetRecordReader extends RecordIterator {
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    private final Configuration conf;
    private final int maxRecordBytes;
    private ParquetFileReader reader;
    private MessageType projection;
    private int[] slots;
    private RecordReader<Group> rows;
    private long rowsLeftInGroup;
    private long row;
    private long totalRows;

    ParquetRecordReader(InputFile file, Configuration conf, int maxRecordBytes) {
        super(file, "parquet");
        this.conf = conf;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    protected Row readNext() throws IOException {
        if (reader == null) {
            Row rejected = open();
            if (rejected != null) {
                return rejected;
            }
        }
        while (rowsLeftInGroup == 0) {
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                return null;
            }
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(projection);
            rows = io.getRecordReader(pages, new GroupRecordConverter(projection));
            rowsLeftInGroup = pages.getRowCount();
        }
        Group group = rows.read();
        rowsLeftInGroup--;
        row++;
        RecordColumns.Values values = new RecordColumns.Values();
        for (int i = 0; i < slots.length; i++) {
            if (group.getFieldRepetitionCount(i) == 0) {
                continue;
            }
            PrimitiveType type = projection.getType(i).asPrimitiveType();
            if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY) {
                Binary binary = group.getBinary(i, 0);
                if (binary.length() > maxRecordBytes) {
                    return RawRows.reject(
                            file,
                            format,
                            RejectReason.RECORD_TOO_LARGE,
                            "column '" + type.getName()
                                    + "' of row " + row + " holds " + binary.length()
                                    + " bytes, more than ingest.max-record-bytes "
                                    + maxRecordBytes);
                }
                try {
                    values.set(slots[i], TextDecoder.strictUtf8(binary.getBytes()));
                } catch (CharacterCodingException e) {
                    return RawRows.reject(
                            file,
                            format,
                            RejectReason.UNDECODABLE,
                            "column '" + type.getName() + "' of row " + row
                                    + " is not valid UTF-8 (strict decoder, nothing replaced)");
                }
            } else {
                values.set(slots[i], scalar(group, i, type));
            }
        }
        return RawRows.record(file, format, values);
    }

    /** Opens the file and checks its schema; a reject for the whole file when the schema does not do. */
    private Row open() throws IOException {
        reader = ParquetFileReader.open(
                InputStreams.parquet(file.uri(), file.length(), conf),
                HadoopReadOptions.builder(conf)
                        .usePageChecksumVerification(true)
                        .build());
        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
        totalRows = reader.getRecordCount();
        String flat = schema.toString().replaceAll("\\s+", " ").strip();
        List<String> names = schema.getFields().stream().map(Type::getName).toList();
        String ambiguity = RecordColumns.ambiguity(names);
        if (ambiguity != null) {
            return rejectRest(
                    RejectReason.AMBIGUOUS_COLUMN,
                    "columns " + ambiguity + " name the same field (names match case-insensitively); schema: " + flat);
        }
        List<Type> read = new ArrayList<>();
        List<Integer> readSlots = new ArrayList<>();
        boolean hasText = false;
        for (Type field : schema.getFields()) {
            int slot = RecordColumns.slot(field.getName());
            boolean scalar = field.isPrimitive() && field.getRepetition() != Type.Repetition.REPEATED;
            if (RecordColumns.isText(slot)) {
                if (!scalar
                        || field.asPrimitiveType().getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.BINARY) {
                    return rejectRest(
                            RejectReason.WRONG_SCHEMA,
                            "column '" + field.getName() + "' is not a string column; schema: " + flat);
                }
                hasText = true;
            }
            if (slot >= 0 && scalar) {
                read.add(field);
                readSlots.add(slot);
            }
        }
        if (!hasText) {
            return rejectRest(RejectReason.WRONG_SCHEMA, "no string column text, body or content; schema: " + flat);
        }
        projection = new MessageType(schema.getName(), read);
        slots = readSlots.stream().mapToInt(Integer::intValue).toArray();
        reader.setRequestedSchema(projection);
        return null;
    }

    private static String scalar(Group group, int i, PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case INT32:
                if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return LocalDate.ofEpochDay(group.getInteger(i, 0)).toString();
                }
                break;
            case INT64:
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
                    long value = group.getLong(i, 0);
                    Instant instant = switch (timestamp.getUnit()) {
                        case MILLIS -> Instant.ofEpochMilli(value);
                        case MICROS ->
                            Instant.ofEpochSecond(
                                    Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
                        case NANOS ->
                            Instant.ofEpochSecond(
                                    Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
                    };
                    return instant.toString();
                }
                break;
            case INT96:
                ByteBuffer bytes = group.getInt96(i, 0).toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                long nanosOfDay = bytes.getLong();
                long epochDay = bytes.getInt() - JULIAN_DAY_OF_EPOCH;
                return LocalDate.ofEpochDay(epochDay)
                        .atStartOfDay()
                        .plusNanos(nanosOfDay)
                        .toString();
            default:
                break;
        }
        return group.getValueToString(i, 0);
    }

    @Override
    protected String position() {
        return "row " + (row + 1) + " of " + totalRows;
    }

    @Override
    protected void close() {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // reading is over either way
        }
    }
}
