package dev.jangteo.platform.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** What answers 503 (retry later) rather than 500: stores out of reach, and commands nobody can take right now. */
class DependencyFailuresTest {

    @Test
    void canTellAStoreOutOfReachAnywhereInTheCauses() {
        assertThat(DependencyFailures.isUnavailable(
                new IllegalStateException("wrapped", new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void canTellACommandWithoutAHandlerForNow() {
        // Axon Server's answer in the moment after a reconnect, before the handlers are subscribed again.
        assertThat(DependencyFailures.isUnavailable(
                new NoHandlerForCommandException("No Handler for command: IssueCouponCommand"))).isTrue();
    }

    @Test
    void canTellAStoreThatDidNotAnswerInTime() {
        assertThat(DependencyFailures.isUnavailable(new IllegalStateException(
                "Axon Server did not answer", new java.util.concurrent.TimeoutException()))).isTrue();
    }

    @Test
    void cannotTakeABugForAnOutage() {
        assertThat(DependencyFailures.isUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(DependencyFailures.isUnavailable(new CommandExecutionException("refused", null))).isFalse();
    }
}
