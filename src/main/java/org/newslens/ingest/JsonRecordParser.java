package org.newslens.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;

/**
 * One JSON line to a record's values, or the reason it is not one. Streams through the line with Jackson
 * (no tree is built) under {@link StreamReadConstraints}: nesting depth and string length are bounded, so a
 * hostile line costs time linear in its length. Keys match case-insensitively ({@link RecordColumns}); a text
 * that is not a string is rejected rather than turned into one; other values that are objects or arrays are
 * ignored, numbers and booleans are read as their JSON spelling.
 */
final class JsonRecordParser {
    private final JsonFactory factory;
    private final int maxDepth;

    JsonRecordParser(int maxDepth, int maxStringLength) {
        this.maxDepth = maxDepth;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxStringLength)
                        .build())
                .build();
    }

    /** The outcome for one line: values, or a reject reason with a detail. */
    record Result(RecordColumns.Values values, RejectReason reject, String detail) {
        static Result rejected(RejectReason reason, String detail) {
            return new Result(null, reason, detail);
        }
    }

    Result parse(String line) {
        try (JsonParser parser = factory.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Result.rejected(RejectReason.MALFORMED_JSON, "line is not a JSON object: " + prefix(line));
            }
            RecordColumns.Values values = new RecordColumns.Values();
            String[] seen = new String[RecordColumns.NAMES.size()];
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int slot = RecordColumns.slot(name);
                if (slot < 0) {
                    parser.skipChildren();
                    continue;
                }
                if (seen[slot] != null) {
                    return Result.rejected(
                            RejectReason.AMBIGUOUS_COLUMN,
                            "keys '" + seen[slot] + "' and '" + name
                                    + "' name the same field (names match case-insensitively)");
                }
                seen[slot] = name;
                if (value == JsonToken.VALUE_STRING) {
                    values.set(slot, parser.getText());
                } else if (value == JsonToken.VALUE_NULL) {
                    continue;
                } else if (RecordColumns.isText(slot)) {
                    return Result.rejected(
                            RejectReason.TEXT_NOT_A_STRING,
                            "'" + name + "' is a " + describe(value) + ", not a string");
                } else if (value.isScalarValue()) {
                    values.set(slot, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                return Result.rejected(
                        RejectReason.MALFORMED_JSON, "unexpected " + token + " in the object: " + prefix(line));
            }
            if (parser.nextToken() != null) {
                return Result.rejected(RejectReason.MALFORMED_JSON, "more after the JSON object: " + prefix(line));
            }
            if (values.text() == null) {
                return Result.rejected(RejectReason.NO_TEXT_COLUMN, "record has no text, body or content field");
            }
            return new Result(values, null, null);
        } catch (StreamConstraintsException e) {
            boolean depth = e.getMessage() != null
                    && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("depth");
            return depth
                    ? Result.rejected(
                            RejectReason.TOO_DEEPLY_NESTED,
                            "nested deeper than ingest.max-json-depth " + maxDepth + ": " + e.getOriginalMessage())
                    : Result.rejected(RejectReason.RECORD_TOO_LARGE, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return Result.rejected(
                    RejectReason.MALFORMED_JSON,
                    "line is not a JSON object: " + e.getOriginalMessage() + "; line starts: " + prefix(line));
        } catch (IOException e) {
            return Result.rejected(RejectReason.MALFORMED_JSON, "line is not a JSON object: " + e);
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "JSON object";
            case START_ARRAY -> "JSON array";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            default -> token.toString();
        };
    }

    private static String prefix(String line) {
        return line.length() <= 120 ? line : line.substring(0, 120) + "...";
    }
}
