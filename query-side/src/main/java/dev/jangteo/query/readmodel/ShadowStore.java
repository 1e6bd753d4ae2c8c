package dev.jangteo.query.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One store of a processing group (PostgreSQL tables, an Elasticsearch index, Redis keys) as a verified replay sees
 * it: it can make an empty shadow copy of itself, send the group's writes there during the shadow replay, compare
 * the copy with itself and throw the copy away. A Spring bean per store; a group may have several.
 */
public interface ShadowStore {

    /** The processing group whose projection writes this store. */
    String group();

    /** Creates the empty shadow copy. */
    void prepare(Shadow shadow) throws Exception;

    /**
     * Called in every unit of work of the shadow replay before its first event, inside its transaction: whatever
     * is needed beyond {@link Shadow#current()} to send this store's writes to the shadow copy.
     */
    default void enter(Shadow shadow) {
    }

    /** Compares the shadow copy with the live store, reporting at most {@code limit} differences. */
    Comparison compare(Shadow shadow, int limit) throws Exception;

    /** Deletes the shadow copy. */
    void discard(Shadow shadow) throws Exception;

    /** @param entries how many rows, documents or keys the live store holds */
    record Comparison(long entries, List<Difference> differences) {

        /**
         * Compares two stores read whole into maps by id (document id, key name): the entries only one side has,
         * and those both have with other content; at most {@code limit} differences.
         */
        public static <V> Comparison of(String store, Map<String, V> live, Map<String, V> replayed, int limit) {
            List<Difference> differences = new ArrayList<>();
            live.forEach((id, entry) -> {
                V other = replayed.get(id);
                if (other == null) {
                    add(differences, limit, store, "LIVE_ONLY", id + " " + entry);
                } else if (!other.equals(entry)) {
                    add(differences, limit, store, "DIFFERENT", id + " live " + entry + " replayed " + other);
                }
            });
            replayed.forEach((id, entry) -> {
                if (!live.containsKey(id)) {
                    add(differences, limit, store, "REPLAY_ONLY", id + " " + entry);
                }
            });
            return new Comparison(live.size(), differences);
        }

        private static void add(List<Difference> differences, int limit, String store, String kind,
                                String entry) {
            if (differences.size() < limit) {
                differences.add(new Difference(store, kind, entry));
            }
        }
    }

    /**
     * @param store    which store ({@code query_side.} and a table, an index...)
     * @param kind     {@code LIVE_ONLY}: the live store has it, the replay not; {@code REPLAY_ONLY}: the reverse;
     *                 {@code DIFFERENT}: both, with other content; {@code HANDLER_FAILED}: the replay could not
     *                 handle an event the live group had handled
     * @param entry    the row or document (JSON), or the failed event
     */
    record Difference(String store, String kind, String entry) {
    }
}
