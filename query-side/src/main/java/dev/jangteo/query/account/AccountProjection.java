package dev.jangteo.query.account;

import dev.jangteo.api.account.AccountClosedEvent;
import dev.jangteo.api.account.AccountDebitedEvent;
import dev.jangteo.api.account.AccountOpenedEvent;
import dev.jangteo.api.account.AccountRefundedEvent;
import dev.jangteo.api.account.FundsDepositedEvent;
import dev.jangteo.query.readmodel.JpaProjection;
import dev.jangteo.query.readmodel.Projection;
import dev.jangteo.query.readmodel.ReadModel;
import dev.jangteo.query.readmodel.ReplayScope;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * Wallets and their balances. Runs in the processor's transaction together with its tracking token; every balance
 * comes from the event (the balance after it), never from adding to the stored one. A refused debit changes nothing.
 */
@Component
@ProcessingGroup(AccountProjection.GROUP)
class AccountProjection extends JpaProjection implements Projection {

    static final String GROUP = "accounts";
    static final ReadModel READ_MODEL = ReadModel.of(GROUP, AccountView.TABLE);

    private final ReplayScope replays;

    AccountProjection(EntityManager entityManager, TransactionTemplate transaction, ReplayScope replays) {
        super(entityManager, transaction);
        this.replays = replays;
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @EventHandler
    void on(AccountOpenedEvent event, @Timestamp Instant openedAt) {
        entityManager.persist(new AccountView(event.userId(), event.email(), event.displayName(), openedAt));
    }

    @EventHandler
    void on(FundsDepositedEvent event, @Timestamp Instant at) {
        existing(AccountView.class, event.userId()).recordBalance(event.balance().won(), at);
    }

    @EventHandler
    void on(AccountDebitedEvent event, @Timestamp Instant at) {
        existing(AccountView.class, event.userId()).recordBalance(event.balance().won(), at);
    }

    @EventHandler
    void on(AccountRefundedEvent event, @Timestamp Instant at) {
        existing(AccountView.class, event.userId()).recordBalance(event.balance().won(), at);
    }

    @EventHandler
    void on(AccountClosedEvent event, @Timestamp Instant at) {
        existing(AccountView.class, event.userId()).close(at);
    }

    @ResetHandler
    void reset() {
        clearRowsPerAggregate(replays.createdSinceStart(GROUP, "Account"), AccountView.TABLE, "user_id");
    }
}
