package dev.jangteo.query.operations.replay;

import dev.jangteo.query.readmodel.FullReplayOnly;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.util.List;
import java.util.Optional;

/** The event handlers (projections) behind a processing group, as Axon wrapped them. */
public final class GroupHandlers {

    private GroupHandlers() {
    }

    /** The group's handlers, without the dead-letter queue or any other wrapping of its invoker. */
    public static List<EventMessageHandler> of(EventProcessor processor) {
        return processor instanceof AbstractEventProcessor abstractProcessor
                ? of(abstractProcessor.eventHandlerInvoker()) : List.of();
    }

    private static List<EventMessageHandler> of(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(delegate -> of(delegate).stream()).toList();
        }
        return invoker instanceof SimpleEventHandlerInvoker simple ? simple.eventHandlers() : List.of();
    }

    /** Why a projection of the group cannot be replayed from a moment ({@link FullReplayOnly}), if one cannot. */
    static Optional<String> fullReplayOnly(EventProcessor processor) {
        return of(processor).stream()
                            .filter(AnnotationEventHandlerAdapter.class::isInstance)
                            .map(handler -> AnnotatedElementUtils.findMergedAnnotation(
                                    ((AnnotationEventHandlerAdapter) handler).getTargetType(), FullReplayOnly.class))
                            .filter(java.util.Objects::nonNull)
                            .map(FullReplayOnly::value)
                            .findFirst();
    }
}
