package dev.jangteo.system;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape every refusal has: an RFC 9457 problem with the stable code. */
final class Problems {

    private Problems() {
    }

    static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }
}
