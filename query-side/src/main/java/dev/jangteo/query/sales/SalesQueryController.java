package dev.jangteo.query.sales;

import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.query.consistency.ConsistentRead;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily sales of one product. Every day of the range is listed, with zeros where nothing was sold, so a chart needs
 * no gap filling. Revenue is gross line revenue in won (quantity x unit price, before order discounts), net of
 * cancellations.
 */
@RestController
class SalesQueryController {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;

    SalesQueryController(JdbcClient jdbc, SalesProperties properties) {
        this.jdbc = jdbc;
        this.zone = properties.timeZone();
        this.clock = Clock.system(zone);
    }

    record Day(LocalDate date, long quantity, long revenue) {
    }

    record Sales(String productId, ZoneId timeZone, LocalDate from, LocalDate to, List<Day> days,
                 long totalQuantity, long totalRevenue) {
    }

    @ProblemCodes("PRODUCT_NOT_FOUND")
    @GetMapping("/api/stats/products/{productId}/sales")
    @ConsistentRead(SalesProjection.GROUP)
    Sales sales(@PathVariable String productId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate last = to != null ? to : LocalDate.now(clock);
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.getYear() < 1 || last.getYear() > 9999) {
            throw ApiException.invalid("from and to must be dates between 0001-01-01 and 9999-12-31");
        }
        if (last.isBefore(first)) {
            throw ApiException.invalid("to must not be before from");
        }
        long length = ChronoUnit.DAYS.between(first, last) + 1;
        if (length > MAX_DAYS) {
            throw ApiException.invalid("from..to must span at most " + MAX_DAYS + " days");
        }
        if (!known(productId)) {
            throw ApiException.notFound("PRODUCT_NOT_FOUND", "No product " + productId);
        }
        Map<LocalDate, Day> sold = new HashMap<>();
        jdbc.sql("""
                 SELECT sales_date, quantity, revenue FROM query_side.product_daily_sales
                 WHERE product_id = ? AND sales_date BETWEEN ? AND ?
                 """)
            .params(productId, first, last)
            .query((row, n) -> new Day(row.getObject("sales_date", LocalDate.class), row.getLong("quantity"),
                                       row.getLong("revenue")))
            .list()
            .forEach(day -> sold.put(day.date(), day));
        List<Day> days = new ArrayList<>((int) length);
        long quantity = 0;
        long revenue = 0;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            Day day = sold.getOrDefault(date, new Day(date, 0, 0));
            days.add(day);
            quantity += day.quantity();
            revenue += day.revenue();
        }
        return new Sales(productId, zone, first, last, days, quantity, revenue);
    }

    private boolean known(String productId) {
        return jdbc.sql("SELECT count(*) FROM query_side.sales_product WHERE product_id = ?")
                   .param(productId)
                   .query(Long.class)
                   .single() > 0;
    }
}
