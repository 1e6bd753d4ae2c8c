package dev.jangteo.testkit;

/**
 * The shape every refusal of the apps has: an RFC 9457 problem ({@code application/problem+json}) with a stable
 * {@code code}, whose {@code type} is the code's page on the app that answered. Failures are plain
 * {@link AssertionError}s that show the body, so that the benchmarks could use this without a test library.
 */
public final class Problems {

    private static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    public static void assertProblem(Answer answer, int status, String code) {
        assertProblem(answer, status, code, null);
    }

    /** As {@link #assertProblem(Answer, int, String)}, with {@code because} (the input refused) leading a failure. */
    public static void assertProblem(Answer answer, int status, String code, String because) {
        String type = answer.body().path("type").asText(null);
        String contentType = answer.contentType();
        if (answer.status() != status) {
            fail(because, "status " + status, String.valueOf(answer.status()), answer);
        }
        if (contentType == null || !contentType.startsWith(PROBLEM_JSON)) {
            fail(because, "content type " + PROBLEM_JSON, contentType, answer);
        }
        if (!code.equals(answer.code())) {
            fail(because, "code " + code, answer.code(), answer);
        }
        if (!typeOf(code).equals(type)) {
            fail(because, "type " + typeOf(code), type, answer);
        }
    }

    /** The type of a problem with {@code code}: its page, as a path on the app that answered. */
    public static String typeOf(String code) {
        return "/problems/" + code;
    }

    private static void fail(String because, String expected, String actual, Answer answer) {
        throw new AssertionError((because == null ? "" : "[" + because + "] ") + "expected " + expected
                                         + " but was " + actual + ": " + answer.body());
    }
}
