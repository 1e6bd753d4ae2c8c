package dev.jangteo.query.operations.audit;

import java.time.Instant;
import java.util.Map;

/**
 * An event as auditors read it: where it is in the store and in its aggregate, and its payload in its current shape
 * (after upcasting; {@code revision} is the payload's revision after upcasting) with its metadata (correlation id,
 * causation id, acting user...). {@code position} is the event's global position, null where the store does not
 * tell it (an aggregate's events read through Axon's API, see {@link StoreAggregateEvents}).
 */
record AuditEvent(Long position,
                  String eventId,
                  String aggregateType,
                  String aggregateId,
                  long sequence,
                  Instant timestamp,
                  String type,
                  String revision,
                  Object payload,
                  Map<String, Object> metadata) {
}
