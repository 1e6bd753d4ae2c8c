package dev.jangteo.benchmarks.measure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuTimesTest {

    private static final String PROC_STAT = """
            cpu  1000 200 300 9000 400 50 60 70 80 90
            cpu0 500 100 150 4500 200 25 30 35 40 45
            cpu1 500 100 150 4500 200 25 30 35 40 45
            intr 12345
            """;

    @Test
    void canCountBusyTicksOfEveryCoreWithoutIdleIowaitOrGuestTwice() {
        // user 1000 + nice 200 + system 300 + irq 50 + softirq 60 + steal 70 = 1680 ticks of 1/100 s
        assertThat(CpuTimes.busySeconds(PROC_STAT)).isCloseTo(16.8, within(1e-9));
    }

    @Test
    void cannotFindBusyTimeWithoutTheCpuLine() {
        assertThat(CpuTimes.busySeconds("intr 1\n")).isNaN();
    }

    @Test
    void canReadAJvmsCpuTimeFromMicrometersCounterInNanoseconds() {
        String scrape = """
                # HELP process_cpu_time_ns_total The "cpu time" used by the Java Virtual Machine process
                # TYPE process_cpu_time_ns_total counter
                process_cpu_time_ns_total{application="command-side"} 1.25E10
                process_cpu_usage{application="command-side"} 0.5
                """;

        assertThat(CpuTimes.processSeconds(scrape)).isCloseTo(12.5, within(1e-9));
    }

    @Test
    void canReadTheSecondsCounterWhenThereIsNoNanosecondOne() {
        assertThat(CpuTimes.processSeconds("process_cpu_seconds_total 3.5\n")).isEqualTo(3.5);
        assertThat(CpuTimes.processSeconds("process_cpu_usage 0.5\n")).isNaN();
    }

    @Test
    void canSplitWhatAWindowUsedOverItsOrders() {
        CpuTimes before = new CpuTimes(100, 40, 30);
        CpuTimes after = new CpuTimes(130, 52, 36);

        CpuTimes perOrder = after.since(before).per(1_000);

        assertThat(perOrder.machine()).isCloseTo(0.030, within(1e-12));
        assertThat(perOrder.commandSide()).isCloseTo(0.012, within(1e-12));
        assertThat(perOrder.querySide()).isCloseTo(0.006, within(1e-12));
        assertThat(perOrder.describeMillis()).isEqualTo("machine=30.00ms command-side=12.00ms query-side=6.00ms");
    }

    @Test
    void cannotSplitOverNoOrders() {
        CpuTimes perOrder = new CpuTimes(1, 1, 1).per(0);

        assertThat(perOrder.machine()).isNaN();
        assertThat(perOrder.figures()).containsEntry("machine", null);
    }
}
