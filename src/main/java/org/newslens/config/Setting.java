package org.newslens.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One documented setting: a key, a default, a description, the values it allows (in words) and a parser that
 * rejects bad values. Jobs declare their settings as constants; {@code org.newslens.SettingsRegistry} lists them
 * for {@code --help} and the settings reference page.
 */
public final class Setting<T> {
    private final String key;
    private final T defaultValue;
    private final String description;
    private final String allowed;
    private final Function<String, T> parser;

    private Setting(String key, T defaultValue, String description, String allowed, Function<String, T> parser) {
        this.key = Objects.requireNonNull(key);
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description);
        this.allowed = allowed;
        this.parser = Objects.requireNonNull(parser);
    }

    public static Setting<String> string(String key, String defaultValue, String description) {
        return new Setting<>(key, defaultValue, description, null, raw -> raw);
    }

    /** The same setting, documenting the values it allows ("auto, or a whole number from 1"). */
    public Setting<T> allowing(String allowedValues) {
        return new Setting<>(key, defaultValue, description, Objects.requireNonNull(allowedValues), parser);
    }

    /** A string that {@code check} accepts; {@code check} throws IllegalArgumentException saying what it expected. */
    public static Setting<String> checked(
            String key, String defaultValue, String description, java.util.function.Consumer<String> check) {
        return new Setting<>(key, defaultValue, description, null, raw -> {
            check.accept(raw.trim());
            return raw.trim();
        });
    }

    public static Setting<Boolean> bool(String key, boolean defaultValue, String description) {
        return new Setting<>(key, defaultValue, description, "true or false", raw -> switch (raw.toLowerCase()) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        });
    }

    /** An integer in [min, max]. */
    public static Setting<Integer> integer(String key, int defaultValue, int min, int max, String description) {
        String allowed =
                max == Integer.MAX_VALUE ? "a whole number from " + min : "a whole number from " + min + " to " + max;
        return new Setting<>(key, defaultValue, description, allowed, raw -> {
            int value;
            try {
                value = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("expected a number from " + min + " to " + max);
            }
            return value;
        });
    }

    /** A decimal number in [min, max]. */
    public static Setting<Double> decimal(String key, double defaultValue, double min, double max, String description) {
        String allowed = "a number from " + plain(min) + " to " + plain(max);
        return new Setting<>(key, defaultValue, description, allowed, raw -> {
            double value;
            try {
                value = Double.parseDouble(raw.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number");
            }
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException("expected a number from " + min + " to " + max);
            }
            return value;
        });
    }

    /** One of a fixed set of lower-case words. */
    public static Setting<String> choice(String key, String defaultValue, List<String> allowed, String description) {
        return new Setting<>(key, defaultValue, description, "one of " + String.join(", ", allowed), raw -> {
            String value = raw.trim().toLowerCase();
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException("expected one of " + String.join(", ", allowed));
            }
            return value;
        });
    }

    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The values it allows, in words ("one of skip, fail", "a whole number from 1 to 100"); empty for free text. */
    public Optional<String> allowed() {
        return Optional.ofNullable(allowed);
    }

    /** A bound as people write it: 1 rather than 1.0. */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Parses a raw command-line value, naming the key and the allowed values when it is wrong. */
    public T parse(String raw) {
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("Setting --" + key + " has value '" + raw + "': " + e.getMessage());
        }
    }
}
