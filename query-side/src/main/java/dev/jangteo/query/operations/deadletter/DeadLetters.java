package dev.jangteo.query.operations.deadletter;

import dev.jangteo.platform.web.ApiException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The dead-letter queues of the processing groups (Axon's {@code JdbcSequencedDeadLetterQueue} in
 * {@code query_side.dead_letter_entry}). A letter is one event a handler failed on; letters are sequenced per
 * aggregate (the groups' sequencing policy), so once an event of an aggregate is parked, the later events of that
 * aggregate are parked behind it while other aggregates flow. Listing reads the table; retrying and evicting go
 * through Axon's queue, so its claims and ordering hold.
 */
@Component
class DeadLetters {

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DeadLetters(EventProcessingConfiguration processing, JdbcClient jdbc, TransactionTemplate transaction) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Every group with a dead-letter queue, empty ones included. */
    List<DeadLetterView.Queue> all() {
        Map<String, Map<String, List<DeadLetterView.Letter>>> letters = new LinkedHashMap<>();
        groups().forEach(group -> letters.put(group, new LinkedHashMap<>()));
        jdbc.sql("""
                 SELECT processing_group, sequence_identifier, dead_letter_identifier, sequence_index,
                        event_identifier, payload_type, aggregate_identifier, sequence_number, time_stamp,
                        cause_type, cause_message, enqueued_at, last_touched
                 FROM query_side.dead_letter_entry
                 ORDER BY processing_group, sequence_identifier, sequence_index""")
            .query(row -> {
                letters.computeIfAbsent(row.getString("processing_group"), group -> new LinkedHashMap<>())
                       .computeIfAbsent(row.getString("sequence_identifier"), sequence -> new ArrayList<>())
                       .add(new DeadLetterView.Letter(
                               row.getString("dead_letter_identifier"), row.getLong("sequence_index"),
                               row.getString("event_identifier"), row.getString("payload_type"),
                               row.getString("aggregate_identifier"),
                               (Long) row.getObject("sequence_number"), row.getString("time_stamp"),
                               row.getString("cause_type"), row.getString("cause_message"),
                               row.getString("enqueued_at"), row.getString("last_touched")));
            });
        return letters.entrySet().stream().map(group -> {
            List<DeadLetterView.Sequence> sequences = group.getValue().entrySet().stream()
                    .map(sequence -> new DeadLetterView.Sequence(sequence.getKey(), sequence.getValue()))
                    .toList();
            long count = sequences.stream().mapToLong(sequence -> sequence.letters().size()).sum();
            return new DeadLetterView.Queue(group.getKey(), sequences.size(), count, sequences);
        }).toList();
    }

    /** How many letters each group with a dead-letter queue holds, empty ones included: one count query. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        groups().forEach(group -> counts.put(group, 0L));
        jdbc.sql("SELECT processing_group, count(*) AS letters FROM query_side.dead_letter_entry "
                         + "GROUP BY processing_group")
            .query(row -> {
                counts.put(row.getString("processing_group"), row.getLong("letters"));
            });
        return counts;
    }

    private TreeSet<String> groups() {
        TreeSet<String> groups = new TreeSet<>();
        processing.eventProcessors().keySet().stream()
                  .filter(group -> processing.deadLetterQueue(group).isPresent())
                  .forEach(groups::add);
        return groups;
    }

    /**
     * Retries every sequence of the group once, oldest letter first: a sequence whose letters all succeed leaves
     * the queue; one that fails again stays, with the letter that failed touched.
     */
    DeadLetterView.Retry retry(String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                                                                            .orElseThrow(() -> unknown(group));
        long before = count(group);
        List<String> heads = jdbc.sql("""
                                      SELECT DISTINCT ON (sequence_identifier) dead_letter_identifier
                                      FROM query_side.dead_letter_entry WHERE processing_group = ?
                                      ORDER BY sequence_identifier, sequence_index""")
                                 .param(group)
                                 .query(String.class)
                                 .list();
        for (String head : heads) {
            processor.process(letter -> letter instanceof JdbcDeadLetter<?> stored
                    && stored.getIdentifier().equals(head));
        }
        long after = count(group);
        return new DeadLetterView.Retry(group, before, Math.max(0, before - after), after);
    }

    /** Removes one letter for good and records who did it, in one transaction. */
    DeadLetterView.Eviction evict(String group, String letterId, String actingUser) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(group)
                                                                    .orElseThrow(() -> unknown(group));
        return transaction.execute(status -> {
            String sequenceId = jdbc.sql("SELECT sequence_identifier FROM query_side.dead_letter_entry "
                                                 + "WHERE processing_group = ? AND dead_letter_identifier = ?")
                                    .params(group, letterId)
                                    .query(String.class)
                                    .optional()
                                    .orElseThrow(() -> ApiException.notFound(
                                            "DEAD_LETTER_NOT_FOUND", "No dead letter " + letterId + " in " + group));
            DeadLetterView.Eviction eviction = record(group, letterId, actingUser);
            for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequenceId)) {
                if (letter instanceof JdbcDeadLetter<?> stored && stored.getIdentifier().equals(letterId)) {
                    queue.evict(letter);
                }
            }
            return eviction;
        });
    }

    private DeadLetterView.Eviction record(String group, String letterId, String actingUser) {
        return jdbc.sql("""
                        INSERT INTO query_side.dead_letter_eviction (processing_group, dead_letter_identifier,
                            sequence_identifier, event_identifier, payload_type, aggregate_identifier, sequence_number,
                            cause_type, cause_message, enqueued_at, evicted_by)
                        SELECT processing_group, dead_letter_identifier, sequence_identifier, event_identifier,
                               payload_type, aggregate_identifier, sequence_number, cause_type, cause_message,
                               enqueued_at, :user
                        FROM query_side.dead_letter_entry
                        WHERE processing_group = :group AND dead_letter_identifier = :letter
                        RETURNING eviction_id, processing_group, dead_letter_identifier, sequence_identifier,
                                  event_identifier, payload_type, cause_type, cause_message, evicted_by, evicted_at""")
                   .param("user", actingUser)
                   .param("group", group)
                   .param("letter", letterId)
                   .query((row, number) -> new DeadLetterView.Eviction(
                           row.getLong("eviction_id"), row.getString("processing_group"),
                           row.getString("dead_letter_identifier"), row.getString("sequence_identifier"),
                           row.getString("event_identifier"), row.getString("payload_type"),
                           row.getString("cause_type"), row.getString("cause_message"), row.getString("evicted_by"),
                           row.getObject("evicted_at", OffsetDateTime.class).toInstant()))
                   .single();
    }

    private long count(String group) {
        return jdbc.sql("SELECT count(*) FROM query_side.dead_letter_entry WHERE processing_group = ?")
                   .param(group)
                   .query(Long.class)
                   .single();
    }

    private static ApiException unknown(String group) {
        return ApiException.notFound("PROCESSOR_NOT_FOUND", "No processor " + group + " with a dead-letter queue");
    }
}
