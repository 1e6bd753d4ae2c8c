package dev.jangteo.command.web.idempotency;

/** The first answer under a key: what is replayed, byte for byte, with the headers that matter. */
record StoredResponse(int status, String contentType, String location, String consistencyToken, byte[] body) {
}
