package dev.jangteo.system;

import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.Problems;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal as the test kit's {@link Problems} checks it, and then what only a test against the running apps can
 * check: its type is a page on the app that answered, which describes that code with that status.
 */
final class ProblemPages {

    private ProblemPages() {
    }

    static void assertProblem(Answer answer, int status, String code) {
        Problems.assertProblem(answer, status, code);
        String type = Problems.typeOf(code);
        Answer described = Http.get(answer.uri().resolve(type), null);
        assertThat(described.status()).as("%s: %s", type, described.body()).isEqualTo(200);
        assertThat(described.body().path("code").asText()).isEqualTo(code);
        assertThat(described.body().path("status").asInt()).isEqualTo(status);
    }
}
