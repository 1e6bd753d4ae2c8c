package dev.jangteo.query.operations.actions;

import dev.jangteo.platform.logging.RequestLogging;
import dev.jangteo.platform.security.ActingUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records every change an operator asks of {@code /api/admin/**} (any method but GET, HEAD and OPTIONS) once it has
 * been answered, refusals included: the operator is the ADMIN token's subject. Being on the path rather than in
 * each controller, an operator endpoint added later is recorded without anyone remembering to.
 */
@Configuration(proxyBeanMethods = false)
class ActionRecording implements WebMvcConfigurer, HandlerInterceptor {

    static final String PATHS = "/api/admin/**";

    private final OperatorActions actions;

    ActionRecording(OperatorActions actions) {
        this.actions = actions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(PATHS);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return;
        }
        String operator = ActingUser.current().orElse("unknown");
        actions.record(operator, method.name(), request.getRequestURI(), request.getQueryString(),
                       response.getStatus(), response.getHeader(RequestLogging.CORRELATION_HEADER));
    }
}
