package dev.jangteo.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing issuer or audience into Spring Boot's short start-up failure report. */
class MissingTokenTrustFailureAnalyzer extends AbstractFailureAnalyzer<MissingTokenTrustException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingTokenTrustException cause) {
        return new FailureAnalysis("The app takes bearer tokens of one issuer meant for one audience, and this is not "
                                           + "configured: " + String.join(", ", cause.missing()) + ".",
                                   MissingTokenTrustException.ADVICE, cause);
    }
}
