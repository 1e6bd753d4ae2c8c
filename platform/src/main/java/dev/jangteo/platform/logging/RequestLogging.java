package dev.jangteo.platform.logging;

import dev.jangteo.platform.security.ActingUser;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.config.ConfigurerModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

/**
 * The logging context of HTTP requests, on both apps. Outermost, the correlation id: the caller's
 * {@code X-Correlation-Id} when it is one (1 to 128 printable ASCII characters), a new one otherwise, echoed in the
 * response and put on every line the request logs; the command side puts the same id on the command's events. Once
 * Spring Security has authenticated the request, the acting user (the token's subject) joins it. A request slower
 * than {@code jangteo.logging.slow-request-threshold} (1 s) logs one line with its method, path, status and time.
 * When tracing is on, the response names the request's trace ({@code X-Trace-Id}), and so does the slow-request line.
 * Axon handlers get the same context from their message's metadata ({@link MessageLogContext}).
 */
@Configuration(proxyBeanMethods = false)
public class RequestLogging {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final String CORRELATION_ATTRIBUTE = RequestLogging.class.getName() + ".correlationId";
    private static final String ACTING_USER_ATTRIBUTE = RequestLogging.class.getName() + ".actingUser";
    private static final String TRACE_ATTRIBUTE = RequestLogging.class.getName() + ".traceId";
    public static final String TRACE_HEADER = "X-Trace-Id";
    /** Right inside Spring Boot's HTTP observation filter (highest precedence + 1), which opens the request's span. */
    private static final int TRACE_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;
    private static final int MAX_CORRELATION_LENGTH = 128;
    /** Right after Spring Security's filter chain (order -100), before the request limits (-50). */
    private static final int ACTING_USER_ORDER = -90;

    private static final Logger log = LoggerFactory.getLogger(RequestLogging.class);

    /** The request's correlation id, as its log lines and response carry it. */
    public static String correlationId(HttpServletRequest request) {
        Object id = request.getAttribute(CORRELATION_ATTRIBUTE);
        return id != null ? id.toString() : fromHeader(request.getHeader(CORRELATION_HEADER));
    }

    private static String fromHeader(String header) {
        boolean usable = header != null && !header.isEmpty() && header.length() <= MAX_CORRELATION_LENGTH
                && header.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        return usable ? header : UUID.randomUUID().toString();
    }

    @Bean
    FilterRegistrationBean<CorrelationFilter> correlationFilter(
            @Value("${jangteo.logging.slow-request-threshold:1s}") Duration slowRequestThreshold) {
        return everyPath(new CorrelationFilter(slowRequestThreshold), Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    FilterRegistrationBean<TraceFilter> traceFilter() {
        return everyPath(new TraceFilter(), TRACE_ORDER);
    }

    @Bean
    FilterRegistrationBean<ActingUserFilter> actingUserFilter() {
        return everyPath(new ActingUserFilter(), ACTING_USER_ORDER);
    }

    private static <F extends OncePerRequestFilter> FilterRegistrationBean<F> everyPath(F filter, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    static ConfigurerModule messageLogContext() {
        MessageLogContext interceptor = new MessageLogContext();
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, name) -> interceptor);
    }

    static final class CorrelationFilter extends OncePerRequestFilter {

        private final Duration slowRequestThreshold;

        CorrelationFilter(Duration slowRequestThreshold) {
            this.slowRequestThreshold = slowRequestThreshold;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String correlationId = fromHeader(request.getHeader(CORRELATION_HEADER));
            request.setAttribute(CORRELATION_ATTRIBUTE, correlationId);
            response.setHeader(CORRELATION_HEADER, correlationId);
            LogContext.put(LogContext.CORRELATION_ID, correlationId);
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (took.compareTo(slowRequestThreshold) >= 0) {
                    LogContext.put(LogContext.ACTING_USER, request.getAttribute(ACTING_USER_ATTRIBUTE));
                    LogContext.put(LogContext.TRACE_ID, request.getAttribute(TRACE_ATTRIBUTE));
                    log.warn("Slow request: {} {} answered {} in {} ms", request.getMethod(), request.getRequestURI(),
                             response.getStatus(), took.toMillis());
                }
                LogContext.put(LogContext.CORRELATION_ID, null);
                LogContext.put(LogContext.ACTING_USER, null);
                LogContext.put(LogContext.TRACE_ID, null);
            }
        }
    }

    /** The trace of the request's span, when it is traced: for the response and the slow-request line. */
    static final class TraceFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            SpanContext span = Span.current().getSpanContext();
            if (span.isSampled()) {
                request.setAttribute(TRACE_ATTRIBUTE, span.getTraceId());
                response.setHeader(TRACE_HEADER, span.getTraceId());
            }
            chain.doFilter(request, response);
        }
    }

    static final class ActingUserFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String actingUser = ActingUser.current().orElse(null);
            request.setAttribute(ACTING_USER_ATTRIBUTE, actingUser);
            LogContext.put(LogContext.ACTING_USER, actingUser);
            chain.doFilter(request, response);
        }
    }
}
