package dev.jangteo.benchmarks.measure;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ZipfTest {

    @Test
    void canGiveTheTopOfAThousandProductsAThirteenthOfThePicksAtExponentOne() {
        Zipf zipf = new Zipf(1_000, 1.0);

        // 1 / H(1000), H(1000) = 7.4855
        assertThat(zipf.probability(0)).isCloseTo(0.1336, within(1e-4));
        assertThat(zipf.probability(1)).isCloseTo(zipf.probability(0) / 2, within(1e-12));
    }

    @Test
    void canPickRanksInProportionToTheirWeights() {
        Zipf zipf = new Zipf(1_000, 1.0);
        SplittableRandom random = new SplittableRandom(42);
        int[] picks = new int[zipf.size()];
        int draws = 1_000_000;

        for (int i = 0; i < draws; i++) {
            picks[zipf.next(random)]++;
        }

        assertThat(picks[0] / (double) draws).isCloseTo(zipf.probability(0), within(0.003));
        assertThat(picks[9] / (double) draws).isCloseTo(zipf.probability(9), within(0.001));
        assertThat(picks[999]).isPositive();
    }

    @Test
    void canBeUniformAtExponentZero() {
        Zipf zipf = new Zipf(4, 0);

        assertThat(zipf.rankAt(0.0)).isZero();
        assertThat(zipf.rankAt(0.24)).isZero();
        assertThat(zipf.rankAt(0.25)).isEqualTo(1);
        assertThat(zipf.rankAt(0.99)).isEqualTo(3);
        assertThat(zipf.probability(2)).isEqualTo(0.25);
    }

    @Test
    void cannotPickOutsideTheItems() {
        Zipf zipf = new Zipf(3, 2.0);

        assertThat(zipf.rankAt(Math.nextDown(1.0))).isEqualTo(2);
        assertThat(new Zipf(1, 1.0).rankAt(0.5)).isZero();
    }

    @Test
    void cannotBeMadeWithoutItemsOrWithANegativeExponent() {
        assertThatThrownBy(() -> new Zipf(0, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Zipf(10, -0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Zipf(10, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
