package dev.jangteo.platform.logging;

import dev.jangteo.platform.axon.AuditMetadata;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Puts the handled message's correlation id and acting user (its {@link AuditMetadata}), and the trace and span of
 * its handling when tracing is on, into the logging context
 * while its handler runs, and restores what was there after: a line logged by a command handler, a saga step or a
 * projection names the request that started it all.
 */
public class MessageLogContext implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        String correlation = LogContext.put(LogContext.CORRELATION_ID, metaData.get(AuditMetadata.CORRELATION_ID));
        String actingUser = LogContext.put(LogContext.ACTING_USER, metaData.get(AuditMetadata.ACTING_USER));
        // Axon's handling span is current here; it is OpenTelemetry's own, so Micrometer's log correlation, which
        // fills traceId and spanId for its spans only, does not see it.
        SpanContext span = Span.current().getSpanContext();
        String traceId = LogContext.put(LogContext.TRACE_ID, span.isSampled() ? span.getTraceId() : null);
        String spanId = LogContext.put(LogContext.SPAN_ID, span.isSampled() ? span.getSpanId() : null);
        try {
            return chain.proceed();
        } finally {
            LogContext.put(LogContext.CORRELATION_ID, correlation);
            LogContext.put(LogContext.ACTING_USER, actingUser);
            LogContext.put(LogContext.TRACE_ID, traceId);
            LogContext.put(LogContext.SPAN_ID, spanId);
        }
    }
}
