package org.newslens.config;

/** A setting or argument that makes no sense; the run stops before any output is touched. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
