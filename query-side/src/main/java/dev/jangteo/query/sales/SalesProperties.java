package dev.jangteo.query.sales;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/**
 * {@code timeZone}: the zone whose calendar days sales are counted in. Changing it needs a replay of the
 * {@code sales} group, since stored days were cut in the old zone.
 */
@ConfigurationProperties("jangteo.sales")
public record SalesProperties(ZoneId timeZone) {
}
