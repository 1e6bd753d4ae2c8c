package dev.jangteo.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of an app while orders arrive, then a new process in its place: the command side while requests
 * are in flight and sagas mid-way, the query side while its projections are mid-batch. Every client retries its
 * order with the same {@code Idempotency-Key} until it is accepted, as the API asks clients to; afterwards each order
 * exists once, every order settles, money and stock add up in the read models and in the audit state, sales and
 * rankings match the PAID orders, the seal chain verifies, and every key answers a retry with its first answer.
 */
class CrashRecoveryIT {

    private static final int WALLETS = 20;
    private static final int ORDERS_PER_WALLET = 15;
    private static final int PRODUCTS = 3;

    @RegisterExtension
    static final StackExtension stack = new StackExtension("crash", 1);
    private static final OrderBooks books = new OrderBooks(stack);

    @Test
    void canSettleEveryOrderOnceAfterTheCommandSideIsKilledMidWay() throws Exception {
        List<String> wallets = books.wallets(WALLETS);
        List<String> products = books.products(PRODUCTS);
        AtomicReference<URI> command = new AtomicReference<>(stack.command());

        List<OrderBooks.Placed> placed = books.placeAll(command, wallets, products, ORDERS_PER_WALLET, () -> {
            stack.get().killCommandSide(0);
            stack.get().startCommandSide(0);
            command.set(stack.command());
        });

        assertThat(placed).hasSize(WALLETS * ORDERS_PER_WALLET);
        books.assertEachOrderOnce(placed);
        books.assertBooksBalance(wallets, products, placed);
    }

    @Test
    void canMakeEveryProjectionWholeAfterTheQuerySideIsKilledMidBatch() throws Exception {
        List<String> wallets = books.wallets(WALLETS / 2);
        List<String> products = books.products(PRODUCTS);
        AtomicReference<URI> command = new AtomicReference<>(stack.command());

        List<OrderBooks.Placed> placed = books.placeAll(command, wallets, products, ORDERS_PER_WALLET, () -> {
            stack.get().killQuerySide();
            OrderBooks.pause(2_000);  // the command side goes on: events pile up for the projections meanwhile
            stack.get().startQuerySide();
        });

        assertThat(placed).hasSize(WALLETS / 2 * ORDERS_PER_WALLET);
        books.assertBooksBalance(wallets, products, placed);
    }
}
