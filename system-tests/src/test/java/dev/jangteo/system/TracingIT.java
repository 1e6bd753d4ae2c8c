package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.JsonHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees in Jaeger or Tempo with tracing on: one order is one trace, from its HTTP request through the
 * command, every saga step and the commands they send, to the projections of its events on the query side, one tree
 * under the request; the response and the request's log line name that trace; work that serves no request (health
 * probes, scrapes, heartbeats, Redis polling) makes no trace. The apps export by OTLP/HTTP to {@link TraceReceiver},
 * as they would to a trace backend.
 */
class TracingIT {

    private static final TraceReceiver RECEIVER = new TraceReceiver();
    private static final String[] TRACING = {
            "--jangteo.tracing.enabled=true",
            "--management.opentelemetry.tracing.export.otlp.endpoint=" + RECEIVER.endpoint(),
            "--management.opentelemetry.tracing.export.schedule-delay=200ms",
            "--jangteo.logging.slow-request-threshold=0ms"};

    @RegisterExtension
    static final StackExtension stack = new StackExtension("tracing", 1, TRACING).withQueryArgs(TRACING);

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    @Test
    void canFollowAnOrderFromItsRequestThroughEverySagaStepToTheProjections() {
        String buyer = Shop.unique("traced");
        Shop.openAccount(stack.command(), buyer, 100_000);
        String product = Shop.product(stack.command(), 1_000, 10);

        Map<String, Object> order = Map.of("userId", buyer,
                                           "items", List.of(Map.of("productId", product, "quantity", 2)));
        Wire.Reply placed = Wire.post(stack.command().resolve("/api/orders")).json(order).send();

        assertThat(placed.status()).as("%s", placed).isEqualTo(202);
        URI orders = stack.command().resolve("/api/orders");
        DefaultTokens.accepted(orders, JsonHttp.JSON.valueToTree(order), placed.status(), json(placed.raw()));
        String traceId = placed.headers().first(TRACE_HEADER);
        assertThat(traceId).matches("[0-9a-f]{32}");
        String orderId = json(placed.raw()).path("orderId").asText();
        assertThat(Shop.awaitOutcome(stack.query(), orderId).path("status").asText()).isEqualTo("PAID");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<TraceReceiver.Span> trace = RECEIVER.trace(traceId);
            assertThat(named(trace, "command-side")).as("command side").contains(
                    "http post /api/orders",
                    "CommandBus.handleCommand(PlaceOrderCommand)",
                    "SagaManager.invokeSaga(OrderPaymentSaga)(OrderPlacedEvent)",
                    "CommandBus.handleCommand(ReserveStockCommand)",
                    "SagaManager.invokeSaga(OrderPaymentSaga)(StockReservedEvent)",
                    "CommandBus.handleCommand(DebitForOrderCommand)",
                    "SagaManager.invokeSaga(OrderPaymentSaga)(AccountDebitedEvent)",
                    "CommandBus.handleCommand(CompleteOrderPaymentCommand)");
            assertThat(named(trace, "query-side")).as("query side").contains(
                    "OrderProjection.on(OrderPlacedEvent)",
                    "CatalogProjection.on(StockReservedEvent",
                    "AccountProjection.on(AccountDebitedEvent",
                    "OrderProjection.on(OrderPaidEvent)",
                    "SalesProjection.on(OrderPaidEvent)",
                    "RankingProjection.on(OrderPaidEvent");
            Set<String> spanIds = trace.stream().map(TraceReceiver.Span::spanId).collect(Collectors.toSet());
            assertThat(trace.stream().filter(TraceReceiver.Span::isRoot).map(TraceReceiver.Span::name))
                    .as("the roots of the trace").containsExactly("http post /api/orders");
            assertThat(trace.stream().filter(span -> !span.isRoot() && !spanIds.contains(span.parentSpanId())))
                    .as("spans whose parent is not in the trace").isEmpty();
        });
        JsonNode placedEvent = Shop.get(stack.query(), "/api/audit/aggregates/" + orderId + "/events")
                                   .path("items").get(0);
        assertThat(placedEvent.path("metadata").path("traceparent").asText()).contains(traceId);
        assertThat(stack.get().commandSideLog(0).lines()
                        .filter(line -> line.contains("Slow request: POST /api/orders answered 202"))
                        .map(TracingIT::json)
                        .map(line -> line.path("traceId").asText()))
                .contains(traceId);
    }

    @Test
    void makesNoTraceOfWorkThatServesNoRequest() {
        String reader = Shop.unique("reader");
        Shop.openAccount(stack.command(), reader, 0);
        Wire.Reply read = Wire.request("GET", stack.query().resolve("/api/rankings/products")).send();
        assertThat(read.status()).isEqualTo(200);
        Prometheus.scrape(stack.query());
        assertThat(Wire.request("GET", stack.command().resolve("/actuator/health/readiness")).send().headers()
                       .first(TRACE_HEADER)).isNull();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(RECEIVER.spans())
                .anyMatch(span -> span.traceId().equals(read.headers().first(TRACE_HEADER)) && span.isRoot()));
        assertThat(RECEIVER.spans().stream().filter(TraceReceiver.Span::isRoot).map(TraceReceiver.Span::name)
                           .distinct())
                .as("every root is an API request")
                .isNotEmpty()
                .allMatch(name -> name.startsWith("http ") && !name.contains("/actuator"));
    }

    private static final String TRACE_HEADER = "X-Trace-Id";

    /** The names of {@code service}'s spans, each cut at the first ',' (a handler's other parameters). */
    private static List<String> named(List<TraceReceiver.Span> trace, String service) {
        return trace.stream().filter(span -> service.equals(span.service()))
                    .map(span -> span.name().contains(",") ? span.name().substring(0, span.name().indexOf(','))
                                                           : span.name())
                    .toList();
    }

    private static JsonNode json(String text) {
        try {
            return JsonHttp.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
