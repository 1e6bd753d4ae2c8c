package dev.jangteo.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class MissingTokenKeyFailureAnalyzerTest {

    @Test
    void canNameTheVariablesToSetWhenNoKeyIsConfigured() {
        FailureAnalysis analysis = new MissingTokenKeyFailureAnalyzer().analyze(
                new BeanCreationException("apiSecurity", "failed", new MissingTokenKeyException()));

        assertThat(analysis.getAction()).contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                                                  "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION");
    }
}
