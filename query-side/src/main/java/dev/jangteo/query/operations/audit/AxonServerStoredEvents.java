package dev.jangteo.query.operations.audit;

import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Axon Server's events as it stores them, read through the connector's event channel, not Axon's
 * {@code EventStore}, which upcasts and deserializes on the way. Positions are Axon Server's tokens: from 0, in
 * append order, without holes (one writer per context), so every event read may be sealed at once.
 * <p>
 * What the seal hashes of an Axon Server event ({@link #stored}): the token as position; the message identifier,
 * aggregate type, aggregate identifier and sequence number; the timestamp (Axon Server keeps milliseconds); the
 * payload's type, revision and bytes as serialized; and the metadata in a deterministic encoding
 * ({@link #metaData}). Protobuf has no null: an unset aggregate type, aggregate identifier or revision arrives empty
 * and is taken as none, as Axon reads it.
 */
final class AxonServerStoredEvents implements StoredEvents {

    /** How long Axon Server may take to answer, or to hand over an event it said it has. */
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Events Axon Server may send ahead of the reader (the stream's permits). */
    private static final int BUFFER = 1_000;

    private final AxonServerConnectionManager connections;

    AxonServerStoredEvents(AxonServerConnectionManager connections) {
        this.connections = connections;
    }

    @Override
    public long first() {
        return 0;
    }

    /** Axon Server's last token, -1 (or null) for an empty context. */
    @Override
    public long head() {
        Long last = answer(channel().getLastToken());
        return last == null || last < 0 ? -1 : last;
    }

    /** The event right after {@code position}: there are no holes. */
    @Override
    public Optional<Instant> firstTimeAfter(long position) {
        List<StoredEvent> next = new ArrayList<>(1);
        read(position + 1, position + 1, next::add);
        return next.stream().findFirst().map(StoredEvent::timestamp);
    }

    /** Up to the head as it is when the read starts: a stream would otherwise wait for events still to come. */
    @Override
    public void read(long from, long to, Predicate<StoredEvent> each) {
        long last = Math.min(to, head());
        if (last < from) {
            return;
        }
        int buffer = (int) Math.min(BUFFER, last - from + 1);
        // The stream starts after the token it is given: -1 opens it at the first event.
        try (EventStream stream = channel().openStream(from - 1, buffer)) {
            long position;
            do {
                StoredEvent event = stored(next(stream));
                position = event.position();
                if (position > last || !each.test(event)) {
                    return;
                }
            } while (position < last);
        }
    }

    /** An event as Axon Server handed it over, as the seal hashes it. */
    static StoredEvent stored(EventWithToken tracked) {
        Event event = tracked.getEvent();
        SerializedObject payload = event.getPayload();
        return new StoredEvent(tracked.getToken(),
                               event.getMessageIdentifier(),
                               orNull(event.getAggregateType()),
                               orNull(event.getAggregateIdentifier()),
                               event.getAggregateSequenceNumber(),
                               Instant.ofEpochMilli(event.getTimestamp()),
                               payload.getType(),
                               orNull(payload.getRevision()),
                               payload.getData().toByteArray(),
                               metaData(event.getMetaDataMap()));
    }

    /**
     * The metadata as one byte string, the same whatever order the entries arrive in: the entries sorted by key, each
     * key's UTF-8 bytes and then its {@link MetaDataValue}'s protobuf bytes ({@code toByteArray()}: one field of a
     * oneof, text, number, boolean, double or serialized object, so a given value always has the same encoding),
     * each preceded by its length in 4 bytes big-endian. No metadata is no bytes.
     */
    static byte[] metaData(Map<String, MetaDataValue> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Map.Entry<String, MetaDataValue> entry : new TreeMap<>(values).entrySet()) {
                lengthAndBytes(out, entry.getKey().getBytes(StandardCharsets.UTF_8));
                lengthAndBytes(out, entry.getValue().toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A byte array stream does not fail", e);
        }
        return bytes.toByteArray();
    }

    private static void lengthAndBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private EventChannel channel() {
        return connections.getConnection().eventChannel();
    }

    private static EventWithToken next(EventStream stream) {
        try {
            EventWithToken next = stream.nextIfAvailable(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new IllegalStateException("Axon Server handed over no event within " + WAIT
                                                        + " though its head is further on",
                                                stream.getError().orElseGet(
                                                        () -> new TimeoutException("no event within " + WAIT)));
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading Axon Server's events", e);
        }
    }

    private static <T> T answer(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Axon Server", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Axon Server did not answer", e);
        }
    }
}
