package dev.jangteo.command.catalog;

import dev.jangteo.api.Money;
import dev.jangteo.api.catalog.ChangePriceCommand;
import dev.jangteo.api.catalog.ProductPriceChangedEvent;
import dev.jangteo.api.catalog.ProductRegisteredEvent;
import dev.jangteo.api.catalog.ProductRestockedEvent;
import dev.jangteo.api.catalog.RegisterProductCommand;
import dev.jangteo.api.catalog.ReleaseStockCommand;
import dev.jangteo.api.catalog.ReserveStockCommand;
import dev.jangteo.api.catalog.RestockCommand;
import dev.jangteo.api.catalog.StockReleasedEvent;
import dev.jangteo.api.catalog.StockReservationRefusedEvent;
import dev.jangteo.api.catalog.StockReservedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductTest {

    private static final String ID = "kimchi";
    private static final Money PRICE = Money.won(12_000);

    private AggregateTestFixture<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    private static ProductRegisteredEvent registered(int stock) {
        return new ProductRegisteredEvent(ID, "Kimchi 1kg", "food", PRICE, stock);
    }

    @Test
    void canRegisterProduct() {
        fixture.givenNoPriorActivity()
               .when(new RegisterProductCommand(ID, "Kimchi 1kg", "food", PRICE, 10))
               .expectEvents(registered(10));
    }

    @Test
    void cannotRegisterProductWithoutPrice() {
        assertThatThrownBy(() -> new RegisterProductCommand(ID, "Kimchi 1kg", "food", Money.ZERO, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canChangePrice() {
        fixture.given(registered(10))
               .when(new ChangePriceCommand(ID, Money.won(13_000)))
               .expectEvents(new ProductPriceChangedEvent(ID, PRICE, Money.won(13_000)));
    }

    @Test
    void cannotChangePriceToTheSamePrice() {
        fixture.given(registered(10))
               .when(new ChangePriceCommand(ID, PRICE))
               .expectNoEvents();
    }

    @Test
    void canRestock() {
        fixture.given(registered(10))
               .when(new RestockCommand(ID, "restock-1", 5))
               .expectEvents(new ProductRestockedEvent(ID, "restock-1", 5, 15));
    }

    @Test
    void canApplyARestockOnceWhenItIsResent() {
        fixture.given(registered(10), new ProductRestockedEvent(ID, "restock-1", 5, 15))
               .when(new RestockCommand(ID, "restock-1", 5))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void canRestockAgainUnderAnotherId() {
        fixture.given(registered(10), new ProductRestockedEvent(ID, "restock-1", 5, 15))
               .when(new RestockCommand(ID, "restock-2", 5))
               .expectEvents(new ProductRestockedEvent(ID, "restock-2", 5, 20));
    }

    @Test
    void cannotRestockBeyondTheMaximum() {
        fixture.given(registered(RegisterProductCommand.MAX_STOCK))
               .when(new RestockCommand(ID, "restock-1", 1))
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void canReserveTheLastUnitsAtTheCurrentPrice() {
        fixture.given(registered(3), new ProductPriceChangedEvent(ID, PRICE, Money.won(9_000)))
               .when(new ReserveStockCommand(ID, "o1", 3))
               .expectEvents(new StockReservedEvent(ID, "o1", 3, Money.won(9_000), 0));
    }

    @Test
    void cannotReserveMoreThanTheStock() {
        fixture.given(registered(2))
               .when(new ReserveStockCommand(ID, "o1", 3))
               .expectEvents(new StockReservationRefusedEvent(ID, "o1", 3, 2));
    }

    @Test
    void cannotReserveTwiceForOneOrder() {
        fixture.given(registered(10), new StockReservedEvent(ID, "o1", 3, PRICE, 7))
               .when(new ReserveStockCommand(ID, "o1", 3))
               .expectNoEvents();
    }

    @Test
    void canReleaseAnOrdersUnits() {
        fixture.given(registered(10), new StockReservedEvent(ID, "o1", 3, PRICE, 7))
               .when(new ReleaseStockCommand(ID, "o1"))
               .expectEvents(new StockReleasedEvent(ID, "o1", 3, 10));
    }

    @Test
    void cannotReleaseTwice() {
        fixture.given(registered(10), new StockReservedEvent(ID, "o1", 3, PRICE, 7),
                      new StockReleasedEvent(ID, "o1", 3, 10))
               .when(new ReleaseStockCommand(ID, "o1"))
               .expectNoEvents();
    }

    @Test
    void cannotReserveForAnOrderAlreadyReleased() {
        fixture.given(registered(10), new StockReleasedEvent(ID, "o1", 0, 10))
               .when(new ReserveStockCommand(ID, "o1", 3))
               .expectNoEvents();
    }
}
