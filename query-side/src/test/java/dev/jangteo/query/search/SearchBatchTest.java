package dev.jangteo.query.search;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** One bulk operation per document and batch, holding the document's latest state and the latest version. */
class SearchBatchTest {

    private static final Instant POSTED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant EDITED = POSTED.plusSeconds(60);

    private final SearchBatch batch = new SearchBatch();

    @Test
    void canFoldAnEditIntoAMessagePostedInTheSameBatch() {
        batch.put(document("first"), 3, false);
        batch.edit("room-1/m1", "second", EDITED, 5, true);

        assertThat(batch.changes()).containsExactly(
                new SearchBatch.Put(document("first").edited("second", EDITED), 5, true));
    }

    @Test
    void canLeaveAnEditOfAnUnseenMessageToBeReadAtFlush() {
        batch.edit("room-1/m1", "second", EDITED, 5, true);

        assertThat(batch.changes()).containsExactly(new SearchBatch.Edit("room-1/m1", "second", EDITED, 5, true));
    }

    @Test
    void canRemoveAMessagePostedInTheSameBatch() {
        batch.put(document("first"), 3, true);
        batch.remove("room-1/m1", 4, true);

        assertThat(batch.changes()).containsExactly(new SearchBatch.Remove("room-1/m1", 4, true));
    }

    @Test
    void cannotBringBackARemovedMessageByEditingIt() {
        batch.remove("room-1/m1", 4, true);
        batch.edit("room-1/m1", "late", EDITED, 5, true);

        assertThat(batch.changes()).containsExactly(new SearchBatch.Remove("room-1/m1", 4, true));
    }

    @Test
    void canKeepTheLatestOfTwoEditsOfAnUnseenMessage() {
        batch.edit("room-1/m1", "second", EDITED, 5, false);
        batch.edit("room-1/m1", "third", EDITED.plusSeconds(1), 6, false);

        assertThat(batch.changes()).containsExactly(
                new SearchBatch.Edit("room-1/m1", "third", EDITED.plusSeconds(1), 6, false));
    }

    private static MessageDocument document(String text) {
        return new MessageDocument("m1", "room-1", "trip-1", "alice", text, POSTED, null);
    }
}
