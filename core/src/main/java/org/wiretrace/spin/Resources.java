package org.wiretrace.spin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Loading of the class-path resources of this package ({@link PhraseStats}, {@link SpinHabits},
 * {@link ScienceCounts}, {@link Reranker}): one place for opening, closing and reporting a missing
 * or unreadable resource. Stateless.
 */
final class Resources {
  private Resources() {}

  /** Reads a resource from a stream (the stream is closed by the caller). */
  @FunctionalInterface
  interface Reader<T> {
    T read(InputStream in) throws IOException;
  }

  /** Reads the resource {@code name}; a missing resource is an error. */
  static <T> T required(String name, Reader<T> reader) {
    return load(
        name,
        reader,
        () -> {
          throw new IllegalStateException("missing class-path resource " + name);
        });
  }

  /** Reads the resource {@code name}, or returns {@code absent.get()} when it is missing. */
  static <T> T load(String name, Reader<T> reader, Supplier<T> absent) {
    InputStream in = Resources.class.getResourceAsStream(name);
    if (in == null) {
      return absent.get();
    }
    try (in) {
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
