package org.newslens.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Builds {@link ParquetTables#scan}'s row maps straight from Parquet's column readers: a row is a map from column
 * name to a plain Java value (String, Integer, Long, Double, Boolean, LocalDate, List for a LIST, Map for another
 * group; null when absent). Going through parquet's example {@code Group} first made two copies of every value
 * and decoded every string again; here a dictionary-encoded string column (ids, names, types) decodes each
 * dictionary entry once per page dictionary.
 */
final class MapRecords extends RecordMaterializer<Map<String, Object>> {
    private final StructConverter root;
    private Map<String, Object> current;

    MapRecords(MessageType schema) {
        this.root = new StructConverter(schema, row -> current = asRow(row));
    }

    @Override
    public Map<String, Object> getCurrentRecord() {
        return current;
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asRow(Object row) {
        return (Map<String, Object>) row;
    }

    private static Converter converterOf(Type type, Consumer<Object> sink) {
        if (type.isPrimitive()) {
            return new ValueConverter(type.asPrimitiveType(), sink);
        }
        GroupType group = type.asGroupType();
        if (group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
            throw new IllegalStateException("MAP columns are not part of the NewsLens tables: " + type.getName());
        }
        if (group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            return new ListConverter(group, sink);
        }
        return new StructConverter(group, sink);
    }

    /** A group as a map of its fields, every field there (null until a value comes). */
    private static final class StructConverter extends GroupConverter {
        private final String[] names;
        private final Converter[] fields;
        private final Consumer<Object> sink;
        private Map<String, Object> row;

        StructConverter(GroupType type, Consumer<Object> sink) {
            this.sink = sink;
            this.names = new String[type.getFieldCount()];
            this.fields = new Converter[names.length];
            for (int i = 0; i < names.length; i++) {
                String name = type.getType(i).getName();
                names[i] = name;
                fields[i] = converterOf(type.getType(i), value -> row.put(name, value));
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return fields[fieldIndex];
        }

        @Override
        public void start() {
            row = new LinkedHashMap<>();
            for (String name : names) {
                row.put(name, null);
            }
        }

        @Override
        public void end() {
            sink.accept(row);
        }
    }

    /**
     * A LIST group: {@code repeated group list { element }} (the standard three-level form Spark writes, an absent
     * element being a null in the list) or a repeated element directly (the legacy two-level form).
     */
    private static final class ListConverter extends GroupConverter {
        private final Converter repeated;
        private final Consumer<Object> sink;
        private List<Object> values;

        ListConverter(GroupType type, Consumer<Object> sink) {
            this.sink = sink;
            Type repeatedType = type.getType(0);
            boolean threeLevel = !repeatedType.isPrimitive()
                    && repeatedType.asGroupType().getFieldCount() == 1
                    && !repeatedType.getName().equals("array");
            this.repeated = threeLevel
                    ? new ElementConverter(repeatedType.asGroupType().getType(0), value -> values.add(value))
                    : converterOf(repeatedType, value -> values.add(value));
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return repeated;
        }

        @Override
        public void start() {
            values = new ArrayList<>();
        }

        @Override
        public void end() {
            sink.accept(values);
        }
    }

    /** The wrapper group of one list element: adds the element, or null when it is absent. */
    private static final class ElementConverter extends GroupConverter {
        private final Converter element;
        private final Consumer<Object> sink;
        private Object value;

        ElementConverter(Type elementType, Consumer<Object> sink) {
            this.sink = sink;
            this.element = converterOf(elementType, v -> value = v);
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return element;
        }

        @Override
        public void start() {
            value = null;
        }

        @Override
        public void end() {
            sink.accept(value);
        }
    }

    /** A primitive value as its plain Java value; strings of a dictionary page are decoded once each. */
    private static final class ValueConverter extends PrimitiveConverter {
        private final Consumer<Object> sink;
        private final boolean date;
        private final boolean text;
        private Object[] dictionary;

        ValueConverter(PrimitiveType type, Consumer<Object> sink) {
            if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
                throw new IllegalStateException(
                        "INT96 timestamps are not part of the NewsLens tables: " + type.getName());
            }
            this.sink = sink;
            this.date = type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation;
            this.text = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY
                    || type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
        }

        @Override
        public boolean hasDictionarySupport() {
            return text;
        }

        @Override
        public void setDictionary(Dictionary pageDictionary) {
            dictionary = new Object[pageDictionary.getMaxId() + 1];
            for (int id = 0; id < dictionary.length; id++) {
                dictionary[id] = pageDictionary.decodeToBinary(id).toStringUsingUTF8();
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            sink.accept(dictionary[dictionaryId]);
        }

        @Override
        public void addBinary(Binary value) {
            sink.accept(value.toStringUsingUTF8());
        }

        @Override
        public void addInt(int value) {
            sink.accept(date ? LocalDate.ofEpochDay(value) : Integer.valueOf(value));
        }

        @Override
        public void addLong(long value) {
            sink.accept(value);
        }

        @Override
        public void addDouble(double value) {
            sink.accept(value);
        }

        @Override
        public void addFloat(float value) {
            sink.accept((double) value);
        }

        @Override
        public void addBoolean(boolean value) {
            sink.accept(value);
        }
    }
}
