package org.newslens.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text, or says why not. Binary content (NUL bytes, or more than 1% control
 * characters in the first 8 KB) is {@code not_text}; bytes that are not valid UTF-8 are {@code undecodable}
 * (strict decoding, nothing replaced); a UTF-16 byte-order mark selects UTF-16. A leading UTF-8 BOM is dropped.
 */
public final class TextDecoder {
    private static final int SNIFF_BYTES = 8192;
    private static final double MAX_CONTROL_SHARE = 0.01;

    private TextDecoder() {}

    /**
     * @param bytes     the bytes read (possibly only a prefix of the file)
     * @param length    how many of {@code bytes} are valid
     * @param cutShort  true when the read stopped at a size limit, so a multi-byte character may be cut at the end
     */
    public static DecodedText decode(byte[] bytes, int length, boolean cutShort) {
        if (length == 0) {
            return DecodedText.rejected(RejectReason.EMPTY_FILE, "0 bytes");
        }
        Charset charset = StandardCharsets.UTF_8;
        int start = 0;
        if (startsWith(bytes, length, 0xEF, 0xBB, 0xBF)) {
            start = 3;
        } else if (startsWith(bytes, length, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            start = 2;
        } else if (startsWith(bytes, length, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            start = 2;
        }
        if (charset == StandardCharsets.UTF_8) {
            String binary = binaryEvidence(bytes, start, length);
            if (binary != null) {
                return DecodedText.rejected(RejectReason.NOT_TEXT, binary);
            }
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) (length - start) + 16));
        CoderResult result = decoder.decode(in, out, !cutShort);
        if (result.isError()) {
            return DecodedText.rejected(
                    RejectReason.UNDECODABLE,
                    "invalid " + charset.name() + " at byte " + in.position() + " of " + length + ": "
                            + hex(bytes, in.position(), length));
        }
        if (!cutShort) {
            result = decoder.flush(out);
            if (result.isError()) {
                return DecodedText.rejected(
                        RejectReason.UNDECODABLE, "incomplete " + charset.name() + " sequence at the end");
            }
        }
        out.flip();
        String text = out.toString();
        if (text.isBlank()) {
            return DecodedText.rejected(RejectReason.BLANK_TEXT, "whitespace only (" + length + " bytes)");
        }
        return DecodedText.ok(text);
    }

    /** Strict UTF-8 decoding of a whole byte array; throws on invalid input. */
    public static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** A short reason when the first bytes look binary, else null. */
    static String binaryEvidence(byte[] bytes, int start, int length) {
        int end = Math.min(length, start + SNIFF_BYTES);
        int control = 0;
        for (int i = start; i < end; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return "binary content: NUL byte at offset " + i;
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
                control++;
            }
        }
        int sniffed = end - start;
        if (sniffed > 0 && control > Math.max(2, sniffed * MAX_CONTROL_SHARE)) {
            return "binary content: " + control + " control bytes in the first " + sniffed;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte[] bytes, int from, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < Math.min(length, from + 4); i++) {
            out.append(String.format("%02x ", bytes[i] & 0xff));
        }
        return out.toString().trim();
    }
}
