package dev.jangteo.platform.logging;

import dev.jangteo.platform.axon.AuditMetadata;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageLogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void canNameTheConversationAndUserOfTheHandledMessage() throws Exception {
        Map<String, String> seen = handle(AuditMetadata.origin("corr-1", "alice"));

        assertThat(seen).containsEntry(LogContext.CORRELATION_ID, "corr-1").containsEntry(LogContext.ACTING_USER,
                                                                                         "alice");
    }

    @Test
    void canRestoreTheContextOfTheCallerAfterwards() throws Exception {
        MDC.put(LogContext.CORRELATION_ID, "request-9");

        handle(AuditMetadata.origin("corr-2", "bob"));

        assertThat(MDC.get(LogContext.CORRELATION_ID)).isEqualTo("request-9");
        assertThat(MDC.get(LogContext.ACTING_USER)).isNull();
    }

    @Test
    void cannotLeaveAnotherMessagesUserOnAMessageWithoutOne() throws Exception {
        MDC.put(LogContext.ACTING_USER, "someone-else");

        Map<String, String> seen = handle(MetaData.with(AuditMetadata.CORRELATION_ID, "corr-3"));

        assertThat(seen).containsEntry(LogContext.CORRELATION_ID, "corr-3").doesNotContainKey(LogContext.ACTING_USER);
    }

    /** What the logging context held while the handler ran. */
    private static Map<String, String> handle(Map<String, ?> metaData) throws Exception {
        Map<String, String> seen = new HashMap<>();
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event").andMetaData(metaData));
        try {
            new DefaultInterceptorChain<>(unitOfWork, List.of(new MessageLogContext()), message -> {
                Map<String, String> context = MDC.getCopyOfContextMap();
                if (context != null) {
                    seen.putAll(context);
                }
                return null;
            }).proceed();
        } finally {
            unitOfWork.commit();
        }
        return seen;
    }
}
