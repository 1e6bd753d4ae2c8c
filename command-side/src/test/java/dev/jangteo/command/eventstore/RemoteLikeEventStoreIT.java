package dev.jangteo.command.eventstore;

import dev.jangteo.platform.eventstore.RemoteLikeEventStorageEngine;
import dev.jangteo.platform.eventstore.RemoteStoreSchema;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.jangteo.command.eventstore.EventStoreDatabase.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code remote-like} event store against the real PostgreSQL: what the apps see of it is what Axon Server gives
 * (global sequence tokens from 0, its refusal of a taken sequence number, global order as commit order), and the
 * command side's event table stays empty.
 */
class RemoteLikeEventStoreIT {

    private EventStoreDatabase database;
    private RemoteLikeEventStorageEngine engine;

    @BeforeEach
    void store() {
        database = new EventStoreDatabase("remote_like");
        engine = database.remoteLikeEngine();
    }

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void canGiveNoHeadNorTailTokenWhileEmpty() {
        assertThat(engine.createHeadToken()).isNull();
        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.createTokenAt(Instant.now())).isNull();
    }

    @Test
    void canGiveGlobalSequenceTokensFromZero() {
        engine.appendEvents(event("a", 0), event("a", 1), event("b", 0));

        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(2));
        assertThat(engine.createTailToken()).as("before the first event, as Axon Server's connector").isNull();
        assertThat(read(null)).extracting(TrackedEventMessage::trackingToken)
                              .containsExactly(new GlobalSequenceTrackingToken(0), new GlobalSequenceTrackingToken(1),
                                               new GlobalSequenceTrackingToken(2));
    }

    @Test
    void canReadWhatFollowsAToken() {
        engine.appendEvents(event("a", 0), event("a", 1), event("a", 2));

        List<TrackedEventMessage<?>> after = read(new GlobalSequenceTrackingToken(0));

        assertThat(after).extracting(TrackedEventMessage::trackingToken)
                         .containsExactly(new GlobalSequenceTrackingToken(1), new GlobalSequenceTrackingToken(2));
        assertThat(after).extracting(event -> ((EventStoreDatabase.Noted) event.getPayload()).text())
                         .containsExactly("a#1", "a#2");
    }

    @Test
    void cannotReadFromAGapAwareToken() {
        assertThatThrownBy(() -> read(GapAwareTrackingToken.newInstance(0, List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GlobalSequenceTrackingToken");
    }

    @Test
    void canGiveTheTokenBeforeTheFirstEventAtAMoment() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(3));
        engine.appendEvents(event("a", 0, start), event("a", 1, start.plus(Duration.ofHours(1))),
                            event("a", 2, start.plus(Duration.ofHours(2))));

        assertThat(engine.createTokenAt(start)).isNull();
        assertThat(engine.createTokenAt(start.plus(Duration.ofMinutes(30)))).isEqualTo(new GlobalSequenceTrackingToken(0));
        assertThat(engine.createTokenAt(start.plus(Duration.ofHours(2)))).isEqualTo(new GlobalSequenceTrackingToken(1));
        assertThat(engine.createTokenAt(Instant.now())).isEqualTo(new GlobalSequenceTrackingToken(2));
    }

    @Test
    void cannotAppendATakenSequenceNumberAsAxonServerRefusesIt() {
        engine.appendEvents(event("a", 0));

        assertThatThrownBy(() -> engine.appendEvents(event("a", 0)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.OUT_OF_RANGE);
                    assertThat(refused.getTrailers().get(
                            Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER)))
                            .isEqualTo("AXONIQ-2000");
                })
                .hasMessage("OUT_OF_RANGE: [AXONIQ-2000] Invalid sequence number 0 for aggregate a, expected 1");
        assertThat(read(null)).hasSize(1);
    }

    @Test
    void cannotSkipASequenceNumber() {
        engine.appendEvents(event("a", 0));

        assertThatThrownBy(() -> engine.appendEvents(event("a", 2)))
                .isInstanceOf(StatusRuntimeException.class)
                .hasMessageEndingWith("Invalid sequence number 2 for aggregate a, expected 1");
    }

    @Test
    void canLeaveTheCommandSidesEventTableEmpty() {
        engine.appendEvents(event("a", 0), event("a", 1));
        engine.storeSnapshot(event("a", 1));

        JdbcClient jdbc = database.jdbc();
        assertThat(count(jdbc, "command_side.domain_event_entry")).isZero();
        assertThat(count(jdbc, "command_side.snapshot_event_entry")).isZero();
        assertThat(count(jdbc, RemoteStoreSchema.EVENTS)).isEqualTo(2);
        assertThat(count(jdbc, RemoteStoreSchema.SNAPSHOTS)).isEqualTo(1);
    }

    @Test
    void canCreateItsSchemaFromSeveralProcessesAtOnce() throws InterruptedException {
        try (EventStoreDatabase fresh = new EventStoreDatabase("remote_like_schema")) {
            CountDownLatch start = new CountDownLatch(1);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> starters = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starters.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        RemoteStoreSchema.create(fresh.dataSource());
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            start.countDown();
            for (Thread starter : starters) {
                starter.join();
            }

            assertThat(failures).isEmpty();
            assertThat(count(fresh.jdbc(), RemoteStoreSchema.EVENTS)).isZero();
        }
    }

    /**
     * Writers hold their transactions open a random while after the insert, so without one writer at a time a later
     * global index would often commit first; a reader that follows the stream by position would then skip the
     * earlier one for good. The reader must see every committed event, in order.
     */
    @Test
    void canNeverCommitAnEventBelowOneAlreadyVisible() throws InterruptedException {
        int writers = 4;
        int appendsEach = 40;
        TransactionManager transactions = database.transactionManager();
        JdbcClient jdbc = database.jdbc();
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<TrackedEventMessage<?>> seen = new ArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            TrackingToken position = null;
            while (true) {
                // Read once more after the writers are done: that read starts after their last commit.
                boolean writersDone = !writing.get();
                List<TrackedEventMessage<?>> next = read(position);
                if (next.isEmpty() && writersDone) {
                    return;
                }
                if (!next.isEmpty()) {
                    seen.addAll(next);
                    position = next.getLast().trackingToken();
                }
            }
        });
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String aggregate = "writer-" + w;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < appendsEach; i++) {
                        long sequence = i;
                        transactions.executeInTransaction(() -> {
                            engine.appendEvents(event(aggregate, sequence));
                            jdbc.sql("SELECT 1 FROM pg_sleep(?)")
                                .param(ThreadLocalRandom.current().nextInt(0, 4) / 1000.0)
                                .query(Integer.class).single();
                        });
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        writing.set(false);
        reader.join();

        assertThat(failures).isEmpty();
        List<String> committed = jdbc.sql("SELECT event_identifier FROM " + RemoteStoreSchema.EVENTS
                                                  + " ORDER BY global_index").query(String.class).list();
        assertThat(committed).hasSize(writers * appendsEach);
        assertThat(seen).extracting(TrackedEventMessage::getIdentifier).containsExactlyElementsOf(committed);
    }

    private List<TrackedEventMessage<?>> read(TrackingToken after) {
        try (var events = engine.readEvents(after, false)) {
            return new ArrayList<>(events.toList());
        }
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
