package dev.jangteo.command.order;

import dev.jangteo.api.order.FailOrderStepCommand;
import dev.jangteo.api.order.RejectionReason;
import dev.jangteo.command.account.AccountClosedException;
import dev.jangteo.command.refusal.Refusal;
import dev.jangteo.platform.tracing.TraceContext;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * How the order sagas send a step. The answer comes back as an event of the step's aggregate; a step whose target
 * does not exist (an unknown product, account or coupon) cannot produce one, so it is reported to the order as
 * {@link FailOrderStepCommand}, whose event the saga then handles like any refusal; so is a debit of a closed
 * account. Both are told by their {@link Refusal} code, which arrives the same through Axon Server. Any other
 * failure is logged and left to the saga's step deadline.
 * <p>
 * Both send only once the unit of work that runs the saga's handler has committed (the saga's state, its token and
 * its deadline), never before. Sent at once on the asynchronous command bus, a command could take effect while the
 * saga's transaction was still open: a backup taken in between (or a rollback of the saga's batch, with the step
 * deadline firing before the retry) then holds the order paid by a saga that still waits for its debit, and the
 * deadline compensates the paid order. A command lost between the commit and the send is what the deadline is for.
 */
final class SagaCommands {

    private static final Logger log = LoggerFactory.getLogger(SagaCommands.class);
    private static final String PENDING = SagaCommands.class.getName() + ".pending";

    private SagaCommands() {
    }

    static void step(CommandGateway gateway, String orderId, Object command, RejectionReason whenMissing) {
        afterCommit(() -> gateway.send(command).exceptionally(failure -> {
            if (Refusal.is(failure, Refusal.NOT_FOUND)) {
                gateway.send(new FailOrderStepCommand(orderId, whenMissing));
            } else if (Refusal.is(failure, AccountClosedException.CODE)) {
                gateway.send(new FailOrderStepCommand(orderId, RejectionReason.ACCOUNT_CLOSED));
            } else {
                log.warn("Order {}: {} failed; the step deadline will decide", orderId,
                         command.getClass().getSimpleName(), failure);
            }
            return null;
        }));
    }

    /**
     * A compensation or completion: it cannot be refused, so a failure is only logged for the deadline to retry.
     * A compensation aimed at something that does not exist (the unknown product that failed the order) has nothing
     * to undo.
     */
    static void send(CommandGateway gateway, String orderId, Object command) {
        afterCommit(() -> gateway.send(command).exceptionally(failure -> {
            if (Refusal.is(failure, Refusal.NOT_FOUND)) {
                log.debug("Order {}: nothing to undo for {}", orderId, command);
                return null;
            }
            log.warn("Order {}: {} failed; it is re-sent when the saga's deadline fires", orderId,
                     command.getClass().getSimpleName(), failure);
            return null;
        }));
    }

    /**
     * Runs {@code send} after the commit of the current (root) unit of work, in the order the saga sent, or at once
     * outside one. One handler per unit of work runs them all: Axon runs after-commit handlers last registered first.
     * Each runs in the trace of the saga step that sent it, whose span has ended by then.
     */
    private static void afterCommit(Runnable send) {
        if (!CurrentUnitOfWork.isStarted()) {
            send.run();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.<List<Runnable>>getOrComputeResource(PENDING, key -> {
            List<Runnable> pending = new ArrayList<>();
            root.afterCommit(unitOfWork -> pending.forEach(Runnable::run));
            return pending;
        }).add(TraceContext.carried(send));
    }
}
