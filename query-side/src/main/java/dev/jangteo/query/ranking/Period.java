package dev.jangteo.query.ranking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The periods a ranking covers: a calendar day, an ISO week (Monday to Sunday) or a calendar month. */
enum Period {

    DAILY {
        @Override
        LocalDate first(LocalDate date) {
            return date;
        }

        @Override
        LocalDate last(LocalDate date) {
            return date;
        }

        @Override
        String label(LocalDate date) {
            return date.toString();
        }
    },
    WEEKLY {
        @Override
        LocalDate first(LocalDate date) {
            return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        @Override
        LocalDate last(LocalDate date) {
            return date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        }

        @Override
        String label(LocalDate date) {
            return String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                                 date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    },
    MONTHLY {
        @Override
        LocalDate first(LocalDate date) {
            return date.withDayOfMonth(1);
        }

        @Override
        LocalDate last(LocalDate date) {
            return date.with(TemporalAdjusters.lastDayOfMonth());
        }

        @Override
        String label(LocalDate date) {
            return String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
        }
    };

    /** The first day of the period that holds {@code date}. */
    abstract LocalDate first(LocalDate date);

    /** The last day of the period that holds {@code date}. */
    abstract LocalDate last(LocalDate date);

    /** The period's name in its Redis key: 2026-11-21, 2026-W47, 2026-11. */
    abstract String label(LocalDate date);

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
