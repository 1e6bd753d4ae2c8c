package dev.jangteo.api.coupon;

import dev.jangteo.api.Require;

import java.time.Instant;

/**
 * One user's claim on a coupon, stamped with the moment the server received it: validity windows are judged against
 * that moment, so a request that arrived in time is not refused because it waited in a batch.
 */
public record IssueRequest(String userId, Instant requestedAt) {

    public static final int MAX_USER_ID_LENGTH = 64;

    public IssueRequest {
        Require.id(userId, "userId");
        Require.present(requestedAt, "requestedAt");
    }
}
