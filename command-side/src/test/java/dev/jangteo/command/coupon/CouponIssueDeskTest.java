package dev.jangteo.command.coupon;

import dev.jangteo.api.coupon.IssueCouponCommand;
import dev.jangteo.api.coupon.IssueCouponResult;
import dev.jangteo.api.coupon.IssueOutcome;
import dev.jangteo.api.coupon.IssueRequest;
import dev.jangteo.command.refusal.Refusal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The desk's own behaviour, with a command gateway that answers like the aggregate would: every claim gets a place
 * in arrival order. The aggregate's rules are CouponTest's business; the real stack is in the system tests.
 */
class CouponIssueDeskTest {

    private final List<IssueCouponCommand> dispatched = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void canAnswerEachClaimOfAConcurrentBurstWithItsOwnOutcome() throws Exception {
        CouponIssueDesk desk = new CouponIssueDesk(gateway(slowly(), new AtomicInteger()), 64, 3, meters);
        List<CompletableFuture<IssueOutcome>> outcomes = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> clients = new ArrayList<>();
        List<CompletableFuture<IssueOutcome>> synced = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 200; i++) {
            String user = "user-" + i;
            clients.add(Thread.ofVirtual().start(() -> {
                await(start);
                synced.add(desk.issue(Coupons.ID, new IssueRequest(user, Coupons.NOW)));
            }));
        }
        start.countDown();
        for (Thread client : clients) {
            client.join();
        }
        outcomes.addAll(synced);

        List<Long> places = new ArrayList<>();
        for (CompletableFuture<IssueOutcome> outcome : outcomes) {
            places.add(outcome.get(5, TimeUnit.SECONDS).sequence());
        }
        assertThat(places).doesNotHaveDuplicates().hasSize(200).allMatch(place -> place >= 1 && place <= 200);
        assertThat(dispatched).as("claims waiting during a commit go out together").hasSizeLessThan(200);
        assertThat(dispatched).allMatch(command -> command.requests().size() <= 64);
    }

    @Test
    void canRetryABatchThatLostARaceToAnotherInstance() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        CouponIssueDesk desk = new CouponIssueDesk(gateway(quickly(), failuresLeft), 64, 3, meters);

        IssueOutcome outcome = desk.issue(Coupons.ID, new IssueRequest("alice", Coupons.NOW)).get(5, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo(IssueOutcome.issued("alice", 1));
        assertThat(dispatched).hasSize(3);
        assertThat(meters.counter("jangteo.coupon.issue.lost.races").count()).isEqualTo(2);
    }

    @Test
    void cannotRetryForever() {
        CouponIssueDesk desk = new CouponIssueDesk(gateway(quickly(), new AtomicInteger(5)), 64, 3, meters);

        assertThatThrownBy(() -> desk.issue(Coupons.ID, new IssueRequest("alice", Coupons.NOW))
                                     .get(5, TimeUnit.SECONDS))
                .cause().satisfies(failure -> assertThat(Refusal.is(failure, Refusal.LOST_RACE)).isTrue());
        assertThat(dispatched).hasSize(3);
    }

    /** A gateway whose sendAndWait decides like the aggregate, after failing {@code failuresLeft} times. */
    private CommandGateway gateway(Runnable commitDelay, AtomicInteger failuresLeft) {
        AtomicInteger issued = new AtomicInteger();
        return (CommandGateway) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{CommandGateway.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("sendAndWait")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    IssueCouponCommand command = (IssueCouponCommand) ((CommandMessage<?>) args[0]).getPayload();
                    dispatched.add(command);
                    commitDelay.run();
                    if (failuresLeft.getAndDecrement() > 0) {
                        // What the command bus answers a lost race with, on every bus.
                        throw new CommandExecutionException("another instance wrote first", null,
                                                            new Refusal(Refusal.LOST_RACE, 409, "lost"));
                    }
                    return new IssueCouponResult(command.requests().stream()
                                                        .map(r -> IssueOutcome.issued(r.userId(),
                                                                                      issued.incrementAndGet()))
                                                        .toList());
                });
    }

    private static Runnable slowly() {
        return () -> sleep(5);
    }

    private static Runnable quickly() {
        return () -> {
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
