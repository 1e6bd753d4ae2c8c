package dev.jangteo.query.search;

import dev.jangteo.api.chat.MessageDeletedEvent;
import dev.jangteo.api.chat.MessageEditedEvent;
import dev.jangteo.api.chat.MessagePostedEvent;
import dev.jangteo.query.readmodel.Projection;
import dev.jangteo.query.readmodel.ReadModel;
import dev.jangteo.query.readmodel.ReplayScope;
import dev.jangteo.query.readmodel.Shadow;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The Elasticsearch message index. Handlers only collect changes; the batch is written in one bulk request when the
 * processor's unit of work prepares to commit, before its token is stored. A failed write rolls the batch and its
 * token back, so the processor retries it with back-off and never moves past an event that is not indexed.
 * Each document's external version is the event's sequence number in its room, so a redelivered or older event
 * cannot overwrite a newer state.
 */
@Component
@ProcessingGroup(MessageSearchProjection.GROUP)
class MessageSearchProjection implements Projection {

    static final String GROUP = "message-search";
    static final ReadModel READ_MODEL = ReadModel.of(GROUP);
    private static final String BATCH = MessageSearchProjection.class.getName() + ".batch";

    private final SearchWriter writer;
    private final MessageIndex index;
    private final ReplayScope replays;

    MessageSearchProjection(SearchWriter writer, MessageIndex index, ReplayScope replays) {
        this.writer = writer;
        this.index = index;
        this.replays = replays;
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @EventHandler
    void on(MessagePostedEvent event, @Timestamp Instant postedAt, @SequenceNumber Long sequence,
            ReplayStatus status) {
        batch().put(new MessageDocument(event.messageId(), event.roomId(), event.groupId(), event.senderId(),
                                        event.text(), postedAt, null),
                    sequence, !status.isReplay());
    }

    @EventHandler
    void on(MessageEditedEvent event, @Timestamp Instant editedAt, @SequenceNumber Long sequence,
            ReplayStatus status) {
        batch().edit(MessageDocument.idOf(event.roomId(), event.messageId()), event.text(), editedAt, sequence,
                     !status.isReplay());
    }

    @EventHandler
    void on(MessageDeletedEvent event, @SequenceNumber Long sequence, ReplayStatus status) {
        batch().remove(MessageDocument.idOf(event.roomId(), event.messageId()), sequence, !status.isReplay());
    }

    /**
     * A whole replay fills a new index; searches move to it when it has caught up ({@link IndexSwitcher}). A replay
     * from a moment keeps the index: every document carries its event's sequence as external version, so the
     * replayed events write nothing the index does not already hold.
     */
    @ResetHandler
    void reset() {
        if (replays.partialFrom(GROUP).isPresent()) {
            return;
        }
        try {
            index.startRebuild();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a rebuild of the message index", e);
        }
    }

    private SearchBatch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            SearchBatch batch = new SearchBatch(Shadow.current().map(index::shadowIndex).orElse(null));
            unitOfWork.onPrepareCommit(committing -> writer.flush(batch));
            return batch;
        });
    }
}
