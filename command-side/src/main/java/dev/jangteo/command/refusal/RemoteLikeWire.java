package dev.jangteo.command.refusal;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.function.UnaryOperator;

/**
 * What Axon Server hands a command's sender when the handler failed, for the {@code remote-like} test profile
 * ({@code jangteo.remote-like.enabled}), which runs the system tests as if commands crossed Axon Server: only a
 * {@link CommandExecutionException} with the failure's message and its details, the details serialized and read
 * back with the message serializer. The original exception, its type and its causes do not arrive, so a sender that
 * decides on any of them fails under this profile as it would in production.
 */
public final class RemoteLikeWire implements UnaryOperator<Throwable> {

    private final Serializer serializer;

    public RemoteLikeWire(Serializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public Throwable apply(Throwable failure) {
        Object details = HandlerExecutionException.resolveDetails(failure).orElse(null);
        return new CommandExecutionException(failure.getMessage(), null, details == null ? null : copied(details));
    }

    private Object copied(Object details) {
        SerializedObject<byte[]> serialized = serializer.serialize(details, byte[].class);
        return serializer.deserialize(serialized);
    }
}
