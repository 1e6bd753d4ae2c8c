package dev.jangteo.query.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error is problem+json with a stable code. */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(Http.Response response, int status, String code, String because) {
        assertThat(response.status()).as(because).isEqualTo(status);
        assertThat(response.contentType()).as(because).startsWith("application/problem+json");
        assertThat(response.code()).as(because).isEqualTo(code);
    }

    public static void assertProblem(Http.Response response, int status, String code) {
        assertProblem(response, status, code, code);
    }
}
