package dev.jangteo.query.operations.replay;

import dev.jangteo.query.consistency.ConsistentRead;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Answers served from a read model that is being replayed say so: {@code X-Replaying: <groups>} on every
 * {@link ConsistentRead} endpoint whose group this instance is replaying (the answer may be incomplete until the
 * replay has caught up; the message search keeps answering from the old index meanwhile, still complete). A request
 * with a consistency token also waits for the replay to pass its position, and says {@code X-Consistency: STALE}
 * if it has not within the bound.
 */
@Configuration(proxyBeanMethods = false)
class ReplayingHeader implements WebMvcConfigurer, HandlerInterceptor {

    static final String HEADER = "X-Replaying";

    private final ProcessorStatuses statuses;

    ReplayingHeader(ProcessorStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(ConsistentRead.class)) {
            String replaying = Arrays.stream(method.getMethodAnnotation(ConsistentRead.class).value())
                                     .filter(statuses::replaying)
                                     .collect(Collectors.joining(","));
            if (!replaying.isEmpty()) {
                response.setHeader(HEADER, replaying);
            }
        }
        return true;
    }
}
