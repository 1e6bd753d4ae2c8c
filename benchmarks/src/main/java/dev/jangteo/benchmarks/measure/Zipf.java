package dev.jangteo.benchmarks.measure;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Zipf popularity over {@code n} items: item {@code k} (0-based rank) is chosen with weight {@code 1 / (k + 1)^s}.
 * With s = 1.0 over 1,000 items the first item takes about 13% of the picks and the first ten about 39%, the shape
 * of a shop where a few products sell most. The cumulative weights are computed once; a pick is a binary search.
 */
public final class Zipf {

    private final double[] cumulative;

    public Zipf(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        if (!(exponent >= 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("exponent must be a finite number >= 0, got " + exponent);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
    }

    public int size() {
        return cumulative.length;
    }

    /** The rank (0-based) that a uniform {@code u} in [0, 1) falls on. */
    public int rankAt(double u) {
        double target = u * cumulative[cumulative.length - 1];
        int found = Arrays.binarySearch(cumulative, target);
        // an exact hit on a boundary belongs to the next rank, as the interval of rank k is [c(k-1), c(k))
        int rank = found >= 0 ? found + 1 : -found - 1;
        return Math.min(rank, cumulative.length - 1);
    }

    public int next(RandomGenerator random) {
        return rankAt(random.nextDouble());
    }

    /** The share of the picks that rank {@code k} gets. */
    public double probability(int k) {
        double below = k == 0 ? 0 : cumulative[k - 1];
        return (cumulative[k] - below) / cumulative[cumulative.length - 1];
    }
}
