package dev.jangteo.query.ranking;

import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.query.catalog.ProductNames;
import dev.jangteo.query.consistency.ConsistentRead;
import dev.jangteo.query.sales.SalesFigures;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Product sales rankings for analysts: the top products of a day, ISO week or month by units sold or by gross
 * revenue. {@code source} says whether Redis or the PostgreSQL sales read model answered; both give the same items.
 */
@RestController
class RankingController {

    static final int MAX_LIMIT = 100;

    private final Rankings rankings;

    RankingController(Rankings rankings) {
        this.rankings = rankings;
    }

    /**
     * {@code source=auto} (the default) answers from Redis when it is current and from PostgreSQL otherwise;
     * {@code database} always asks PostgreSQL and {@code redis} only Redis (503 when it cannot), for cross-checks.
     * A consistency token waits for the rankings, sales and catalog groups, so either source includes the writes.
     */
    @ProblemCodes("RANKINGS_REDIS_UNAVAILABLE")
    @GetMapping("/api/rankings/products")
    @ConsistentRead({RankingProjection.GROUP, SalesFigures.GROUP, ProductNames.GROUP})
    Rankings.Ranking products(@RequestParam(defaultValue = "daily") String period,
                              @RequestParam(required = false) String date,
                              @RequestParam(defaultValue = "quantity") String by,
                              @RequestParam(defaultValue = "10") String limit,
                              @RequestParam(defaultValue = "auto") String source) {
        return rankings.top(parse(Period.class, "period", period), date(date), parse(Figure.class, "by", by),
                            limit(limit), parse(Rankings.Choice.class, "source", source));
    }

    private LocalDate date(String date) {
        if (date == null) {
            return rankings.today();
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date must be an ISO date such as 2026-11-21, not '" + date + "'");
        }
    }

    private static int limit(String limit) {
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw ApiException.invalid(name + " must be one of " + allowed);
    }
}
