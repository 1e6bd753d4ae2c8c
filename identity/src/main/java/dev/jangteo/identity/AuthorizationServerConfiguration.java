package dev.jangteo.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * Two filter chains: the OpenID Connect provider's endpoints (authorize, token, JWKS, discovery, user info, logout),
 * where a browser that is not signed in is sent to the sign-in page; and everything else, which is that page (Spring
 * Security's form, with its CSRF token) and the health probes. No consent screen: the one client is our own console.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class AuthorizationServerConfiguration {

    /** What the console's page fetches from another origin: keys, discovery, tokens and the signed-in user. */
    static final List<String> CROSS_ORIGIN_PATHS = List.of("/oauth2/token", "/oauth2/jwks",
                                                           "/.well-known/openid-configuration",
                                                           "/.well-known/oauth-authorization-server", "/userinfo");

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.oidc(Customizer.withDefaults());
            })
            .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
            .cors(Customizer.withDefaults())
            .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
            // The user info endpoint takes the access token it issued.
            .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                    .anyRequest().authenticated())
            .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.of(properties.signingKeyLocation())));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
    }

    /** The console's origins may call the endpoints a page fetches; nothing carries cookies across origins. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(IdentityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.console().origins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        CROSS_ORIGIN_PATHS.forEach(path -> source.registerCorsConfiguration(path, cors));
        return source;
    }
}
