package dev.jangteo.query.operations.deadletter;

import java.util.List;

/** What operators see of the dead-letter queues. */
final class DeadLetterView {

    private DeadLetterView() {
    }

    /** One group's queue: its sequences (one per aggregate), each with its letters in order. */
    record Queue(String group, long sequences, long letters, List<Sequence> deadLetters) {
    }

    /** The letters of one aggregate: the first one failed, the others wait behind it. */
    record Sequence(String sequenceId, List<Letter> letters) {
    }

    /**
     * @param id          the letter's id, for an eviction
     * @param index       its place in the sequence
     * @param aggregateSequence the event's sequence number in its aggregate
     */
    record Letter(String id, long index, String eventId, String payloadType, String aggregateId,
                  Long aggregateSequence, String eventTime, String causeType, String causeMessage,
                  String enqueuedAt, String lastTouched) {
    }

    /** @param succeeded letters applied and removed; {@code stillFailing} letters still in the queue */
    record Retry(String group, long letters, long succeeded, long stillFailing) {
    }

    record Eviction(long evictionId, String group, String id, String sequenceId, String eventId,
                    String payloadType, String causeType, String causeMessage, String evictedBy,
                    java.time.Instant evictedAt) {
    }
}
