package dev.jangteo.command.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.UnaryOperator;

/**
 * A bounded, least-recently-used aggregate cache. Axon's WeakReferenceCache loses a hot aggregate at every garbage
 * collection, and reloading a coupon with tens of thousands of holders from its snapshot costs far more than keeping
 * it. Axon evicts an entry when its unit of work rolls back, so a stale copy (another instance wrote first) is
 * dropped by the ConcurrencyException that reveals it.
 */
public class LruCache implements Cache {

    private final Map<Object, Object> entries;
    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

    public LruCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                boolean evict = size() > capacity;
                if (evict) {
                    listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                }
                return evict;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Null values not supported");
        }
        boolean existed = entries.put(key, value) != null;
        listeners.forEach(listener -> {
            if (existed) {
                listener.onEntryUpdated(key, value);
            } else {
                listener.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        Set.copyOf(entries.keySet()).forEach(this::remove);
    }

    /** Used by Axon's CachingSagaStore to update a cached saga's associations in place. */
    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V current = (V) entries.get(key);
        if (current == null) {
            return;
        }
        V updated = update.apply(current);
        if (updated == null) {
            remove(key);
        } else {
            put(key, updated);
        }
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
