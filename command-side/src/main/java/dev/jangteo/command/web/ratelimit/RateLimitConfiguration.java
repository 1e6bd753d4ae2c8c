package dev.jangteo.command.web.ratelimit;

import dev.jangteo.platform.web.HttpLimitsConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.security.Principal;

/**
 * Two limits on the command API ({@code /api/*}), per client address and per authenticated user. The address limit
 * runs first, before authentication (Spring Security's filters are at order -100), so that a flood is refused
 * before a token is even checked; the user limit runs once the principal is known.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "jangteo.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    private final RateLimiter perUser;
    private final RateLimiter perIp;

    RateLimitConfiguration(RateLimitProperties properties) {
        this.perUser = new RateLimiter(properties.perUser(), properties.idleEviction());
        this.perIp = new RateLimiter(properties.perIp(), properties.idleEviction());
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> perIpRateLimit(RateLimitProperties properties) {
        ClientAddress address = new ClientAddress(properties.trustedProxyHops());
        return registration(new RateLimitFilter(perIp, address::of, "address"), -110);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> perUserRateLimit() {
        return registration(new RateLimitFilter(perUser, RateLimitConfiguration::userOf, "user"),
                            HttpLimitsConfiguration.REQUEST_LIMITS_ORDER + 10);
    }

    @Scheduled(fixedDelayString = "${jangteo.rate-limits.idle-eviction:10m}")
    void evictIdleBuckets() {
        perUser.evictIdle();
        perIp.evictIdle();
    }

    private static String userOf(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    private static FilterRegistrationBean<RateLimitFilter> registration(RateLimitFilter filter, int order) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        registration.addUrlPatterns("/api/*");
        registration.setName(filter.getClass().getSimpleName() + order);
        return registration;
    }
}
