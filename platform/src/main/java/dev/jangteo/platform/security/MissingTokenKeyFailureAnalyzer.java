package dev.jangteo.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing token key into Spring Boot's short start-up failure report instead of a bean-creation trace. */
class MissingTokenKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingTokenKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingTokenKeyException cause) {
        return new FailureAnalysis("The app verifies every request's bearer token (JWT, RS256), and no key to verify "
                                           + "them with is configured.", MissingTokenKeyException.ADVICE, cause);
    }
}
