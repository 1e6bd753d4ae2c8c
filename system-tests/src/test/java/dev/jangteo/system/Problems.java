package dev.jangteo.system;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape every refusal has: an RFC 9457 problem with the stable code, whose type is the code's page on the app that
 * answered, which describes that code.
 */
final class Problems {

    private Problems() {
    }

    static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.body().path("type").asText()).as("%s", response.body()).isEqualTo(typeOf(code));
        Http.Response described = Http.get(response.uri().resolve(typeOf(code)), null);
        assertThat(described.status()).as("%s: %s", typeOf(code), described.body()).isEqualTo(200);
        assertThat(described.body().path("code").asText()).isEqualTo(code);
        assertThat(described.body().path("status").asInt()).isEqualTo(status);
    }

    /** The type of a problem with {@code code}: its page, as a path on the app that answered. */
    static String typeOf(String code) {
        return "/problems/" + code;
    }
}
