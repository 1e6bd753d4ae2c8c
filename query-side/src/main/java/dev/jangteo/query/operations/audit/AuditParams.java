package dev.jangteo.query.operations.audit;

import dev.jangteo.platform.web.ApiException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The audit API's query parameters, checked before they reach a query: a malformed one is 400 VALIDATION_FAILED. */
final class AuditParams {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private AuditParams() {
    }

    /** An ISO-8601 instant such as {@code 2026-11-21T10:15:30Z}, or null when absent. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name + " must be an ISO-8601 instant such as 2026-11-21T10:15:30Z, not '"
                                               + value + "'");
        }
    }

    /** A whole number of at least 0 (a position or a version), or null when absent. */
    static Long number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name + " must be a whole number, not '" + value + "'");
        }
        if (number < 0) {
            throw ApiException.invalid(name + " must be 0 or more");
        }
        return number;
    }

    static int limit(String value) {
        Long limit = number("limit", value);
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit.intValue();
    }

    static void requireOrdered(String fromName, Comparable<?> from, String toName, Comparable<?> to) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean reversed = from != null && to != null && ((Comparable) from).compareTo(to) > 0;
        if (reversed) {
            throw ApiException.invalid(toName + " must not be before " + fromName);
        }
    }
}
