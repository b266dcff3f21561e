package org.newslens.ingest;

import java.io.Serializable;

/** One listed input file: its full URI, its path relative to the input root (used in doc ids), size and kind. */
public record InputFile(String uri, String relativePath, long length, FileKind kind) implements Serializable {}
