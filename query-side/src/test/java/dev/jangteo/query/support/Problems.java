package dev.jangteo.query.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error is problem+json with a stable code, and as type the code's page ({@code ApiDocumentIT} reads them). */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(Http.Response response, int status, String code, String because) {
        assertThat(response.status()).as(because).isEqualTo(status);
        assertThat(response.contentType()).as(because).startsWith("application/problem+json");
        assertThat(response.code()).as(because).isEqualTo(code);
        assertThat(response.body().path("type").asText()).as(because).isEqualTo("/problems/" + code);
    }

    public static void assertProblem(Http.Response response, int status, String code) {
        assertProblem(response, status, code, code);
    }
}
