package org.newslens.ingest.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes: SHA-256 for ids and content checksums, a fast 64-bit hash for line keys. */
public final class Hashes {
    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashes() {}

    /** SHA-256 of the UTF-8 bytes, as 64 lower-case hex digits. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A document id: the first 128 bits (32 hex digits) of SHA-256 over the input-relative path, the record
     * key and the raw content, separated by NUL. Nothing in it depends on listing order or partitioning.
     */
    public static String docId(String relativePath, String recordKey, String content) {
        MessageDigest digest = sha256();
        digest.update(relativePath.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update((recordKey == null ? "" : recordKey).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    /** FNV-1a over the chars: a cheap 64-bit key for counting repeated lines across a corpus. */
    public static long lineKey(String normalizedLine) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < normalizedLine.length(); i++) {
            hash = fnvStep(hash, normalizedLine.charAt(i));
        }
        return hash;
    }

    /** One FNV-1a step over a UTF-16 char (both bytes). */
    static long fnvStep(long hash, char c) {
        hash = (hash ^ (c & 0xff)) * FNV_PRIME;
        return (hash ^ (c >>> 8)) * FNV_PRIME;
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
