package dev.jangteo.query.ranking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The rankings computed from the exact PostgreSQL sales read model (the {@code sales} group's daily rows summed over
 * the period), for when Redis cannot answer. Same rules as Redis: products whose figure is not above zero are left
 * out, ties go to the lower product id in byte order ({@code COLLATE "C"}, like Redis's member order).
 */
@Component
class RankingDatabase {

    /** The processing groups whose read models this class reads (sales figures, product names). */
    static final String SALES_GROUP = "sales";
    static final String CATALOG_GROUP = "catalog";

    private final JdbcClient jdbc;

    RankingDatabase(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RankingStore.Ranked> top(Period period, LocalDate date, Figure figure, int limit) {
        String ranked = figure == Figure.QUANTITY ? "quantity" : "revenue";
        String other = figure == Figure.QUANTITY ? "revenue" : "quantity";
        return jdbc.sql("""
                        SELECT s.product_id, s.figure, s.other, p.name, p.category
                        FROM (SELECT product_id, SUM(%1$s) AS figure, SUM(%2$s) AS other
                              FROM query_side.product_daily_sales
                              WHERE sales_date BETWEEN :first AND :last
                              GROUP BY product_id
                              HAVING SUM(%1$s) > 0) s
                        LEFT JOIN query_side.product_view p ON p.product_id = s.product_id
                        ORDER BY s.figure DESC, s.product_id COLLATE "C"
                        LIMIT :limit
                        """.formatted(ranked, other))
                   .param("first", period.first(date))
                   .param("last", period.last(date))
                   .param("limit", limit)
                   .query((row, n) -> new RankingStore.Ranked(row.getString("product_id"), row.getLong("figure"),
                                                               row.getLong("other"), row.getString("name"),
                                                               row.getString("category")))
                   .list();
    }
}
