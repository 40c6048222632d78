package nl.actionledger.command.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's cache contract over a Caffeine cache that holds at most a given number of entries, least recently used
 * out first. Axon's own {@code WeakReferenceCache} loses its entries at every garbage collection, which under load
 * is every second or so; its other caches need Ehcache or JCache.
 */
final class BoundedCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    BoundedCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    /** Only sagas and their associations listen to a cache; command-service has none. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("This cache holds aggregates and has no listeners");
    }
}
