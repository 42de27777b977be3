package org.wiretrace.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wall time spent per named phase of a scan, for profiling: on only when the system property {@code
 * wiretrace.phases} is set (then printed to standard error at exit). Thread-safe.
 */
final class PhaseTimes {

  static final boolean ON = System.getProperty("wiretrace.phases") != null;

  private static final Map<String, LongAdder> NANOS = new ConcurrentSkipListMap<>();

  private static final Map<String, LongAdder> COUNTS = new ConcurrentSkipListMap<>();

  static {
    if (ON) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    StringBuilder b = new StringBuilder("phase wall times (s):\n");
                    NANOS.forEach(
                        (k, v) -> b.append(String.format("  %-24s %8.2f%n", k, v.sum() / 1e9)));
                    COUNTS.forEach((k, v) -> b.append(String.format("  %-24s %8d%n", k, v.sum())));
                    System.err.print(b);
                  }));
    }
  }

  private PhaseTimes() {}

  /** Adds {@code n} to the count {@code name} (printed with the times). */
  static void count(String name, long n) {
    if (ON) {
      COUNTS.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }
  }

  /** Now, when timing is on (else 0). */
  static long start() {
    return ON ? System.nanoTime() : 0;
  }

  /** Adds the time since {@code t0} to {@code phase}; returns now (for the next phase). */
  static long end(String phase, long t0) {
    if (!ON) {
      return 0;
    }
    long t = System.nanoTime();
    NANOS.computeIfAbsent(phase, k -> new LongAdder()).add(t - t0);
    return t;
  }
}
