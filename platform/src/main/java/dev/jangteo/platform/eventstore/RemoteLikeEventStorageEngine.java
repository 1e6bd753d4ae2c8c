package dev.jangteo.platform.eventstore;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event store of the {@code remote-like} profile: PostgreSQL, seen by the apps as Axon Server would be, for CI
 * where no Axon Server runs. Events live in {@link RemoteStoreSchema} (the command side's event table stays empty);
 * every token it hands out or accepts is a {@link GlobalSequenceTrackingToken}, as Axon Server's
 * {@code AxonIQEventStorageEngine} gives, never a {@link GapAwareTrackingToken}; the first event is at 0.
 * <p>
 * Axon Server appends with a single writer, so global order is commit order and a reader that asks for what follows
 * its position misses nothing. Here each appending transaction takes one advisory lock before it draws global
 * indexes and holds it until it commits or rolls back: no event can commit below one already visible. A rolled back
 * append leaves a hole in the sequence, which readers skip as they would a hole that nothing will ever fill.
 * <p>
 * An append whose first sequence number is not the aggregate's next is refused as Axon Server's connector reports it
 * to the handling side (axon-server-connector 4.13.0 with axonserver-connector-java 2025.2.1):
 * {@code AxonServerEventStore.AxonIQEventStorageEngine#commit} rethrows the cause of the failed append future as it
 * is, and that cause is the gRPC {@link StatusRuntimeException} Axon Server answered, status {@code OUT_OF_RANGE},
 * description {@code [AXONIQ-2000] Invalid sequence number N for aggregate X, expected M} (axon-server-se
 * {@code SequenceNumberCache}, {@code GrpcExceptionBuilder}) and error code trailer {@code AxonIQ-ErrorCode}. The
 * framework's {@code ErrorCode.INVALID_EVENT_SEQUENCE} mapping to {@code ConcurrencyException} is not applied on that
 * path, so the handler sees neither {@code ConcurrencyException} nor {@code AggregateStreamCreationException}.
 */
public class RemoteLikeEventStorageEngine extends PostgresEventStorageEngine {

    /** Any number no other advisory lock of ours uses: "RSAPP" in ASCII. */
    private static final long APPEND_LOCK = 0x5253_4150_50L;

    private static final Metadata.Key<String> ERROR_CODE =
            Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER);
    private static final String INVALID_SEQUENCE = "AXONIQ-2000";

    public RemoteLikeEventStorageEngine(Serializer eventSerializer,
                                        Serializer snapshotSerializer,
                                        EventUpcaster upcasterChain,
                                        ConnectionProvider connectionProvider,
                                        TransactionManager transactionManager,
                                        PersistenceExceptionResolver persistenceExceptionResolver) {
        super(RemoteStoreSchema.schema(), eventSerializer, snapshotSerializer, upcasterChain, connectionProvider,
              transactionManager, persistenceExceptionResolver);
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, APPEND_LOCK);
            lock.execute();
        }
        refuseOutOfSequence(connection, events);
        return super.appendEvents(connection, events, serializer);
    }

    /** Under the append lock, so the highest sequence number read is still the highest when the insert runs. */
    private void refuseOutOfSequence(Connection connection, List<? extends EventMessage<?>> events)
            throws SQLException {
        Map<String, Long> firstOfAggregate = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                firstOfAggregate.putIfAbsent(domain.getAggregateIdentifier(), domain.getSequenceNumber());
            }
        }
        for (Map.Entry<String, Long> aggregate : firstOfAggregate.entrySet()) {
            long expected = lastSequenceNumber(connection, aggregate.getKey()) + 1;
            if (aggregate.getValue() != expected) {
                Metadata trailers = new Metadata();
                trailers.put(ERROR_CODE, INVALID_SEQUENCE);
                String description = String.format("[%s] Invalid sequence number %d for aggregate %s, expected %d",
                                                   INVALID_SEQUENCE, aggregate.getValue(), aggregate.getKey(),
                                                   expected);
                throw Status.OUT_OF_RANGE.withDescription(description).asRuntimeException(trailers);
            }
        }
    }

    private long lastSequenceNumber(Connection connection, String aggregateIdentifier) throws SQLException {
        try (PreparedStatement statement = lastSequenceNumberFor(connection, aggregateIdentifier);
             ResultSet result = statement.executeQuery()) {
            result.next();
            long last = result.getLong(1);
            return result.wasNull() ? -1 : last;
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return globalSequence(super.createTailToken());
    }

    @Override
    public TrackingToken createHeadToken() {
        return globalSequence(super.createHeadToken());
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return globalSequence(super.createTokenAt(dateTime));
    }

    /**
     * Reads what follows the position with Axon's JDBC machinery and hands out the positions as global sequence
     * tokens. The gap-aware token Axon's engine works with inside never carries a gap: see
     * {@link #getTrackedEventData}.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken after = GapAwareTrackingToken.newInstance(positionOf(lastToken), Set.of());
        return super.fetchTrackedEvents(after, batchSize).stream()
                    .map(event -> withGlobalSequence((TrackedDomainEventData<?>) event))
                    .toList();
    }

    /** Each event as if read right after the one before it: no hole below it is waited for (single writer). */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        long position = resultSet.getLong(schema().globalIndexColumn());
        return super.getTrackedEventData(resultSet, GapAwareTrackingToken.newInstance(position - 1, Set.of()));
    }

    private static <T> TrackedEventData<T> withGlobalSequence(TrackedDomainEventData<T> event) {
        return new TrackedDomainEventData<>(globalSequence(event.trackingToken()), event);
    }

    /** As Axon Server's connector: no token (the start of the stream) for a position before the first event. */
    private static TrackingToken globalSequence(TrackingToken token) {
        if (token == null || token.position().orElse(-1) < 0) {
            return null;
        }
        return new GlobalSequenceTrackingToken(token.position().getAsLong());
    }

    /** As Axon Server's connector, which refuses any other kind of token. */
    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        throw new IllegalArgumentException(String.format("Token [%s] is of the wrong type. Expected [%s]", token,
                                                         GlobalSequenceTrackingToken.class.getSimpleName()));
    }
}
