package dev.jangteo.platform.web;

import java.util.function.Supplier;

/**
 * Builds a message whose compact constructor validates its input, turning a refusal into 400
 * {@code VALIDATION_FAILED}. Scoped to message construction so that an IllegalArgumentException from a bug elsewhere
 * still shows as the server error it is.
 */
public final class Validated {

    private Validated() {
    }

    public static <T> T of(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }
}
