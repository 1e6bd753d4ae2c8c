package dev.jangteo.query.search;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The index changes of one processor batch, folded per document so that a message posted, edited and deleted in
 * one batch costs one bulk operation. {@code version} is the event's sequence number in its room (Elasticsearch's
 * external version); {@code live} says the event is not a replay, so a rebuild copies it to the live index too.
 */
final class SearchBatch {

    sealed interface Change permits Put, Edit, Remove {
        String id();

        long version();

        boolean live();
    }

    /** The whole document. */
    record Put(MessageDocument document, long version, boolean live) implements Change {
        public String id() {
            return document.id();
        }
    }

    /** A new text for a document that this batch has not seen: read it from the index at flush time. */
    record Edit(String id, String text, Instant editedAt, long version, boolean live) implements Change {
    }

    record Remove(String id, long version, boolean live) implements Change {
    }

    private final Map<String, Change> changes = new LinkedHashMap<>();
    private final String shadowIndex;

    /** @param shadowIndex where a verified replay writes instead of the live aliases; null for the live index */
    SearchBatch(String shadowIndex) {
        this.shadowIndex = shadowIndex;
    }

    SearchBatch() {
        this(null);
    }

    String shadowIndex() {
        return shadowIndex;
    }

    void put(MessageDocument document, long version, boolean live) {
        changes.put(document.id(), new Put(document, version, live));
    }

    void edit(String id, String text, Instant editedAt, long version, boolean live) {
        Change earlier = changes.get(id);
        if (earlier instanceof Put put) {
            changes.put(id, new Put(put.document().edited(text, editedAt), version, live));
        } else if (!(earlier instanceof Remove)) {
            changes.put(id, new Edit(id, text, editedAt, version, live));
        }
    }

    void remove(String id, long version, boolean live) {
        changes.put(id, new Remove(id, version, live));
    }

    Collection<Change> changes() {
        return changes.values();
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }
}
