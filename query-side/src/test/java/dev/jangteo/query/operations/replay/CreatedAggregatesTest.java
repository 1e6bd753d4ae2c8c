package dev.jangteo.query.operations.replay;

import dev.jangteo.query.support.TokenKinds;
import dev.jangteo.query.support.TokenKinds.Entry;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class CreatedAggregatesTest {

    /** Accounts a (before the start) and b, c (after it), a product, and no event at position 3. */
    private static final List<Entry> EVENTS = List.of(
            new Entry(0, "Account", "a", 0, "opened a"),
            new Entry(1, "Account", "a", 1, "deposit a"),
            new Entry(2, "Account", "b", 0, "opened b"),
            new Entry(4, "Product", "p", 0, "registered p"),
            new Entry(5, "Account", "a", 2, "deposit a"),
            new Entry(6, "Account", "c", 0, "opened c"),
            new Entry(7, "Account", "b", 1, "deposit b"));

    @ParameterizedTest
    @EnumSource(TokenKinds.class)
    void findsTheAggregatesOfTheTypeCreatedAfterTheStart(TokenKinds kind) {
        StreamableMessageSource<TrackedEventMessage<?>> store = kind.log(EVENTS);

        assertThat(CreatedAggregates.after(store, kind.at(1, new TreeSet<>()), "Account"))
                .containsExactlyInAnyOrder("b", "c");
    }

    @ParameterizedTest
    @EnumSource(TokenKinds.class)
    void findsEveryCreationFromBeforeTheFirstEvent(TokenKinds kind) {
        assertThat(CreatedAggregates.after(kind.log(EVENTS), null, "Account")).containsExactlyInAnyOrder("a", "b", "c");
    }

    @ParameterizedTest
    @EnumSource(TokenKinds.class)
    void findsNothingWhenTheStartIsTheHead(TokenKinds kind) {
        assertThat(CreatedAggregates.after(kind.log(EVENTS), kind.at(7, new TreeSet<>()), "Account")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TokenKinds.class)
    void findsNothingInAnEmptyStore(TokenKinds kind) {
        assertThat(CreatedAggregates.after(kind.log(List.of()), null, "Account")).isEmpty();
    }
}
