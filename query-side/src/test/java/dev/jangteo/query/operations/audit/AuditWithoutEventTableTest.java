package dev.jangteo.query.operations.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.jangteo.api.Money;
import dev.jangteo.api.account.AccountOpenedEvent;
import dev.jangteo.api.account.FundsDepositedEvent;
import dev.jangteo.api.audit.AccountFold;
import dev.jangteo.platform.eventstore.PostgresEventStorageEngine;
import dev.jangteo.platform.web.ApiException;
import dev.jangteo.query.web.PageOf;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit API where the PostgreSQL event table is not the store (no {@link PostgresEventStorageEngine}, as under
 * Axon Server): an aggregate's history and state and the feed read through Axon's {@code EventStore} (here Axon's
 * own in-memory engine, whose positions count from 0). The seal chain reads such a store through its own reader
 * ({@link StoredEventsRule}), tested with the store it reads.
 */
class AuditWithoutEventTableTest {

    private static final String USER = "user-1";

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                                                            .storageEngine(new InMemoryEventStorageEngine())
                                                            .build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ReadableMessages readable = new ReadableMessages(JacksonSerializer.defaultSerializer(), json);
    private final EventTableRule rule = new EventTableRule(
            new StaticListableBeanFactory().getBeanProvider(PostgresEventStorageEngine.class),
            new TableAggregateEvents(null, null), new StoreAggregateEvents(eventStore, readable),
            new TableFeed(null, null), new StoreFeed(eventStore, readable));
    private final AuditController audit = new AuditController(rule, null, new AggregateStates(rule), null, null, json);

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void readsTheHistoryOfAnAggregateThroughTheEventStore() {
        openWithTwoDeposits();

        PageOf<AuditEvent> history = audit.history(USER, 0, 2);

        assertThat(history.items()).extracting(AuditEvent::sequence).containsExactly(0L, 1L);
        assertThat(history.items()).extracting(AuditEvent::aggregateType).containsOnly("Account");
        assertThat(history.items().getFirst().type()).isEqualTo(AccountOpenedEvent.class.getName());
        assertThat(history.items().getFirst().revision()).isEqualTo("2");
        assertThat(history.items().getFirst().position()).isNull();
        assertThat(history.total()).isEqualTo(3);
    }

    @Test
    void foldsTheStateAtAVersionThroughTheEventStore() {
        openWithTwoDeposits();

        AggregateStates.AggregateState state = audit.state(USER, null, "1");

        assertThat(state.version()).isEqualTo(1);
        assertThat(((AccountFold.AccountState) state.state()).balance()).isEqualTo(500);
    }

    @Test
    void cannotFindAnAggregateWithoutEvents() {
        assertThatThrownBy(() -> audit.history("nobody", null, null))
                .isInstanceOfSatisfying(ApiException.class,
                                        refusal -> assertThat(refusal.code()).isEqualTo("AGGREGATE_NOT_FOUND"));
    }

    @Test
    void pagesThroughTheFeedOfTheEventStore() {
        openWithTwoDeposits();

        AuditController.FeedPage first = audit.feed(null, null, null, null, null, "2");
        AuditController.FeedPage second = audit.feed(null, null, null, null, String.valueOf(first.next()), "2");

        assertThat(first.events()).extracting(AuditEvent::position).containsExactly(0L, 1L);
        assertThat(first.next()).isEqualTo(1L);
        assertThat(second.events()).extracting(AuditEvent::position).containsExactly(2L);
        assertThat(second.next()).isNull();
    }

    @Test
    void filtersTheFeedByTypeAndAggregateType() {
        openWithTwoDeposits();

        assertThat(audit.feed(null, null, "FundsDepositedEvent", null, null, null).events())
                .extracting(AuditEvent::sequence).containsExactly(1L, 2L);
        assertThat(audit.feed(null, null, null, "Product", null, null).events()).isEmpty();
    }

    @Test
    void exportsTheFeedOfTheEventStoreOneEventALine() throws Exception {
        openWithTwoDeposits();
        MockHttpServletResponse response = new MockHttpServletResponse();

        audit.export(null, null, null, "Account", "0", response);

        assertThat(response.getContentAsString().lines()).hasSize(2)
                                                         .allSatisfy(line -> assertThat(line).contains(USER));
    }

    private void openWithTwoDeposits() {
        eventStore.publish(
                new GenericDomainEventMessage<>("Account", USER, 0, new AccountOpenedEvent(USER, "a@b.kr", "Kim")),
                new GenericDomainEventMessage<>("Account", USER, 1, new FundsDepositedEvent(
                        USER, "d-1", Money.won(500), Money.won(500))),
                new GenericDomainEventMessage<>("Account", USER, 2, new FundsDepositedEvent(
                        USER, "d-2", Money.won(300), Money.won(800))));
    }
}
