package org.wiretrace.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress line on standard error: count, total (when known), rate and elapsed time, redrawn at
 * most ten times a second; silent when standard error is not a terminal unless forced. Thread-safe.
 */
public final class Progress implements AutoCloseable {
  private final PrintStream err;
  private final String label;
  private final long total;
  private final boolean enabled;
  private final long startNanos = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private volatile long lastDraw;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  public Progress(String label, long total, boolean enabled) {
    this.err = System.err;
    this.label = label;
    this.total = total;
    this.enabled = enabled;
  }

  /** A progress line shown when standard error is a terminal. */
  public static Progress of(String label, long total) {
    return new Progress(label, total, System.console() != null);
  }

  public void step() {
    add(1);
  }

  public void add(long n) {
    long d = done.addAndGet(n);
    long now = System.nanoTime();
    if (enabled && !closed.get() && now - lastDraw > 100_000_000L) {
      lastDraw = now;
      draw(d, now, false);
    }
  }

  public long done() {
    return done.get();
  }

  private synchronized void draw(long d, long now, boolean last) {
    double secs = Math.max(1e-9, (now - startNanos) / 1e9);
    String bar = "";
    if (total > 0) {
      int width = 30;
      int filled = (int) Math.min(width, width * d / total);
      bar = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] ";
    }
    err.printf(
        "\r%s %s%d%s  %.0f/s  %.1fs%s",
        label, bar, d, total > 0 ? "/" + total : "", d / secs, secs, last ? "\n" : "");
    err.flush();
  }

  /** Draws the final line (once: closing again does nothing). */
  @Override
  public void close() {
    if (enabled && closed.compareAndSet(false, true)) {
      draw(done.get(), System.nanoTime(), true);
    }
  }
}
