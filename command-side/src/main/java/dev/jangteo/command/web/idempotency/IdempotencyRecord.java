package dev.jangteo.command.web.idempotency;

/** A key's row: its request fingerprint, and the response once there is one (null while in flight). */
record IdempotencyRecord(String fingerprint, StoredResponse response) {

    boolean inFlight() {
        return response == null;
    }
}
