package dev.jangteo.query.operations.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.query.web.PageOf;
import dev.jangteo.query.web.Paging;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Auditors read the event store: an aggregate's history, its state as of a moment, the global feed (also as an
 * NDJSON export), and the check of the store against its seal chain. Read-only; the event table is the command
 * side's. Whatever the store: an aggregate's history and state and the feed through the table or the store's API
 * ({@link EventTableRule}), the seal chain and its check over the store's events as stored ({@link StoredEventsRule}).
 */
@RestController
class AuditController {

    static final String NDJSON = "application/x-ndjson";

    private final EventTableRule table;
    private final StoredEventsRule store;
    private final AggregateStates states;
    private final ChainVerifier verifier;
    private final SealChain seals;
    private final ObjectMapper json;

    AuditController(EventTableRule table, StoredEventsRule store, AggregateStates states, ChainVerifier verifier,
                    SealChain seals, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.table = table;
        this.store = store;
        this.states = states;
        this.verifier = verifier;
        this.seals = seals;
        this.json = json;
    }

    @ProblemCodes("AGGREGATE_NOT_FOUND")
    @GetMapping("/api/audit/aggregates/{aggregateId}/events")
    PageOf<AuditEvent> history(@PathVariable String aggregateId,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        Pageable pageable = Paging.of(page, size, Sort.unsorted());
        AggregateEvents aggregates = table.aggregateEvents();
        AggregateEvents.Summary summary = aggregates.summary(aggregateId)
                                                    .orElseThrow(() -> AggregateStates.notFound(aggregateId));
        List<AuditEvent> items = aggregates.page(aggregateId, pageable.getOffset(), pageable.getPageSize());
        return new PageOf<>(items, pageable.getPageNumber(), pageable.getPageSize(), summary.events());
    }

    @ProblemCodes({"AGGREGATE_NOT_FOUND", "VERSION_NOT_FOUND", "STATE_NOT_SUPPORTED"})
    @GetMapping("/api/audit/aggregates/{aggregateId}/state")
    AggregateStates.AggregateState state(@PathVariable String aggregateId,
                                         @RequestParam(required = false) String at,
                                         @RequestParam(required = false) String version) {
        return states.of(aggregateId, AuditParams.instant("at", at), AuditParams.number("version", version));
    }

    /** One page of the feed; {@code next} is the {@code after} of the next page, null on the last page. */
    record FeedPage(List<AuditEvent> events, Long next) {
    }

    @GetMapping("/api/audit/events")
    FeedPage feed(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String aggregateType,
                  @RequestParam(required = false) String after, @RequestParam(required = false) String limit) {
        FeedFilter filter = filter(from, to, type, aggregateType, after);
        GlobalFeed.Page page = table.feed().page(filter, AuditParams.limit(limit));
        return new FeedPage(page.events(), page.next());
    }

    /**
     * The whole range as NDJSON, one event a line in global order, written as the events stream from the store:
     * memory stays flat however long the range. {@code limit} does not apply here.
     */
    @ApiResponse(responseCode = "200", description = "A page of the feed (JSON), or every event of the range, one a line "
                                                     + "(Accept: application/x-ndjson)",
                 content = @Content(mediaType = NDJSON, schema = @Schema(implementation = AuditEvent.class)))
    @GetMapping(value = "/api/audit/events", produces = NDJSON)
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String type, @RequestParam(required = false) String aggregateType,
                @RequestParam(required = false) String after, HttpServletResponse response) throws IOException {
        FeedFilter filter = filter(from, to, type, aggregateType, after);
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        table.feed().stream(filter, event -> {
            try {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("The client went away during the export", e);
            }
        });
        out.flush();
    }

    private static FeedFilter filter(String from, String to, String type, String aggregateType, String after) {
        Instant fromInstant = AuditParams.instant("from", from);
        Instant toInstant = AuditParams.instant("to", to);
        AuditParams.requireOrdered("from", fromInstant, "to", toInstant);
        Long afterPosition = AuditParams.number("after", after);
        return new FeedFilter(afterPosition, fromInstant, toInstant, blankToNull(type),
                              blankToNull(aggregateType));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code from} defaults to the store's first position: 1 in the event table, 0 elsewhere. */
    @GetMapping("/api/audit/verify")
    ChainVerifier.Verification verify(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to) {
        Long fromPosition = AuditParams.number("from", from);
        Long toPosition = AuditParams.number("to", to);
        AuditParams.requireOrdered("from", fromPosition, "to", toPosition);
        return verifier.verify(fromPosition == null ? store.events().first() : fromPosition,
                               toPosition == null ? Long.MAX_VALUE : toPosition);
    }

    @GetMapping("/api/audit/seal")
    SealChain.SealStatus seal() {
        return seals.status(store.events());
    }
}
