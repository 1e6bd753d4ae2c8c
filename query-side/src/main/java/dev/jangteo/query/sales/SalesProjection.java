package dev.jangteo.query.sales;

import dev.jangteo.api.catalog.ProductRegisteredEvent;
import dev.jangteo.api.order.OrderCancelledEvent;
import dev.jangteo.api.order.OrderPaidEvent;
import dev.jangteo.api.order.PricedLine;
import dev.jangteo.query.readmodel.FullReplayOnly;
import dev.jangteo.query.readmodel.Projection;
import dev.jangteo.query.readmodel.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Daily sales per product in the configured time zone: a payment adds its lines to the day it was paid, a
 * cancellation subtracts the same lines from that same day (the event repeats {@code paidAt}). Revenue is gross line
 * revenue, quantity x unit price; the order's discount is not spread over lines but summed per day. The additions
 * commit with the tracking token in one transaction, so each event counts exactly once; a replay from an empty
 * store adds the same events in the same order and ends with the same rows.
 */
@Component
@FullReplayOnly("daily sales add each payment to its day: replaying the payments after a moment over these totals "
                + "would count them twice")
@ProcessingGroup(SalesProjection.GROUP)
class SalesProjection implements Projection {

    static final String GROUP = "sales";
    static final ReadModel READ_MODEL = ReadModel.of(GROUP, "sales_product", "product_daily_sales", "daily_discount");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SalesProperties properties;

    SalesProjection(JdbcClient jdbc, TransactionTemplate transaction, SalesProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @EventHandler
    void on(ProductRegisteredEvent event) {
        jdbc.sql("INSERT INTO sales_product (product_id) VALUES (?) ON CONFLICT DO NOTHING")
            .param(event.productId())
            .update();
    }

    @EventHandler
    void on(OrderPaidEvent event) {
        add(event.lines(), event.discount().won(), event.paidAt(), 1);
    }

    @EventHandler
    void on(OrderCancelledEvent event) {
        add(event.lines(), event.discount().won(), event.paidAt(), -1);
    }

    private void add(List<PricedLine> lines, long discount, Instant paidAt, int sign) {
        LocalDate day = paidAt.atZone(properties.timeZone()).toLocalDate();
        for (PricedLine line : lines) {
            jdbc.sql("""
                     INSERT INTO product_daily_sales AS s (product_id, sales_date, quantity, revenue)
                     VALUES (:product, :day, :quantity, :revenue)
                     ON CONFLICT (product_id, sales_date)
                     DO UPDATE SET quantity = s.quantity + EXCLUDED.quantity, revenue = s.revenue + EXCLUDED.revenue
                     """)
                .param("product", line.productId())
                .param("day", day)
                .param("quantity", (long) sign * line.quantity())
                .param("revenue", sign * line.amount().won())
                .update();
        }
        if (discount > 0) {
            jdbc.sql("""
                     INSERT INTO daily_discount AS d (sales_date, discount) VALUES (:day, :discount)
                     ON CONFLICT (sales_date) DO UPDATE SET discount = d.discount + EXCLUDED.discount
                     """)
                .param("day", day)
                .param("discount", sign * discount)
                .update();
        }
    }

    @ResetHandler
    void reset() {
        transaction.executeWithoutResult(status -> jdbc.sql("""
                TRUNCATE product_daily_sales, daily_discount, sales_product
                """).update());
    }
}
