package dev.jangteo.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * One answer of an app: its status, headers and JSON body (a null node when there is none), and the {@code uri} that
 * was asked, against which a problem's relative {@code type} resolves.
 */
public record Answer(int status, HttpHeaders headers, JsonNode body, URI uri) {

    /** The {@code Content-Type} header, or null when there is none. */
    public String contentType() {
        return header("Content-Type");
    }

    /** The stable {@code code} of a problem answer, or null when the body has none. */
    public String code() {
        return body.path("code").asText(null);
    }

    /** The first value of header {@code name}, or null when the answer has none. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
