package dev.jangteo.query.operations.audit;

import dev.jangteo.api.audit.AggregateFold;
import dev.jangteo.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** An aggregate's state as of a moment or a version, folded from its events in their current shape. */
@Component
class AggregateStates {

    static final String AGGREGATE_NOT_FOUND = "AGGREGATE_NOT_FOUND";
    static final String VERSION_NOT_FOUND = "VERSION_NOT_FOUND";

    /**
     * {@code version} is the sequence number of the last event folded in (Axon's aggregate version: 0 after the
     * first event); {@code asOf} is the moment asked for, or the timestamp of that last event.
     */
    record AggregateState(String aggregateId, String aggregateType, long version, Instant asOf, Object state) {
    }

    private final EventTableRule table;

    AggregateStates(EventTableRule table) {
        this.table = table;
    }

    /** As of {@code at} or after event {@code version} (at most one of them), or now when both are null. */
    AggregateState of(String aggregateId, Instant at, Long version) {
        if (at != null && version != null) {
            throw ApiException.invalid("Ask for the state at a moment or at a version, not both");
        }
        AggregateEvents events = table.aggregateEvents();
        AggregateEvents.Summary summary = events.summary(aggregateId).orElseThrow(() -> notFound(aggregateId));
        if (version != null && version > summary.lastSequence()) {
            throw ApiException.notFound(VERSION_NOT_FOUND, "Aggregate " + aggregateId + " has versions 0 to "
                    + summary.lastSequence() + ", not " + version);
        }
        AggregateFold fold = AggregateFold.forType(summary.aggregateType()).orElseThrow(() -> new ApiException(
                HttpStatus.UNPROCESSABLE_ENTITY, "STATE_NOT_SUPPORTED",
                "No fold for aggregates of type " + summary.aggregateType()));
        Folded folded = new Folded();
        events.stream(aggregateId, version, at, event -> {
            event.payloads().forEach(fold::apply);
            folded.last = event;
        });
        if (folded.last == null) {
            throw ApiException.notFound(AGGREGATE_NOT_FOUND, "Aggregate " + aggregateId + " did not exist yet at " + at);
        }
        return new AggregateState(aggregateId, summary.aggregateType(), folded.last.sequence(),
                                  at != null ? at : folded.last.timestamp(), fold.state());
    }

    static ApiException notFound(String aggregateId) {
        return ApiException.notFound(AGGREGATE_NOT_FOUND, "No events of aggregate " + aggregateId);
    }

    /** The last event folded in so far. */
    private static final class Folded {
        private AggregateEvents.Payloads last;
    }
}
