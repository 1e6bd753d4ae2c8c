package dev.jangteo.platform.tracing;

import io.micrometer.observation.ObservationPredicate;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import java.util.List;

/**
 * One trace per request, across both apps: Spring Boot's Micrometer Tracing (OpenTelemetry bridge, OTLP export)
 * traces the HTTP request, and Axon's spans (dispatching and handling the command, appending its events, each saga
 * step, each projection's handling of each event) are made by the same OpenTelemetry SDK, so they are children of
 * that request's span. Axon writes the span context into each message's metadata ({@code traceparent}); with
 * {@code axon.tracing.event-processor.distributed-in-same-trace} a saga or a projection, on this app or the other,
 * continues the trace that published the event.
 *
 * <p>Off unless {@code jangteo.tracing.enabled} is true (application.yml, where it also switches Spring Boot's trace
 * export): then Spring's spans are not sampled (their ids name no trace, so neither responses nor log lines carry
 * them), Axon makes none, and no {@code traceparent} is stored with the events.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    static final String INSTRUMENTATION = "dev.jangteo.axon";
    static final String ENABLED = "jangteo.tracing.enabled";

    /** Replaces Axon's own OpenTelemetry auto-configuration, which takes the global SDK that Spring Boot never sets. */
    @Bean
    public SpanFactory axonSpanFactory(Environment environment, ObjectProvider<OpenTelemetry> openTelemetry) {
        if (!environment.getProperty(ENABLED, Boolean.class, false)) {
            return NoOpSpanFactory.INSTANCE;
        }
        OpenTelemetry sdk = openTelemetry.getObject();
        return OpenTelemetrySpanFactory.builder()
                                       .tracer(sdk.getTracer(INSTRUMENTATION))
                                       .contextPropagators(sdk.getPropagators().getTextMapPropagator())
                                       .build();
    }

    /**
     * Traces start at requests: a span without a parent is kept only when it serves a request ({@link SpanKind#SERVER}),
     * sampled at {@code management.tracing.sampling.probability}; every other span follows its parent. Left out so:
     * background work that belongs to no request (heartbeats, watches polling Redis, scheduled jobs, events of a
     * replay, which are older than Axon's same-trace limit), which would otherwise be most of the spans.
     */
    @Bean
    Sampler requestTraces(Environment environment,
                          @Value("${management.tracing.sampling.probability:1.0}") double probability) {
        if (!environment.getProperty(ENABLED, Boolean.class, false)) {
            return Sampler.alwaysOff();
        }
        return new RequestsOnly(Sampler.parentBased(Sampler.traceIdRatioBased(probability)));
    }

    /**
     * Actuator requests (probes, Prometheus' scrapes) are neither traced nor counted in {@code http.server.requests}:
     * they come every few seconds and say nothing about the API.
     */
    @Bean
    ObservationPredicate noActuatorRequests() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request)
                || !request.getCarrier().getRequestURI().startsWith("/actuator");
    }

    record RequestsOnly(Sampler delegate) implements Sampler {

        @Override
        public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
                                           Attributes attributes, List<LinkData> links) {
            if (kind != SpanKind.SERVER && !Span.fromContext(parent).getSpanContext().isValid()) {
                return SamplingResult.drop();
            }
            return delegate.shouldSample(parent, traceId, name, kind, attributes, links);
        }

        @Override
        public String getDescription() {
            return "RequestsOnly{" + delegate.getDescription() + "}";
        }
    }
}
