package dev.jangteo.command.config;

import dev.jangteo.command.refusal.RefusingCommandBus;
import dev.jangteo.command.refusal.RemoteLikeWire;
import dev.jangteo.command.web.idempotency.IdempotentEffects;
import dev.jangteo.platform.logging.MessageLogContext;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.interceptors.TransactionManagingInterceptor;
import org.axonframework.serialization.Serializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * Commands go through an {@link AsynchronousCommandBus} (the local segment under the {@code axonserver} profile). A
 * saga handler dispatches its commands and returns; each command then runs in its own unit of work and transaction.
 * With the synchronous bus a command sent from a saga joins the saga's transaction, and a refused command (an
 * unknown product, say) marks that shared transaction rollback-only, so the saga's whole batch would fail and be
 * retried forever.
 * <p>
 * The gateway sends a command again when it lost a race with another instance on the same aggregate
 * ({@link LostRaceRetry}), for the REST API and the sagas alike. Every refusal reaches the sender as a
 * {@link dev.jangteo.command.refusal.Refusal}, on this bus as through Axon Server ({@link RefusingCommandBus}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    @Bean
    @Qualifier("localSegment")
    public CommandBus commandBus(TransactionManager transactionManager, Configuration axonConfiguration,
                                 DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                                 IdempotentEffects idempotentEffects,
                                 @Qualifier("messageSerializer") Serializer messageSerializer,
                                 @Value("${jangteo.commands.concurrency:8}") int concurrency,
                                 @Value("${jangteo.remote-like.enabled:false}") boolean remoteLike) {
        // Not a bean: an Executor bean would make Spring Boot back off its own task executor. A fixed number of
        // (virtual) threads, well under the connection pool: each command holds a connection for its transaction,
        // and a burst of commands on unbounded threads would wait for the pool and fail after its connection
        // timeout (503), where here they wait their turn in the queue.
        ExecutorService commandExecutor =
                Executors.newFixedThreadPool(concurrency, Thread.ofVirtual().name("command-", 0).factory());
        AsynchronousCommandBus.Builder builder =
                AsynchronousCommandBus.builder()
                                      .executor(commandExecutor)
                                      .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                                      .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                                      .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class,
                                                                                       "commandBus"));
        AsynchronousCommandBus commandBus = new RefusingCommandBus(
                builder, () -> axonConfiguration,
                remoteLike ? new RemoteLikeWire(messageSerializer) : UnaryOperator.identity());
        commandBus.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        commandBus.registerHandlerInterceptor(new MessageLogContext());
        // The transaction as an interceptor, not the bus's own transactionManager: the bus opens that one before
        // it captures failures, so on the executor's thread a database that cannot be reached would escape to the
        // thread (and the caller would wait for an answer that never comes) instead of failing the command.
        commandBus.registerHandlerInterceptor(new TransactionManagingInterceptor<>(transactionManager));
        // Inside the transaction: a command under an Idempotency-Key records its effect with its events, or neither.
        commandBus.registerHandlerInterceptor(idempotentEffects);
        return commandBus;
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, MeterRegistry meters,
                                         @Value("${jangteo.commands.lost-race-attempts:20}") int attempts) {
        // Not a bean either (see above); it only hands a retry back to the asynchronous bus.
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("command-retry").daemon().factory());
        return DefaultCommandGateway.builder()
                                    .commandBus(commandBus)
                                    .retryScheduler(new LostRaceRetry(retries, attempts, meters))
                                    .build();
    }
}
