package dev.jangteo.command.config;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.CachingSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;

import java.util.Set;

/**
 * A saga store behind caches of sagas and their associations that never keep what a rolled-back unit of work wrote.
 * <p>
 * Axon's {@link CachingSagaStore} updates its caches as it writes, before the transaction commits, and leaves them so
 * when it rolls back. When the database fails at commit (PostgreSQL restarting, say) the event is handled again, but
 * the saga comes back from the cache as the failed attempt left it: a saga it inserted is taken as stored, and its
 * next update finds no row ("Expected to be able to update a Saga instance, but no rows were found"), or a saga it
 * updated has already moved on and skips the step the redelivered event should take. So every unit of work that
 * uses the store empties both caches if it rolls back; the next reads come from the database, which holds only what
 * committed. Rollbacks are failures, rare enough that dropping everything costs nothing worth tracking per entry.
 * Reads count too: an instance whose segment claim was taken over by another fails its next batch at the token
 * update, and so starts from the database if it ever claims the segment again.
 */
final class CommittedSagaCache implements SagaStore<Object> {

    private static final String FORGET_ON_ROLLBACK = CommittedSagaCache.class.getName() + ".forgetOnRollback";

    private final LruCache sagas;
    private final LruCache associations;
    private final SagaStore<Object> cached;

    CommittedSagaCache(SagaStore<Object> store, int capacity) {
        this.sagas = new LruCache(capacity);
        this.associations = new LruCache(capacity);
        this.cached = CachingSagaStore.builder()
                                      .delegateSagaStore(store)
                                      .sagaCache(sagas)
                                      .associationsCache(associations)
                                      .build();
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        forgetOnRollback();
        return cached.findSagas(sagaType, associationValue);
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        forgetOnRollback();
        return cached.loadSaga(sagaType, sagaIdentifier);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        forgetOnRollback();
        cached.deleteSaga(sagaType, sagaIdentifier, associationValues);
    }

    @Override
    public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga,
                           Set<AssociationValue> associationValues) {
        forgetOnRollback();
        cached.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga,
                           AssociationValues associationValues) {
        forgetOnRollback();
        cached.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    /** Once per unit of work: on its rollback, both caches are emptied. */
    private void forgetOnRollback() {
        if (!CurrentUnitOfWork.isStarted()) {
            // Outside a unit of work nothing is rolled back, so nothing needs forgetting.
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(FORGET_ON_ROLLBACK, key -> {
            root.onRollback(unitOfWork -> {
                sagas.removeAll();
                associations.removeAll();
            });
            return Boolean.TRUE;
        });
    }
}
