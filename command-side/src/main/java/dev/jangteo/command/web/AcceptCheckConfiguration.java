package dev.jangteo.command.web;

import dev.jangteo.platform.web.HttpLimitsConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Accept check on the command API: after the rate limits, before the idempotency filter, so a refused Accept
 * is never kept as a key's answer.
 */
@Configuration(proxyBeanMethods = false)
class AcceptCheckConfiguration {

    @Bean
    FilterRegistrationBean<AcceptCheckFilter> acceptCheckFilter() {
        FilterRegistrationBean<AcceptCheckFilter> registration = new FilterRegistrationBean<>(new AcceptCheckFilter());
        registration.setOrder(HttpLimitsConfiguration.REQUEST_LIMITS_ORDER + 15);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
