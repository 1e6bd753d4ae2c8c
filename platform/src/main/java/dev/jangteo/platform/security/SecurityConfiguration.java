package dev.jangteo.platform.security;

import dev.jangteo.platform.web.ProblemType;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Both apps are stateless resource servers: every request carries a JWT bearer token (RS256), verified with the key
 * or JWKS of Spring Boot's standard properties, of the configured issuer and audience ({@link TokenTrust}), whose
 * {@code sub} is the acting user and whose {@code roles} are
 * {@link Role}s; Prometheus alone scrapes with a static token of its own ({@link ScrapeToken}). Each app lists one rule per endpoint ({@link EndpointRules}); anything unlisted is denied. No
 * sessions, no cookies, hence no CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({CorsProperties.class, ScrapeToken.Properties.class, TokenTrust.class})
public class SecurityConfiguration {

    /** Every user id column (Require.MAX_ID_LENGTH in shared-api). */
    static final int MAX_SUBJECT_LENGTH = 64;
    /** Verified tokens remembered ({@link VerifiedTokens}): one per client active within a token's lifetime. */
    static final int VERIFIED_TOKENS_KEPT = 10_000;
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /**
     * Swagger UI's page loads its own scripts and style sheets, sets styles inline (React), draws icons from data:
     * URIs and fetches the document from this app; nothing from elsewhere, and it may still not be framed.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
    /** Springdoc's default paths of the OpenAPI document (JSON, YAML, the UI's configuration) and of Swagger UI. */
    static final String[] API_DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"};
    static final String[] SWAGGER_UI_PATHS = {"/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> decoder,
                                    List<EndpointRules> endpointRules, ScrapeToken.Properties scrape,
                                    @Value("${springdoc.swagger-ui.enabled:true}") boolean swaggerUi)
            throws Exception {
        JwtDecoder jwtDecoder = decoder.getIfAvailable();
        if (jwtDecoder == null) {
            throw new MissingTokenKeyException();
        }
        JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(
                new VerifiedTokens(jwtDecoder, Clock.systemUTC(), VERIFIED_TOKENS_KEPT));
        jwt.setJwtAuthenticationConverter(new RolesClaim());
        AuthenticationManager jwtOnly = new ProviderManager(jwt);
        AuthenticationManager scrapeOrJwt = scrape.scrapeToken()
                                                  .<AuthenticationManager>map(token -> new ProviderManager(token, jwt))
                                                  .orElse(jwtOnly);
        RequestMatcher scrapePath = PathPatternRequestMatcher.pathPattern(ScrapeToken.PATH);
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        http.csrf(csrf -> csrf.disable())
            .cors(Customizer.withDefaults())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable())
            .headers(headers -> headers
                    .addHeaderWriter(contentSecurityPolicy(swaggerUi))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .frameOptions(frame -> frame.deny()))
            .oauth2ResourceServer(server -> server
                    // The scrape token counts on the scrape path only; everywhere else a bearer token is a JWT.
                    .authenticationManagerResolver(request -> scrapePath.matches(request) ? scrapeOrJwt : jwtOnly)
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                                                       .accessDeniedHandler(problems))
            .authorizeHttpRequests(rules -> {
                // Error and async dispatches continue a request that was already authorized.
                rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                // Health answers anyone with its status; its components only an ADMIN (management.endpoint.health).
                rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
                // Prometheus with its scrape token (ScrapeToken), or an operator with a JWT.
                rules.requestMatchers(ScrapeToken.PATH).hasAnyAuthority(ScrapeToken.AUTHORITY, Role.ADMIN.authority());
                // The metrics browser names every meter and its tags, the mappings every handler: operators only.
                rules.requestMatchers("/actuator/metrics", "/actuator/metrics/**", "/actuator/mappings")
                     .hasRole(Role.ADMIN.name());
                // What the API is and what its problem codes mean: read before one holds a token.
                rules.requestMatchers(HttpMethod.GET, API_DOCS_PATHS).permitAll();
                rules.requestMatchers(HttpMethod.GET, ProblemType.PATH, ProblemType.PATH + "/{code}").permitAll();
                if (swaggerUi) {
                    rules.requestMatchers(HttpMethod.GET, SWAGGER_UI_PATHS).permitAll();
                }
                endpointRules.forEach(app -> app.apply(rules));
                rules.anyRequest().denyAll();
            });
        return http.build();
    }

    /** The API's strict policy everywhere but on Swagger UI's pages, where they are served (the local profile). */
    private static HeaderWriter contentSecurityPolicy(boolean swaggerUi) {
        HeaderWriter api = new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY);
        if (!swaggerUi) {
            return api;
        }
        HeaderWriter page = new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY);
        RequestMatcher ui = new OrRequestMatcher(Arrays.stream(SWAGGER_UI_PATHS)
                                                       .map(PathPatternRequestMatcher.withDefaults()::matcher)
                                                       .toArray(RequestMatcher[]::new));
        return (request, response) -> (ui.matches(request) ? page : api).writeHeaders(request, response);
    }

    /** Spring Security's firewall answers a suspicious URL with 400 like every other error: problem+json. */
    @Bean
    RequestRejectedHandler requestRejectedAsProblem() {
        return (request, response, rejected) -> ProblemSecurityHandlers.rejected(request, response);
    }

    /**
     * Spring Security observes every filter of its chain, every authentication and every authorization as an
     * observation of its own (a span and timers each) when an observation registry is present: about a tenth of a
     * request's CPU for spans nobody reads. The request's own observation (http.server.requests and its trace span)
     * stays.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** A token without an expiry would be valid forever: {@code exp} is required (Spring checks its value). */
    @Bean
    OAuth2TokenValidator<Jwt> expiryRequired() {
        return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
    }

    /** The subject is the acting user, stored wherever a user id is: present, not blank, at most 64 characters. */
    @Bean
    OAuth2TokenValidator<Jwt> subjectIsAUserId() {
        return new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()
                && sub.length() <= MAX_SUBJECT_LENGTH && sub.strip().equals(sub));
    }

    /** {@code iss} is the configured identity provider's; without one configured the app does not start. */
    @Bean
    OAuth2TokenValidator<Jwt> issuerIsTrusted(TokenTrust trust) {
        return required(trust).issuerValidator();
    }

    /** {@code aud} names this API; without an audience configured the app does not start. */
    @Bean
    OAuth2TokenValidator<Jwt> audienceIsThisApi(TokenTrust trust) {
        return required(trust).audienceValidator();
    }

    private static TokenTrust required(TokenTrust trust) {
        if (!trust.missing().isEmpty()) {
            throw new MissingTokenTrustException(trust.missing());
        }
        return trust;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(properties.allowedMethods());
        cors.setAllowedHeaders(properties.allowedHeaders());
        cors.setExposedHeaders(properties.exposedHeaders());
        cors.setMaxAge(properties.maxAge());
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
