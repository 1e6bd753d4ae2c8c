package dev.jangteo.platform.tracing;

import io.opentelemetry.context.Context;

/**
 * Work deferred to later (after a commit, on another thread) continues the trace it was deferred in: without this,
 * Axon would dispatch it as the child of whatever span happens to be current then, or as a new trace that the request
 * sampler drops ({@link TracingConfiguration}). A no-op while tracing is off.
 */
public final class TraceContext {

    private TraceContext() {
    }

    /** {@code work}, to be run later in the trace context that is current now. */
    public static Runnable carried(Runnable work) {
        return Context.current().wrap(work);
    }
}
