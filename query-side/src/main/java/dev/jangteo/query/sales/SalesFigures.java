package dev.jangteo.query.sales;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * What other contexts may ask of the sales read model: the products that sold most over a range of days. The
 * rankings answer from here when Redis cannot.
 */
@Component
public class SalesFigures {

    /** The processing group whose position an answer of this class reflects. */
    public static final String GROUP = SalesProjection.GROUP;

    /** What the products are ordered by: units sold, or gross revenue in won (both net of cancellations). */
    public enum By {
        QUANTITY, REVENUE
    }

    /** One product's totals over the range. */
    public record ProductSales(String productId, long quantity, long revenue) {
    }

    private final JdbcClient jdbc;

    SalesFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The {@code limit} products with the most sales by {@code by} from {@code first} to {@code last} (both
     * included). Products whose figure is not above zero are left out; ties go to the lower product id in byte
     * order ({@code COLLATE "C"}, like Redis's member order).
     */
    public List<ProductSales> top(LocalDate first, LocalDate last, By by, int limit) {
        String figure = by == By.QUANTITY ? "quantity" : "revenue";
        return jdbc.sql("""
                        SELECT product_id, SUM(quantity) AS quantity, SUM(revenue) AS revenue
                        FROM query_side.product_daily_sales
                        WHERE sales_date BETWEEN :first AND :last
                        GROUP BY product_id
                        HAVING SUM(%1$s) > 0
                        ORDER BY SUM(%1$s) DESC, product_id COLLATE "C"
                        LIMIT :limit
                        """.formatted(figure))
                   .param("first", first)
                   .param("last", last)
                   .param("limit", limit)
                   .query((row, n) -> new ProductSales(row.getString("product_id"), row.getLong("quantity"),
                                                       row.getLong("revenue")))
                   .list();
    }
}
