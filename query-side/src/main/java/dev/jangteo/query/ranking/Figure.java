package dev.jangteo.query.ranking;

import java.util.Locale;

/** What products are ranked by: units sold, or gross revenue in won (both net of cancellations). */
enum Figure {
    QUANTITY,
    REVENUE;

    Figure other() {
        return this == QUANTITY ? REVENUE : QUANTITY;
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
