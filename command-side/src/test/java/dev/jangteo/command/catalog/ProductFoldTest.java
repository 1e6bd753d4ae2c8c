package dev.jangteo.command.catalog;

import dev.jangteo.api.catalog.ProductPriceChangedEvent;
import dev.jangteo.api.catalog.ProductRegisteredEvent;
import dev.jangteo.api.catalog.ProductRestockedEvent;
import dev.jangteo.api.catalog.StockReleasedEvent;
import dev.jangteo.api.catalog.StockReservationRefusedEvent;
import dev.jangteo.api.catalog.StockReservedEvent;
import dev.jangteo.command.FoldAgreement;
import dev.jangteo.command.FoldAgreement.Step;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.jangteo.api.Money.won;
import static org.quicktheories.QuickTheory.qt;

/**
 * The audit fold of products keeps what the Product keeps, whatever its history: restocks repeated or without an id
 * (recorded before restocks had ids), orders reserving twice, released without a reservation or twice, reservations
 * after a release. A failure prints the shortest history found and its seed, replayed with {@code -DQT_SEED=...}.
 */
class ProductFoldTest {

    private static final String ID = "kimchi";

    private enum Kind { CHANGE_PRICE, RESTOCK, RESTOCK_WITHOUT_ID, RESERVE, REFUSE_RESERVATION, RELEASE }

    @Test
    void foldAgreesWithTheProductOnAnyHistory() {
        FoldAgreement<Product> agreement = FoldAgreement.of(Product.class, Product::new);

        qt().withExamples(1_000)
            .forAll(FoldAgreement.steps(Kind.class).map(ProductFoldTest::history))
            .checkAssert(agreement::check);
    }

    /** Stock as the product would count it; a release gives back what the generated reservation of its order held. */
    private static List<Object> history(List<Step<Kind>> steps) {
        long price = 12_000;
        int stock = 3;
        List<Object> events = new ArrayList<>(List.of(new ProductRegisteredEvent(ID, "Kimchi 1kg", "food",
                                                                                 won(price), stock)));
        Map<String, Integer> held = new HashMap<>();
        for (Step<Kind> step : steps) {
            String orderId = "order-" + step.id();
            int quantity = 1 + step.amount() % 3;
            events.add(switch (step.kind()) {
                case CHANGE_PRICE -> {
                    long old = price;
                    price = step.amount() * 1_000L;
                    yield new ProductPriceChangedEvent(ID, won(old), won(price));
                }
                case RESTOCK, RESTOCK_WITHOUT_ID -> {
                    stock += quantity;
                    yield new ProductRestockedEvent(ID, step.kind() == Kind.RESTOCK ? "restock-" + step.id() : null,
                                                    quantity, stock);
                }
                case RESERVE -> {
                    int reserved = Math.min(quantity, stock);
                    stock -= reserved;
                    held.put(orderId, reserved);
                    yield new StockReservedEvent(ID, orderId, reserved, won(price), stock);
                }
                case REFUSE_RESERVATION -> new StockReservationRefusedEvent(ID, orderId, stock + quantity, stock);
                case RELEASE -> {
                    int released = held.getOrDefault(orderId, 0);
                    held.remove(orderId);
                    stock += released;
                    yield new StockReleasedEvent(ID, orderId, released, stock);
                }
            });
        }
        return events;
    }
}
