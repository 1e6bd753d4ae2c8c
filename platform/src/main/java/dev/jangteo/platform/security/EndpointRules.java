package dev.jangteo.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * An app's access rules, one per endpoint. {@link SecurityConfiguration} permits the public actuator endpoints, the
 * OpenAPI document and the problem types, applies every such bean, and denies everything else, so an endpoint without
 * a rule is never reachable.
 */
@FunctionalInterface
public interface EndpointRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
