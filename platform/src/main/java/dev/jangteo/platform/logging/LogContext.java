package dev.jangteo.platform.logging;

import org.slf4j.MDC;

/**
 * What every log line of a piece of work says about it, kept in the logging context (MDC, which the structured JSON
 * log writes with each line): the correlation id of the conversation, the user acting in it and, when tracing is on,
 * the trace and span. Set for an HTTP
 * request ({@link RequestLogging}) and for each message an Axon handler takes ({@link MessageLogContext}): a
 * command, a saga step, an event in a projection batch.
 */
public final class LogContext {

    public static final String CORRELATION_ID = "correlationId";
    public static final String ACTING_USER = "actingUser";
    /** The names Micrometer Tracing's log correlation uses for an HTTP request, kept for Axon's spans. */
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    private LogContext() {
    }

    /** Puts {@code value} under {@code key} (removes it for null) and returns what was there, to restore later. */
    static String put(String key, Object value) {
        String previous = MDC.get(key);
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value.toString());
        }
        return previous;
    }
}
