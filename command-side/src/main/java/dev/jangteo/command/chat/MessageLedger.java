package dev.jangteo.command.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a room must remember of its messages to decide: which ids exist (a reply points into this room, an id is
 * not taken twice), who sent each (only the sender edits or deletes) and which are deleted. Nothing else: no text,
 * no timestamps. Every sender is stored once ({@code authors}) and each message keeps only an index into that list
 * plus one bit, so a snapshot of a room with 100,000 messages is dominated by the message ids themselves.
 * Positions run 1..size in posting order.
 */
final class MessageLedger {

    private final List<String> ids;
    private final List<String> authors;
    private int[] senders;
    private final BitSet deleted;
    private final Map<String, Integer> positions;
    private final Map<String, Integer> authorIndex;

    MessageLedger() {
        this(new ArrayList<>(), new ArrayList<>(), new int[0], new long[0]);
    }

    @JsonCreator
    MessageLedger(@JsonProperty("ids") List<String> ids,
                  @JsonProperty("authors") List<String> authors,
                  @JsonProperty("senders") int[] senders,
                  @JsonProperty("deleted") long[] deleted) {
        this.ids = new ArrayList<>(ids);
        this.authors = new ArrayList<>(authors);
        this.senders = Arrays.copyOf(senders, Math.max(16, senders.length));
        this.deleted = BitSet.valueOf(deleted);
        this.positions = HashMap.newHashMap(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            positions.put(ids.get(i), i + 1);
        }
        this.authorIndex = HashMap.newHashMap(authors.size());
        for (int i = 0; i < authors.size(); i++) {
            authorIndex.put(authors.get(i), i);
        }
    }

    /** The position of a new message. */
    long nextPosition() {
        return ids.size() + 1L;
    }

    void add(String messageId, String senderId) {
        int author = authorIndex.computeIfAbsent(senderId, sender -> {
            authors.add(sender);
            return authors.size() - 1;
        });
        if (ids.size() == senders.length) {
            senders = Arrays.copyOf(senders, senders.length * 2);
        }
        senders[ids.size()] = author;
        ids.add(messageId);
        positions.put(messageId, ids.size());
    }

    boolean contains(String messageId) {
        return positions.containsKey(messageId);
    }

    /** 1-based position, or 0 when the room has no such message. */
    long positionOf(String messageId) {
        return positions.getOrDefault(messageId, 0);
    }

    String senderOf(String messageId) {
        return authors.get(senders[positions.get(messageId) - 1]);
    }

    boolean isDeleted(String messageId) {
        return deleted.get(positions.get(messageId) - 1);
    }

    void markDeleted(String messageId) {
        deleted.set(positions.get(messageId) - 1);
    }

    int size() {
        return ids.size();
    }

    @JsonProperty("ids")
    List<String> ids() {
        return ids;
    }

    @JsonProperty("authors")
    List<String> authors() {
        return authors;
    }

    @JsonProperty("senders")
    int[] senders() {
        return Arrays.copyOf(senders, ids.size());
    }

    @JsonProperty("deleted")
    long[] deleted() {
        return deleted.toLongArray();
    }

    /** Equal content, whatever spare capacity the sender array has (the test fixture compares states). */
    @Override
    public boolean equals(Object other) {
        return other instanceof MessageLedger that
                && ids.equals(that.ids) && authors.equals(that.authors)
                && Arrays.equals(senders(), that.senders()) && deleted.equals(that.deleted);
    }

    @Override
    public int hashCode() {
        return ids.hashCode();
    }
}
