package org.wiretrace.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What an ingest run did with every record it saw: {@code read = ingested + skipped}, the skips
 * counted by {@link Skipped#category() reason}, plus the number of warnings and of articles whose
 * text needed an encoding repair. Build one with a {@link Counter}. Immutable.
 *
 * @param read records seen (articles plus skipped records and files)
 * @param ingested articles handed on
 * @param skipped records and files that gave no article
 * @param skippedByReason skip counts by reason category, sorted by category
 * @param warnings warnings reported
 * @param repaired ingested articles with encoding repairs
 */
public record IngestSummary(
    long read,
    long ingested,
    long skipped,
    Map<String, Long> skippedByReason,
    long warnings,
    long repaired) {

  public IngestSummary {
    skippedByReason = Map.copyOf(skippedByReason);
    if (read != ingested + skipped) {
      throw new IllegalArgumentException(
          "read " + read + " != ingested " + ingested + " + skipped " + skipped);
    }
  }

  /** A multi-line, human-readable account. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "records read %d: ingested %d, skipped %d; warnings %d; repaired %d%n",
            read, ingested, skipped, warnings, repaired));
    new TreeMap<>(skippedByReason)
        .forEach((k, v) -> sb.append(String.format("  skipped %6d  %s%n", v, k)));
    return sb.toString();
  }

  /**
   * A listener that counts what it is told and forwards everything to a delegate. Thread-safe:
   * several threads may report at once.
   */
  public static final class Counter implements IngestListener {
    private final IngestListener delegate;
    private final LongAdder ingested = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder warnings = new LongAdder();
    private final LongAdder repaired = new LongAdder();
    private final Map<String, AtomicLong> reasons = new ConcurrentHashMap<>();

    /** A counter that forwards to {@code delegate}. */
    public Counter(IngestListener delegate) {
      this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    /** A counter that forwards nothing. */
    public Counter() {
      this(IngestListener.ignoring());
    }

    @Override
    public void skipped(Skipped s) {
      skipped.increment();
      reasons.computeIfAbsent(s.category(), k -> new AtomicLong()).incrementAndGet();
      delegate.skipped(s);
    }

    @Override
    public void warning(String where, String message) {
      warnings.increment();
      delegate.warning(where, message);
    }

    @Override
    public void ingested(Article article) {
      ingested.increment();
      if (article.wasRepaired()) {
        repaired.increment();
      }
      delegate.ingested(article);
    }

    /** The counts so far. */
    public IngestSummary summary() {
      Map<String, Long> byReason = new TreeMap<>();
      reasons.forEach((k, v) -> byReason.put(k, v.get()));
      long s = byReason.values().stream().mapToLong(Long::longValue).sum();
      long i = ingested.sum();
      return new IngestSummary(i + s, i, s, byReason, warnings.sum(), repaired.sum());
    }
  }
}
