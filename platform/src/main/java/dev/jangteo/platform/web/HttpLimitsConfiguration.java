package dev.jangteo.platform.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.type.LogicalType;

import java.util.function.Consumer;

/**
 * The request bounds both apps share: body size (a filter ahead of everything but authentication), JSON depth and
 * token lengths (Spring MVC's Jackson), and one policy for unknown JSON fields: refused, 400 {@code UNKNOWN_FIELD}
 * naming the field, so a misspelt optional field ({@code "coupnId"}) is never silently dropped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpLimits.class)
public class HttpLimitsConfiguration {

    /**
     * After Spring Security's filter chain (order -100), so an anonymous flood of large bodies is refused by
     * authentication before being read; before the command side's rate limit and idempotency filters, which need the
     * buffered body.
     */
    public static final int REQUEST_LIMITS_ORDER = -50;

    @Bean
    FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilter(HttpLimits limits) {
        FilterRegistrationBean<RequestLimitsFilter> registration =
                new FilterRegistrationBean<>(new RequestLimitsFilter(limits));
        registration.setOrder(REQUEST_LIMITS_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits(HttpLimits limits) {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                                                                             .maxNestingDepth(limits.maxJsonDepth())
                                                                             .maxStringLength(limits.maxStringLength())
                                                                             .maxNumberLength(limits.maxNumberLength())
                                                                             .maxNameLength(limits.maxStringLength())
                                                                             .build());
    }

    /**
     * Strict JSON: unknown fields and duplicate keys are refused, and no scalar is coerced into another type
     * ({@code "5"} is not a number, {@code true} or {@code 5} not a string): a wrong type is a 400, never a guess.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return mapper -> mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                               .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                               .withCoercionConfig(LogicalType.Integer, refuse(CoercionInputShape.String))
                               .withCoercionConfig(LogicalType.Float, refuse(CoercionInputShape.String))
                               .withCoercionConfig(LogicalType.Boolean, refuse(CoercionInputShape.String))
                               .withCoercionConfig(LogicalType.Textual, refuse(CoercionInputShape.Integer,
                                                                               CoercionInputShape.Float,
                                                                               CoercionInputShape.Boolean));
    }

    private static Consumer<MutableCoercionConfig> refuse(CoercionInputShape... shapes) {
        return config -> {
            for (CoercionInputShape shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        };
    }

    /** Tomcat's own refusals (before any servlet) as problem+json too, see {@link ProblemReportValve}. */
    @Bean
    TomcatContextCustomizer problemReportValve() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        };
    }
}
