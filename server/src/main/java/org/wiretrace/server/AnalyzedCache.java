package org.wiretrace.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A bounded least-recently-used cache of stored articles prepared for judging (tokens and
 * content-word vector, {@link Prepared}), so that the articles a burst of checks keeps judging
 * against (a busy story's members) are read, tokenized and vectorised once. One per committed
 * state: a new commit starts a new cache, so nothing stale is served. Thread-safe (one lock;
 * loading happens outside it, so two threads may load the same article once each).
 */
final class AnalyzedCache {

  /** Articles kept by default (about 15 kB each for a 3 kB text). */
  static final int DEFAULT_CAPACITY = 1_024;

  private final Map<String, Prepared> map;

  AnalyzedCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.map =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The cached article {@code id}, else {@code load}'s, remembered when present. */
  Optional<Prepared> get(String id, Function<String, Optional<Prepared>> load) {
    synchronized (map) {
      Prepared a = map.get(id);
      if (a != null) {
        return Optional.of(a);
      }
    }
    Optional<Prepared> loaded = load.apply(id);
    loaded.ifPresent(
        a -> {
          synchronized (map) {
            map.put(id, a);
          }
        });
    return loaded;
  }

  int size() {
    synchronized (map) {
      return map.size();
    }
  }
}
