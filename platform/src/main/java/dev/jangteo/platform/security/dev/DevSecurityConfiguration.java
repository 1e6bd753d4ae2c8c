package dev.jangteo.platform.security.dev;

import dev.jangteo.platform.security.EndpointRules;
import dev.jangteo.platform.security.TokenTrust;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;

import java.time.Clock;

/**
 * What only the {@code local} and {@code loadtest} profiles have: the dev token issuer of both apps, open to anyone
 * (the command side adds its demo accounts). The default profile has none of it. Both apps sign with the same dev key,
 * so a browser page served by either can ask its own origin for a token.
 */
@Configuration(proxyBeanMethods = false)
@Profile({DevSecurityConfiguration.LOCAL, DevSecurityConfiguration.LOADTEST})
@EnableConfigurationProperties(DevIssuerProperties.class)
public class DevSecurityConfiguration {

    public static final String LOCAL = "local";
    public static final String LOADTEST = "loadtest";

    @Bean
    DevTokenIssuer devTokenIssuer(DevIssuerProperties properties, TokenTrust trust) {
        return new DevTokenIssuer(properties, trust, Clock.systemUTC());
    }

    @Bean
    EndpointRules devTokenRule() {
        return rules -> rules.requestMatchers(HttpMethod.POST, DevTokenController.PATH).permitAll();
    }
}
