package dev.jangteo.query.operations.deadletter;

import dev.jangteo.platform.metrics.GaugesByTag;
import dev.jangteo.platform.metrics.RefreshedMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code jangteo.dead.letters}: the letters each group's dead-letter queue holds ({@code group} tag). */
@Component
class DeadLetterMetrics implements RefreshedMetrics {

    private final DeadLetters deadLetters;
    private final GaugesByTag letters;

    DeadLetterMetrics(DeadLetters deadLetters, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.letters = new GaugesByTag(meters, "jangteo.dead.letters", "group",
                                       "Events parked in the group's dead-letter queue");
    }

    @Override
    public void refresh() {
        letters.set(deadLetters.counts());
    }
}
