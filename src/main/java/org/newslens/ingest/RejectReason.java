package org.newslens.ingest;

/**
 * Why an input did not become a document (or, for {@link #TRUNCATED}, became one only in part). The code is
 * what the {@code rejects.reason} column holds; {@link #meaning()} is its documentation.
 */
public enum RejectReason {
    EMPTY_FILE("empty_file", "the file (after decompression) has 0 bytes, or a CSV/JSON/Parquet file has no records"),
    BLANK_TEXT("blank_text", "the text is whitespace only, or nothing is left after removing boilerplate"),
    NOT_TEXT("not_text", "binary content: NUL bytes or many control characters (e.g. an image renamed .txt)"),
    UNDECODABLE("undecodable", "not valid UTF-8 (or UTF-16 with a byte-order mark)"),
    UNREADABLE(
            "unreadable",
            "an I/O error while listing or reading (permission, vanished file, corrupt gzip or "
                    + "Parquet, also in the middle of a file: the records read before the damage are kept)"),
    MALFORMED_JSON("malformed_json", "a JSON line that does not parse as an object"),
    MALFORMED_CSV("malformed_csv", "a CSV row that does not fit the header"),
    NO_TEXT_COLUMN(
            "no_text_column", "a CSV file without a text/body/content column, or a JSON record without such a field"),
    WRONG_SCHEMA("wrong_schema", "a Parquet file without a string column text/body/content"),
    AMBIGUOUS_COLUMN(
            "ambiguous_column",
            "two columns (CSV, Parquet) or keys (JSON) whose names differ only in case, "
                    + "e.g. text and TEXT: which one is meant cannot be told"),
    TEXT_NOT_A_STRING(
            "text_not_a_string", "a JSON record whose text/body/content is a number, boolean, array or object"),
    RECORD_TOO_LARGE("record_too_large", "a JSON line, CSV field or Parquet value longer than ingest.max-record-bytes"),
    TOO_DEEPLY_NESTED("too_deeply_nested", "a JSON line nested deeper than ingest.max-json-depth"),
    NOT_A_REGULAR_FILE("not_a_regular_file", "a named pipe (FIFO), socket or device in the input: never opened"),
    DANGLING_LINK("dangling_link", "a symbolic link whose target does not exist"),
    LINK_LOOP("link_loop", "a symbolic link that leads back to itself or to a folder already listed"),
    UNSUPPORTED_FORMAT(
            "unsupported_format", "a file whose extension is not .txt .md .jsonl .ndjson .json .csv .parquet (+ .gz)"),
    DUPLICATE_RECORD(
            "duplicate_record", "a record identical (same key, title and text) to an earlier one in the same file"),
    TRUNCATED(
            "truncated",
            "a warning, not a drop: the text was longer than --ingest.max-chars and the document "
                    + "was KEPT, cut at a paragraph or sentence boundary");

    private final String code;
    private final String meaning;

    RejectReason(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
