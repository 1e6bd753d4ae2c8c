package dev.jangteo.api;

/**
 * An amount of Korean won: a whole, non-negative number, never floating point. Prices, balances, discounts and
 * totals are all {@code Money}; arithmetic that would go below zero or overflow is refused.
 */
public record Money(long won) implements Comparable<Money> {

    /** Far above any real balance, far below {@link Long#MAX_VALUE}: sums of many amounts cannot overflow. */
    public static final long MAX_WON = 1_000_000_000_000_000L;
    public static final Money ZERO = new Money(0);

    public Money {
        Require.between(won, 0, MAX_WON, "amount");
    }

    public static Money won(long won) {
        return new Money(won);
    }

    public Money plus(Money other) {
        return new Money(won + other.won);
    }

    /** The difference; refused (IllegalArgumentException) when it would be negative. */
    public Money minus(Money other) {
        return new Money(won - other.won);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(won, factor));
    }

    public boolean isLessThan(Money other) {
        return won < other.won;
    }

    public Money min(Money other) {
        return isLessThan(other) ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(won, other.won);
    }
}
