package dev.jangteo.command.order;

import dev.jangteo.api.order.RejectOrderCommand;
import dev.jangteo.api.order.RejectionReason;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.jangteo.command.order.OrderTestData.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

/** A saga's commands leave only with the state that decided them: after its unit of work commits, never before. */
class SagaCommandsTest {

    private final List<Object> sent = new ArrayList<>();
    private final CommandGateway gateway = (CommandGateway) Proxy.newProxyInstance(
            CommandGateway.class.getClassLoader(), new Class<?>[]{CommandGateway.class}, (proxy, method, args) -> {
                if (method.getName().equals("send") && args.length == 1) {
                    sent.add(args[0]);
                    return CompletableFuture.completedFuture(null);
                }
                throw new UnsupportedOperationException(method.getName());
            });
    private final RejectOrderCommand reject = new RejectOrderCommand(ORDER, RejectionReason.TIMED_OUT);

    @Test
    void canSendOnceTheSagasUnitOfWorkHasCommitted() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);

        SagaCommands.send(gateway, ORDER, reject);
        SagaCommands.step(gateway, ORDER, reject, RejectionReason.PRODUCT_NOT_FOUND);

        assertThat(sent).isEmpty();
        unitOfWork.commit();
        assertThat(sent).containsExactly(reject, reject);
    }

    @Test
    void cannotSendWhenTheSagasUnitOfWorkRollsBack() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);

        SagaCommands.send(gateway, ORDER, reject);
        unitOfWork.rollback();

        assertThat(sent).isEmpty();
    }

    @Test
    void canSendAtOnceOutsideAUnitOfWork() {
        SagaCommands.send(gateway, ORDER, reject);

        assertThat(sent).containsExactly(reject);
    }
}
