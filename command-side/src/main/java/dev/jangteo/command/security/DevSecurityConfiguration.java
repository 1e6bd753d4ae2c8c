package dev.jangteo.command.security;

import dev.jangteo.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;

import java.time.Clock;

/**
 * What only the {@code local} and {@code loadtest} profiles have: the dev token issuer, open to anyone, and the demo
 * accounts. The default profile has neither.
 */
@Configuration(proxyBeanMethods = false)
@Profile({DevSecurityConfiguration.LOCAL, DevSecurityConfiguration.LOADTEST})
class DevSecurityConfiguration {

    static final String LOCAL = "local";
    static final String LOADTEST = "loadtest";

    @Bean
    DevTokenIssuer devTokenIssuer(DevIssuerProperties properties) {
        return new DevTokenIssuer(properties, Clock.systemUTC());
    }

    @Bean
    EndpointRules devTokenRule() {
        return rules -> rules.requestMatchers(HttpMethod.POST, DevTokenController.PATH).permitAll();
    }
}
