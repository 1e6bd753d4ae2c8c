package dev.jangteo.query.ranking;

import dev.jangteo.query.sales.SalesProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar of the rankings: ISO weeks across a year end, months, key names and retention. */
class PeriodTest {

    private final RankingKeys keys = new RankingKeys("it:", new SalesProperties(ZoneId.of("Asia/Seoul")),
                                                     new RankingProperties(Duration.ofDays(40), Duration.ofSeconds(5),
                                                                           null, null));

    @Test
    void canPlaceTheLastDaysOfAYearInTheIsoWeekOfTheNextYearOrTheLast() {
        assertThat(Period.WEEKLY.label(LocalDate.parse("2026-12-31"))).isEqualTo("2026-W53");
        assertThat(Period.WEEKLY.label(LocalDate.parse("2027-01-03"))).isEqualTo("2026-W53");
        assertThat(Period.WEEKLY.label(LocalDate.parse("2027-01-04"))).isEqualTo("2027-W01");
        assertThat(Period.WEEKLY.label(LocalDate.parse("2025-12-29"))).isEqualTo("2026-W01");
    }

    @Test
    void canSpanAWeekFromMondayToSunday() {
        LocalDate saturday = LocalDate.parse("2026-11-21");

        assertThat(Period.WEEKLY.first(saturday)).isEqualTo("2026-11-16");
        assertThat(Period.WEEKLY.last(saturday)).isEqualTo("2026-11-22");
        assertThat(Period.MONTHLY.first(saturday)).isEqualTo("2026-11-01");
        assertThat(Period.MONTHLY.last(LocalDate.parse("2028-02-10"))).isEqualTo("2028-02-29");
        assertThat(Period.DAILY.first(saturday)).isEqualTo(saturday).isEqualTo(Period.DAILY.last(saturday));
    }

    @Test
    void canNameEachKeyByFigurePeriodAndLabel() {
        LocalDate day = LocalDate.parse("2026-11-21");

        assertThat(keys.ranking(Figure.QUANTITY, Period.DAILY, day))
                .isEqualTo("it:ranking:products:quantity:daily:2026-11-21");
        assertThat(keys.ranking(Figure.REVENUE, Period.WEEKLY, day))
                .isEqualTo("it:ranking:products:revenue:weekly:2026-W47");
        assertThat(keys.ranking(Figure.QUANTITY, Period.MONTHLY, day))
                .isEqualTo("it:ranking:products:quantity:monthly:2026-11");
    }

    @Test
    void canCutDaysInSeoulTime() {
        assertThat(keys.day(Instant.parse("2026-11-20T14:59:59Z"))).isEqualTo("2026-11-20");
        assertThat(keys.day(Instant.parse("2026-11-20T15:00:00Z"))).isEqualTo("2026-11-21");
    }

    @Test
    void canKeepAPeriodForTheRetentionAfterItEnds() {
        LocalDate day = LocalDate.parse("2026-11-21");
        Instant dayEndsInSeoul = Instant.parse("2026-11-21T15:00:00Z");

        assertThat(keys.expireAt(Period.DAILY, day))
                .isEqualTo(dayEndsInSeoul.plus(Duration.ofDays(40)).getEpochSecond());
        assertThat(keys.retained(Period.DAILY, day, dayEndsInSeoul.plus(Duration.ofDays(40)).minusSeconds(1)))
                .isTrue();
        assertThat(keys.retained(Period.DAILY, day, dayEndsInSeoul.plus(Duration.ofDays(40)))).isFalse();
        assertThat(keys.retained(Period.MONTHLY, day, dayEndsInSeoul.plus(Duration.ofDays(40)))).isTrue();
    }

    @Test
    void canEscapeGlobCharactersOfThePrefixInTheScanPattern() {
        RankingKeys odd = new RankingKeys("a*b?[c]:", new SalesProperties(ZoneId.of("Asia/Seoul")),
                                          new RankingProperties(Duration.ofDays(1), Duration.ofSeconds(5), null, null));

        assertThat(odd.everyKey()).isEqualTo("a\\*b\\?\\[c\\]:ranking:*");
    }
}
