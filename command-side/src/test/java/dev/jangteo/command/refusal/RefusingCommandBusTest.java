package dev.jangteo.command.refusal;

import dev.jangteo.api.Money;
import dev.jangteo.api.catalog.RegisterProductCommand;
import dev.jangteo.api.catalog.RestockCommand;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal reaches the sender as a {@link Refusal} in a {@link CommandExecutionException}, the only thing that
 * crosses Axon Server, and the same on the local bus; under {@link RemoteLikeWire} nothing else arrives.
 */
class RefusingCommandBusTest {

    private static final Configuration AXON = DefaultConfigurer.defaultConfiguration()
                                                               .configureAggregate(Shelf.class)
                                                               .buildConfiguration();
    private static final RegisterProductCommand REGISTER =
            new RegisterProductCommand("kimchi", "Kimchi 1kg", "food", Money.won(12_000), 10);
    private static final RestockCommand RESTOCK = new RestockCommand("kimchi", "restock-1", 5);

    @Test
    void canAnswerAnAggregatesRuleWithItsCodeAndStatus() {
        Throwable failure = failureOf(local(), RESTOCK, new RuleBroken());

        assertThat(Refusal.of(failure)).contains(new Refusal("STOCK_FROZEN", 409, "stock is frozen"));
        assertThat(failure).isInstanceOf(CommandExecutionException.class).hasNoCause();
    }

    @Test
    void canAnswerAMissingAggregateAsNotFound() {
        Throwable failure = failureOf(local(), RESTOCK, new AggregateNotFoundException("kimchi", "no kimchi"));

        assertThat(codeOf(failure)).isEqualTo(Refusal.NOT_FOUND);
        assertThat(Refusal.of(failure).orElseThrow().status()).isEqualTo(404);
    }

    @Test
    void canTellACreationThatFoundTheAggregateFromALostRace() {
        // Axon Server reports both as a conflict on the stream; only the command tells them apart.
        ConcurrencyException conflict = new ConcurrencyException("Invalid sequence number 0 for aggregate kimchi");

        assertThat(codeOf(failureOf(local(), REGISTER, conflict))).isEqualTo(Refusal.ALREADY_EXISTS);
        assertThat(codeOf(failureOf(local(), RESTOCK, conflict))).isEqualTo(Refusal.LOST_RACE);
        assertThat(codeOf(failureOf(local(), REGISTER, new AggregateStreamCreationException("exists"))))
                .isEqualTo(Refusal.ALREADY_EXISTS);
    }

    @Test
    void canReadAxonServersRefusedAppend() {
        // As a real Axon Server (SE 4.6.11) refused a second creation of an account, at the commit.
        Metadata trailers = new Metadata();
        trailers.put(Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER), "AXONIQ-2000");
        StatusRuntimeException refused = Status.OUT_OF_RANGE
                .withDescription("[AXONIQ-2000] Invalid sequence number 0 for aggregate kimchi, expected 2")
                .asRuntimeException(trailers);

        assertThat(codeOf(failureOf(local(), REGISTER, refused))).isEqualTo(Refusal.ALREADY_EXISTS);
        assertThat(codeOf(failureOf(local(), RESTOCK, refused))).isEqualTo(Refusal.LOST_RACE);
    }

    @Test
    void canAnswerAValueTheHandlerRefusedAsInvalid() {
        Throwable failure = failureOf(local(), RESTOCK, new IllegalArgumentException("stock would exceed 1000000"));

        assertThat(Refusal.of(failure)).contains(new Refusal("VALIDATION_FAILED", 400, "stock would exceed 1000000"));
    }

    @Test
    void cannotTurnAFaultIntoARefusal() {
        IllegalStateException fault = new IllegalStateException("bug");

        assertThat(failureOf(local(), RESTOCK, fault)).isSameAs(fault);
    }

    @Test
    void canHandOverOnlyWhatAxonServerWouldUnderTheRemoteLikeWire() {
        RefusingCommandBus bus = bus(new RemoteLikeWire(JacksonSerializer.defaultSerializer()));

        Throwable refused = failureOf(bus, RESTOCK, new RuleBroken());
        Throwable fault = failureOf(bus, RESTOCK, new IllegalStateException("bug"));

        assertThat(refused).isInstanceOf(CommandExecutionException.class).hasNoCause();
        assertThat(Refusal.of(refused)).contains(new Refusal("STOCK_FROZEN", 409, "stock is frozen"));
        assertThat(fault).isInstanceOf(CommandExecutionException.class).hasNoCause().hasMessage("bug");
        assertThat(Refusal.of(fault)).isEmpty();
    }

    @Test
    void canPassAResultThrough() throws Exception {
        RefusingCommandBus bus = local();
        bus.subscribe(RestockCommand.class.getName(), message -> 42);
        CompletableFuture<CommandResultMessage<?>> result = new CompletableFuture<>();

        bus.dispatch(GenericCommandMessage.asCommandMessage(RESTOCK), (command, answer) -> result.complete(answer));

        assertThat(result.get(5, TimeUnit.SECONDS).getPayload()).isEqualTo(42);
    }

    /** An aggregate created by {@link RegisterProductCommand}, changed by {@link RestockCommand}. */
    static class Shelf {

        @AggregateIdentifier
        private String id;

        Shelf() {
        }

        @CommandHandler
        Shelf(RegisterProductCommand command) {
            id = command.productId();
        }

        @CommandHandler
        void handle(RestockCommand command) {
        }
    }

    private static final class RuleBroken extends RefusedException {

        RuleBroken() {
            super("STOCK_FROZEN", 409, "stock is frozen");
        }
    }

    private static RefusingCommandBus local() {
        return bus(UnaryOperator.identity());
    }

    private static RefusingCommandBus bus(UnaryOperator<Throwable> wire) {
        return new RefusingCommandBus(AsynchronousCommandBus.builder().executor(Runnable::run), () -> AXON, wire);
    }

    private static String codeOf(Throwable failure) {
        return Refusal.of(failure).map(Refusal::code).orElse(null);
    }

    /** What the sender of {@code command} gets when its handler throws {@code thrown}. */
    private static Throwable failureOf(RefusingCommandBus bus, Object command, RuntimeException thrown) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        bus.subscribe(message.getCommandName(), handled -> {
            throw thrown;
        });
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        bus.dispatch(message, (sent, result) -> failure.complete(result.exceptionResult()));
        return failure.join();
    }
}
