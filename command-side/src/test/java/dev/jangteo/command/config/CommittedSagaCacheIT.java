package dev.jangteo.command.config;

import dev.jangteo.command.eventstore.EventStoreDatabase;
import dev.jangteo.platform.axon.AxonPlatformConfiguration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The saga store the command side configures, on the real saga tables: what a unit of work wrote and then rolled
 * back (its database transaction failed) is neither loaded nor found afterwards, and what committed still is.
 */
class CommittedSagaCacheIT {

    private static EventStoreDatabase database;
    private static SagaStore<Object> store;
    private static TransactionManager transactions;

    /** A saga's state as the store serializes it. */
    public record Step(String orderId, int step) {
    }

    @BeforeAll
    static void store() {
        database = new EventStoreDatabase("saga_cache");
        transactions = database.transactionManager();
        JacksonSerializer serializer = JacksonSerializer.builder()
                                                        .objectMapper(new AxonPlatformConfiguration()
                                                                              .defaultAxonObjectMapper())
                                                        .build();
        store = new CommittedSagaCache(SagaConfiguration.jdbcSagaStore(
                new AxonPlatformConfiguration().connectionProvider(database.dataSource()), serializer), 100);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void forgetsASagaInsertedByAUnitOfWorkThatRolledBack() {
        String sagaId = UUID.randomUUID().toString();
        AssociationValue order = new AssociationValue("orderId", sagaId);

        assertThatThrownBy(() -> inUnitOfWork(() -> {
            store.insertSaga(Step.class, sagaId, new Step(sagaId, 1), Set.of(order));
            throw new IllegalStateException("the database went away before the commit");
        })).hasRootCauseMessage("the database went away before the commit");

        assertThat(inUnitOfWork(() -> store.loadSaga(Step.class, sagaId))).as("loaded after the rollback").isNull();
        assertThat(inUnitOfWork(() -> store.findSagas(Step.class, order))).as("found after the rollback").isEmpty();
        // Handled again, the event inserts it anew: the first attempt left nothing behind to collide with.
        inUnitOfWork(() -> {
            store.insertSaga(Step.class, sagaId, new Step(sagaId, 1), Set.of(order));
            return null;
        });
        assertThat(inUnitOfWork(() -> store.findSagas(Step.class, order))).containsExactly(sagaId);
    }

    @Test
    void loadsASagaAsItsLastCommitLeftItAfterAnUpdateRolledBack() {
        String sagaId = UUID.randomUUID().toString();
        AssociationValue order = new AssociationValue("orderId", sagaId);
        inUnitOfWork(() -> {
            store.insertSaga(Step.class, sagaId, new Step(sagaId, 1), Set.of(order));
            return null;
        });
        assertThat(inUnitOfWork(() -> store.loadSaga(Step.class, sagaId)).saga()).isEqualTo(new Step(sagaId, 1));

        assertThatThrownBy(() -> inUnitOfWork(() -> {
            AssociationValuesImpl associations = new AssociationValuesImpl(Set.of(order));
            associations.add(new AssociationValue("paymentId", sagaId));
            store.updateSaga(Step.class, sagaId, new Step(sagaId, 2), associations);
            throw new IllegalStateException("the database went away before the commit");
        })).hasRootCauseMessage("the database went away before the commit");

        assertThat(inUnitOfWork(() -> store.loadSaga(Step.class, sagaId)).saga()).as("state after the rollback")
                                                                                 .isEqualTo(new Step(sagaId, 1));
        assertThat(inUnitOfWork(() -> store.findSagas(Step.class, new AssociationValue("paymentId", sagaId))))
                .as("an association the rolled-back update added").isEmpty();
    }

    /** Runs {@code work} as Axon runs an event handler: in a unit of work bound to a database transaction. */
    private static <R> R inUnitOfWork(java.util.concurrent.Callable<R> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<R> result = unitOfWork.executeWithResult(work);
        if (result.isExceptional()) {
            throw new IllegalStateException("rolled back", result.exceptionResult());
        }
        return result.getPayload();
    }
}
