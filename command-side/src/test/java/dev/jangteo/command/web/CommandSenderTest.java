package dev.jangteo.command.web;

import dev.jangteo.command.refusal.Refusal;
import dev.jangteo.command.web.idempotency.IdempotentAttempt;
import dev.jangteo.platform.web.ApiException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.lang.reflect.Proxy;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A creation refused because its aggregate exists, under an {@code Idempotency-Key} whose earlier attempt created it
 * without recording the effect (through Axon Server, PostgreSQL failed after the events committed): the retry answers
 * as the creation did; an aggregate the caller named, or no key, is still a conflict.
 */
class CommandSenderTest {

    private static final Refusal EXISTS = new Refusal(Refusal.ALREADY_EXISTS, 409, "Aggregate exists");

    /** A gateway whose every command is refused: the aggregate exists. */
    private final CommandGateway gateway = (CommandGateway) Proxy.newProxyInstance(
            CommandGateway.class.getClassLoader(), new Class<?>[]{CommandGateway.class}, (proxy, method, args) -> {
                if (method.getName().equals("send") && args.length == 1) {
                    return CompletableFuture.failedFuture(new CommandExecutionException("exists", null, EXISTS));
                }
                throw new UnsupportedOperationException(method.getName());
            });
    private final CommandSender sender = new CommandSender(gateway, null, null);
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");

    @BeforeEach
    void bindRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("alice", null, "ROLE_USER"));
    }

    @AfterEach
    void unbindRequest() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void canAnswerAsTheCreationDidWhenAnEarlierAttemptOfTheRequestCreatedIt() {
        underKey("key-1");
        String derived = IdempotentAttempt.newId();

        Object result = sender.await("place order", "ORDER", derived);

        assertThat(result).isEqualTo(derived);
    }

    @Test
    void cannotTakeAnAggregateTheCallerNamedForItsOwn() {
        underKey("key-1");

        assertThatThrownBy(() -> sender.await("place order", "ORDER", "order-named-by-the-caller"))
                .isInstanceOfSatisfying(ApiException.class,
                                        refused -> assertThat(refused.code()).isEqualTo("ORDER_ALREADY_EXISTS"));
    }

    @Test
    void cannotTakeAnotherKeysAggregateForItsOwn() {
        underKey("key-1");
        String created = IdempotentAttempt.newId();
        underKey("key-2");

        assertThatThrownBy(() -> sender.await("place order", "ORDER", created))
                .isInstanceOfSatisfying(ApiException.class,
                                        refused -> assertThat(refused.code()).isEqualTo("ORDER_ALREADY_EXISTS"));
    }

    @Test
    void cannotAnswerFromAnEarlierAttemptWithoutAKey() {
        assertThatThrownBy(() -> sender.await("place order", "ORDER", UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(ApiException.class,
                                        refused -> assertThat(refused.code()).isEqualTo("ORDER_ALREADY_EXISTS"));
    }

    /** The request runs under {@code key}, as the idempotency filter binds a claimed attempt. */
    private void underKey(String key) {
        request.setAttribute(IdempotentAttempt.class.getName(),
                             new IdempotentAttempt("alice", key, "fingerprint", UUID.randomUUID(), null));
    }
}
