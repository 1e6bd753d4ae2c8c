package dev.jangteo.query.console;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console's files are public: they hold no data, and everything they show comes from the API, which checks the
 * signed-in user's token and roles on every call exactly as it does for any client. Their own policy: scripts,
 * styles and images only from this app, connections to this app and to the sign-in provider, never framed. No
 * sessions and no cookies here either: the token lives in the tab ({@code sessionStorage}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurity {

    static final String ROOT = "/console";

    @Bean
    @Order(1)
    SecurityFilterChain consoleFiles(HttpSecurity http, ConsoleProperties properties) throws Exception {
        http.securityMatcher(ROOT, ROOT + "/**")
            .csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable())
            .anonymous(anonymous -> { })
            .headers(headers -> headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(policy(properties.oidc().origin())))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .frameOptions(frame -> frame.deny()))
            .authorizeHttpRequests(rules -> rules.requestMatchers(HttpMethod.GET, ROOT, ROOT + "/**").permitAll()
                                                 .anyRequest().denyAll());
        return http.build();
    }

    static String policy(String issuerOrigin) {
        String provider = issuerOrigin == null ? "" : " " + issuerOrigin;
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'" + provider + "; form-action 'self'" + provider + "; base-uri 'none'; "
                + "frame-ancestors 'none'";
    }
}
