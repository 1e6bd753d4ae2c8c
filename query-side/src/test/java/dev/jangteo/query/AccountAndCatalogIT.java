package dev.jangteo.query;

import dev.jangteo.api.Money;
import dev.jangteo.api.account.AccountDebitRefusedEvent;
import dev.jangteo.api.account.AccountDebitedEvent;
import dev.jangteo.api.account.AccountOpenedEvent;
import dev.jangteo.api.account.AccountRefundedEvent;
import dev.jangteo.api.account.FundsDepositedEvent;
import dev.jangteo.api.catalog.ProductPriceChangedEvent;
import dev.jangteo.api.catalog.ProductRegisteredEvent;
import dev.jangteo.api.catalog.ProductRestockedEvent;
import dev.jangteo.api.catalog.StockReleasedEvent;
import dev.jangteo.api.catalog.StockReservationRefusedEvent;
import dev.jangteo.api.catalog.StockReservedEvent;
import dev.jangteo.query.support.Ids;
import dev.jangteo.query.support.QuerySideStack;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jangteo.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Wallet balances and product stock as the events left them, and the product listing. */
class AccountAndCatalogIT extends QuerySideStack {

    @Test
    void canShowTheBalanceOfTheLastWalletEvent() {
        String user = Ids.of("user");
        long position = history.append("Account", user,
                                       new AccountOpenedEvent(user, user + "@jangteo.dev", "Kim"),
                                       new FundsDepositedEvent(user, "d1", Money.won(50_000), Money.won(50_000)),
                                       new AccountDebitedEvent(user, "o1", Money.won(30_000), Money.won(20_000)),
                                       new AccountDebitRefusedEvent(user, "o2", Money.won(90_000), Money.won(20_000)),
                                       new AccountRefundedEvent(user, "o1", Money.won(30_000), Money.won(50_000)));

        Answer account = http.get("/api/accounts/" + user, position);

        assertThat(account.status()).isEqualTo(200);
        assertThat(account.header("X-Consistency")).isEqualTo("CONSISTENT");
        assertThat(account.body().path("userId").asText()).isEqualTo(user);
        assertThat(account.body().path("email").asText()).isEqualTo(user + "@jangteo.dev");
        assertThat(account.body().path("name").asText()).isEqualTo("Kim");
        assertThat(account.body().path("balance").asLong()).isEqualTo(50_000);
        assertThat(account.body().path("openedAt").asText()).isNotBlank();
        assertThat(account.body().path("updatedAt").asText()).isNotBlank();
    }

    @Test
    void cannotFindAnUnknownAccount() {
        Answer missing = http.get("/api/accounts/nobody");

        assertProblem(missing, 404, "ACCOUNT_NOT_FOUND");
    }

    @Test
    void canShowAvailableStockAndPriceOfTheLastEvents() {
        String product = Ids.of("product");
        long position = history.append("Product", product,
                                       new ProductRegisteredEvent(product, "Kimchi", "food", Money.won(9_000), 10),
                                       new StockReservedEvent(product, "o1", 4, Money.won(9_000), 6),
                                       new StockReservationRefusedEvent(product, "o2", 7, 6),
                                       new ProductPriceChangedEvent(product, Money.won(9_000), Money.won(9_500)),
                                       new StockReleasedEvent(product, "o1", 4, 10),
                                       new StockReservedEvent(product, "o3", 3, Money.won(9_500), 7),
                                       new ProductRestockedEvent(product, "restock-1", 5, 12));

        Answer found = http.get("/api/products/" + product, position);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("productId").asText()).isEqualTo(product);
        assertThat(found.body().path("name").asText()).isEqualTo("Kimchi");
        assertThat(found.body().path("category").asText()).isEqualTo("food");
        assertThat(found.body().path("price").asLong()).isEqualTo(9_500);
        assertThat(found.body().path("stock").asInt()).isEqualTo(12);
        assertThat(found.body().path("updatedAt").asText()).isNotBlank();
    }

    @Test
    void cannotFindAnUnknownProduct() {
        Answer missing = http.get("/api/products/nothing");

        assertProblem(missing, 404, "PRODUCT_NOT_FOUND");
    }

    @Test
    void canListACategoryByNameThenIdInPages() {
        String category = Ids.of("cat");
        List<String> names = List.of("Pear", "Apple", "Melon", "Apple", "Fig");
        List<String> ids = new ArrayList<>();
        long position = 0;
        for (String name : names) {
            String product = Ids.of("p");
            ids.add(product);
            position = history.append("Product", product,
                                      new ProductRegisteredEvent(product, name, category, Money.won(1_000), 1));
        }
        String elsewhere = Ids.of("p");
        history.append("Product", elsewhere, new ProductRegisteredEvent(elsewhere, "Aaa", "elsewhere",
                                                                        Money.won(1), 1));

        Answer first = http.get("/api/products?category=" + category + "&page=0&size=3", position);
        Answer second = http.get("/api/products?category=" + category + "&page=1&size=3");

        List<String> apples = ids.get(1).compareTo(ids.get(3)) < 0 ? List.of(ids.get(1), ids.get(3))
                                                                   : List.of(ids.get(3), ids.get(1));
        assertThat(first.body().path("items").findValuesAsText("productId"))
                .containsExactly(apples.get(0), apples.get(1), ids.get(4));
        assertThat(second.body().path("items").findValuesAsText("productId")).containsExactly(ids.get(2), ids.get(0));
        assertThat(first.body().path("page").asInt()).isZero();
        assertThat(first.body().path("size").asInt()).isEqualTo(3);
        assertThat(first.body().path("total").asLong()).isEqualTo(5);
        assertThat(second.body().path("page").asInt()).isEqualTo(1);
    }

    @Test
    void cannotPageOutsideTheLimits() {
        for (String query : List.of("page=-1", "size=0", "size=101", "page=abc", "size=x",
                                    "page=2147483647&size=100")) {
            Answer refused = http.get("/api/products?" + query);

            assertProblem(refused, 400, "VALIDATION_FAILED", query);
        }
    }
}
