package dev.jangteo.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarting under an ordering load, as both apps see it: every open connection drops at once and new
 * ones are refused for a few seconds, then the store is back (through a proxy, so the server other tests share keeps
 * running). Commands in flight fail with 503, and clients resend with their key; afterwards the books are exact.
 */
class StoreRestartIT {

    private static final int WALLETS = 10;
    private static final int ORDERS_PER_WALLET = 15;
    private static final long RESTART_MILLIS = 3_000;

    static final TcpProxy database = TcpProxy.to(Stack.postgres());

    @RegisterExtension
    static final StackExtension stack = new StackExtension("restart", 1, database);
    private static final OrderBooks books = new OrderBooks(stack);

    @Test
    void canSettleEveryOrderOnceAfterPostgresRestartsUnderLoad() throws Exception {
        List<String> wallets = books.wallets(WALLETS);
        List<String> products = books.products(2);

        List<OrderBooks.Placed> placed = books.placeAll(new AtomicReference<>(stack.command()), wallets, products,
                                                        ORDERS_PER_WALLET, () -> {
                    database.cut();
                    OrderBooks.pause(RESTART_MILLIS);
                    database.restore();
                });

        assertThat(placed).hasSize(WALLETS * ORDERS_PER_WALLET);
        books.assertEachOrderOnce(placed);
        books.assertBooksBalance(wallets, products, placed);
    }
}
