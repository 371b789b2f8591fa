package ps.takamul.security.trust;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small least-recently-used map whose entries expire: validation results and OCSP answers are
 * reused for a while, never forever, and a flood of distinct certificates cannot grow it without
 * bound.
 */
final class ExpiringCache<K, V> {
    private record Timed<V>(V value, Instant expires) {
    }

    private final Map<K, Timed<V>> entries;

    ExpiringCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry");
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Timed<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The value stored for {@code key} if it has not expired at {@code now}, else null. */
    synchronized V get(K key, Instant now) {
        Timed<V> timed = entries.get(key);
        if (timed == null) {
            return null;
        }
        if (!now.isBefore(timed.expires())) {
            entries.remove(key);
            return null;
        }
        return timed.value();
    }

    synchronized void put(K key, V value, Instant expires) {
        entries.put(key, new Timed<>(value, expires));
    }
}
