package dev.jangteo.query.ranking;

import dev.jangteo.query.readmodel.Shadow;
import dev.jangteo.query.readmodel.ShadowStore;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * The Redis rankings as a verified replay sees them: the shadow copy is the same keys under a prefix of its own
 * ({@link RankingKeys#shadow}), marked complete before the replay starts. The comparison reads every key of both by
 * type (sorted-set scores, applied sets, product hashes, the marker) and matches them by name; expiry times are not
 * compared, since they follow from the periods.
 */
@Component
class RankingShadowStore implements ShadowStore {

    private final RankingStore store;
    private final RankingKeys live;

    RankingShadowStore(RankingStore store, RankingKeys live) {
        this.store = store;
        this.live = live;
    }

    @Override
    public String group() {
        return RankingProjection.GROUP;
    }

    @Override
    public void prepare(Shadow shadow) {
        store.clear(live.shadow(shadow));
    }

    @Override
    public Comparison compare(Shadow shadow, int limit) {
        return Comparison.of("redis " + live.everyKey(), contents(live), contents(live.shadow(shadow)), limit);
    }

    @Override
    public void discard(Shadow shadow) {
        store.delete(live.shadow(shadow));
    }

    private Map<String, Object> contents(RankingKeys keys) {
        Map<String, Object> contents = new TreeMap<>();
        for (String key : store.keysOf(keys)) {
            contents.put(keys.relative(key), store.content(key));
        }
        return contents;
    }
}
