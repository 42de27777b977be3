package org.wiretrace.pipeline;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Batches of a source prepared one step ahead on a background thread: while the consumer works on
 * batch N, the thread reads batch N+1 from the source and prepares it (for a scan: reads and
 * analyses the next articles while the store indexes, looks up and judges the current ones), so the
 * consumer's serial work overlaps with the next batch's. The source is read and the batches are
 * prepared in order, by that one thread; at most two prepared batches wait (one queued, one being
 * handed over), so memory stays bounded. An exception of the source or of the preparation is
 * rethrown by {@link #next} after the batches before it. {@link #close} stops the thread (the
 * consumer may stop early). Not thread-safe on the consumer's side (one consumer).
 *
 * @param <R> what a prepared batch is
 */
final class Ahead<R> implements Iterator<R>, AutoCloseable {

  private static final Object END = new Object();

  /** Off with {@code -Dwiretrace.ahead=false}: each batch is then prepared when it is taken. */
  static final boolean ON = !"false".equals(System.getProperty("wiretrace.ahead"));

  /** A failure of the source or of the preparation, in the queue's order. */
  private record Failure(Throwable error) {}

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
  private final Thread thread;
  private final Runnable work;
  private Object head;
  private volatile boolean closed;

  /**
   * Starts reading {@code source} in batches of {@code size} (the last one may be smaller, none is
   * empty), each prepared by {@code prepare} on the background thread named {@code name}.
   */
  <T> Ahead(String name, Iterator<T> source, int size, Function<List<T>, R> prepare) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(prepare, "prepare");
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1");
    }
    work =
        () -> {
          try {
            while (!closed && source.hasNext()) {
              List<T> batch = new ArrayList<>(size);
              while (batch.size() < size && source.hasNext()) {
                batch.add(source.next());
              }
              put(prepare.apply(batch));
            }
            put(END);
          } catch (InterruptedException e) {
            // closed
          } catch (Throwable e) {
            try {
              put(new Failure(e));
            } catch (InterruptedException ignored) {
              // closed
            }
          }
        };
    thread = ON ? new Thread(work, name) : null;
    if (thread != null) {
      thread.setDaemon(true);
      thread.start();
    } else {
      syncSource = source;
      syncSize = size;
      syncPrepare = prepare;
    }
  }

  // the synchronous mode (ON false): the batch is read and prepared by the consumer
  private Iterator<?> syncSource;
  private int syncSize;
  private Function<?, R> syncPrepare;

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object takeSync() {
    if (!syncSource.hasNext()) {
      return END;
    }
    List batch = new ArrayList<>(syncSize);
    while (batch.size() < syncSize && syncSource.hasNext()) {
      batch.add(syncSource.next());
    }
    return ((Function) syncPrepare).apply(batch);
  }

  private void put(Object o) throws InterruptedException {
    if (!closed) {
      queue.put(o);
    }
  }

  @Override
  public boolean hasNext() {
    if (head == null && thread == null) {
      head = takeSync();
    }
    if (head == null) {
      try {
        head = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the next batch", e);
      }
    }
    if (head instanceof Failure f) {
      head = END;
      closed = true;
      if (f.error() instanceof RuntimeException r) {
        throw r;
      }
      if (f.error() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(f.error());
    }
    return head != END;
  }

  @Override
  @SuppressWarnings("unchecked")
  public R next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    R r = (R) head;
    head = null;
    return r;
  }

  /** Stops the background thread (a batch being prepared is dropped) and waits for it. */
  @Override
  public void close() {
    closed = true;
    if (thread == null) {
      return;
    }
    thread.interrupt();
    queue.clear();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
