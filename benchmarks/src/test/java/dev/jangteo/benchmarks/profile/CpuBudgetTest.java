package dev.jangteo.benchmarks.profile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A sample goes to the component nearest its leaf; threads group without their numbers. */
class CpuBudgetTest {

    @Test
    void canGiveASampleToTheComponentNearestItsLeaf() {
        List<String> stack = List.of("java.util.HashMap", "com.fasterxml.jackson.databind.ObjectMapper",
                                     "org.hibernate.internal.SessionImpl", "org.springframework.security.web.FilterChainProxy");

        assertThat(CpuBudget.componentOf(stack)).isEqualTo("JSON (Jackson)");
    }

    @Test
    void canCallASampleInNoLibraryComponentAxonSpringOrJdk() {
        assertThat(CpuBudget.componentOf(List.of("java.util.HashMap", "org.axonframework.messaging.unitofwork.X")))
                .isEqualTo("Axon messaging (units of work, interceptors, handlers)");
        assertThat(CpuBudget.componentOf(List.of("java.util.HashMap", "java.lang.Thread"))).isEqualTo("JDK");
    }

    @Test
    void canGroupThreadsWithoutTheirNumbers() {
        assertThat(CpuBudget.groupOf("tomcat-handler-12")).isEqualTo("tomcat-handler");
        assertThat(CpuBudget.groupOf("EventProcessor[orders]-0")).isEqualTo("EventProcessor[orders]");
        assertThat(CpuBudget.groupOf("command-3")).isEqualTo("command");
    }
}
