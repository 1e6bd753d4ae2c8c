package dev.jangteo.command.web.idempotency;

import dev.jangteo.platform.web.HttpLimitsConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The idempotency filter on the command API, after authentication, the body limit and the rate limits. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfiguration {

    static final int ORDER = HttpLimitsConfiguration.REQUEST_LIMITS_ORDER + 20;

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
