package org.newslens.ingest;

/** The outcome of decoding one file: either text or a reject reason with a detail. */
public record DecodedText(String text, RejectReason reject, String detail) {
    static DecodedText ok(String text) {
        return new DecodedText(text, null, null);
    }

    static DecodedText rejected(RejectReason reason, String detail) {
        return new DecodedText(null, reason, detail);
    }

    public boolean isRejected() {
        return reject != null;
    }
}
