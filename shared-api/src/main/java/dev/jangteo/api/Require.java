package dev.jangteo.api;

import java.util.Collection;

/**
 * Guards for compact constructors. A failed guard throws {@link IllegalArgumentException}, which both apps answer
 * with 400 {@code VALIDATION_FAILED}.
 */
public final class Require {

    /** Room for a UUID and for readable ids chosen by clients; every id column is at most this long. */
    public static final int MAX_ID_LENGTH = 64;

    private Require() {
    }

    /** A text, and no line breaks, tabs or bidirectional controls: ids end up in paths, keys and log lines. */
    public static String id(String value, String field) {
        text(value, field, MAX_ID_LENGTH);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c)) {
                throw new IllegalArgumentException(field + " must not contain control characters");
            }
        }
        return value;
    }

    /**
     * Not blank, at most {@code maxLength} UTF-16 units, and well-formed: no control characters other than tab and
     * line breaks (a NUL cannot be stored in a PostgreSQL text column) and no lone surrogate (no UTF-8 encodes it,
     * so it could not be written to the event store as JSON).
     */
    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new IllegalArgumentException(field + " must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " must be well-formed Unicode (a lone surrogate)");
            }
        }
        return value;
    }

    private static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F';
    }

    public static long positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive");
        }
        return value;
    }

    public static long between(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max);
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static <C extends Collection<?>> C notEmpty(C values, String field) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return values;
    }
}
