package dev.jangteo.query.operations.replay.verify;

import dev.jangteo.query.readmodel.Shadow;
import dev.jangteo.query.support.TokenKinds;
import dev.jangteo.query.support.TokenKinds.Entry;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** A verified replay runs in two stretches; the second goes on from the store's own token where the first stopped. */
class ShadowReplayTest {

    /** No event at position 2, as after a rolled-back append. */
    private static final List<Entry> EVENTS = List.of(
            new Entry(0, "Account", "a", 0, "0"),
            new Entry(1, "Account", "a", 1, "1"),
            new Entry(3, "Account", "a", 2, "3"),
            new Entry(4, "Account", "a", 3, "4"),
            new Entry(5, "Account", "a", 4, "5"));

    private final Recorder recorder = new Recorder();

    @ParameterizedTest
    @EnumSource(TokenKinds.class)
    void canGoOnFromWhereTheFirstStretchStoppedWithTheStoresTokenType(TokenKinds kind) throws Exception {
        ShadowReplay replay = replayOver(kind.log(EVENTS));

        TrackingToken stopped = replay.replay(null, 3, event -> true);
        replay.replay(stopped, 5, event -> true);

        assertThat(stopped).isInstanceOf(kind.at(0, new TreeSet<>()).getClass());
        assertThat(stopped.position()).hasValue(3);
        assertThat(recorder.payloads).containsExactly("0", "1", "3", "4", "5");
    }

    @ParameterizedTest
    @EnumSource(TokenKinds.class)
    void answersTheStartWhenNothingWasRead(TokenKinds kind) throws Exception {
        ShadowReplay replay = replayOver(kind.log(EVENTS));

        assertThat(replay.replay(null, -1, event -> true)).isNull();
        assertThat(recorder.payloads).isEmpty();
    }

    private ShadowReplay replayOver(StreamableMessageSource<TrackedEventMessage<?>> store) {
        return new ShadowReplay(store, NoTransactionManager.INSTANCE, Shadow.of("accounts"), List.of(),
                                List.of(new AnnotationEventHandlerAdapter(recorder)));
    }

    static final class Recorder {
        private final List<String> payloads = new ArrayList<>();

        @EventHandler
        void on(String payload) {
            payloads.add(payload);
        }
    }
}
