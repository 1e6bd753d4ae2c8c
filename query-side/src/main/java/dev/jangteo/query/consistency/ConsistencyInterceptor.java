package dev.jangteo.query.consistency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Read your own writes for every {@link ConsistentRead} endpoint. With a consistency token, the request waits
 * ({@link ConsistencyGate}) and the answer says {@code X-Consistency: CONSISTENT} or, past
 * {@code jangteo.consistency.max-wait}, {@code STALE} (still the current data), with the lowest position its groups had
 * processed in {@code X-Consistency-Position}. Without a token it answers at once, with neither header.
 */
@Component
class ConsistencyInterceptor implements HandlerInterceptor {

    static final String CONSISTENCY = "X-Consistency";
    static final String POSITION = "X-Consistency-Position";

    private final ConsistencyGate gate;

    ConsistencyInterceptor(ConsistencyGate gate) {
        this.gate = gate;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(ConsistentRead.class)) {
            return true;
        }
        long position = ConsistencyToken.position(request.getHeader(ConsistencyToken.HEADER),
                                                  request.getParameter(ConsistencyToken.PARAMETER));
        if (position < 0) {
            return true;
        }
        boolean covers = true;
        long processed = Long.MAX_VALUE;
        for (String group : method.getMethodAnnotation(ConsistentRead.class).value()) {
            ProcessingProgress.Progress progress = gate.await(group, position);
            covers &= progress.covers();
            processed = Math.min(processed, progress.processed());
        }
        response.setHeader(CONSISTENCY, covers ? "CONSISTENT" : "STALE");
        response.setHeader(POSITION, Long.toString(processed));
        return true;
    }
}
