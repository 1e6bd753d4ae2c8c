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

    public static String id(String value, String field) {
        return text(value, field, MAX_ID_LENGTH);
    }

    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
        }
        return value;
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
