package org.wiretrace.align.pan;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/**
 * Runs a {@link PanDetector} over a PAN {@code pairs} file ({@code suspicious-X.txt source-Y.txt}
 * per line) in parallel. A pair whose file is missing or unreadable gets an error naming the file;
 * the other pairs go on. Thread-safe.
 */
public final class PanBatch {

  /** One line of a pairs file. */
  public record Pair(String suspicious, String source) {

    /** The PAN detection file name, {@code suspicious-X-source-Y.xml}. */
    public String xmlName() {
      return stem(suspicious) + "-" + stem(source) + ".xml";
    }

    private static String stem(String name) {
      int dot = name.lastIndexOf('.');
      return dot > 0 ? name.substring(0, dot) : name;
    }
  }

  /** The detections of one pair, or the error that stopped it. */
  public record Result(Pair pair, List<PanFeature> detections, Optional<String> error) {
    public Result {
      detections = List.copyOf(detections);
    }
  }

  private final PanDetector detector;
  private final Path srcDir;
  private final Path suspDir;

  public PanBatch(PanDetector detector, Path srcDir, Path suspDir) {
    if (detector == null || srcDir == null || suspDir == null) {
      throw new IllegalArgumentException("detector, srcDir and suspDir must not be null");
    }
    this.detector = detector;
    this.srcDir = srcDir;
    this.suspDir = suspDir;
  }

  /**
   * Reads a pairs file.
   *
   * @throws IOException naming the file and line for a line without two names
   */
  public static List<Pair> readPairs(Path file) throws IOException {
    List<Pair> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 2) {
        throw new IOException(
            file
                + ":"
                + (k + 1)
                + ": expected 'suspicious-X.txt source-Y.txt', got '"
                + line
                + "'");
      }
      out.add(new Pair(parts[0], parts[1]));
    }
    return out;
  }

  /** Aligns one pair. */
  public Result run(Pair pair) {
    try {
      String susp = read(suspDir.resolve(pair.suspicious()));
      String src = read(srcDir.resolve(pair.source()));
      return new Result(pair, detector.detect(src, susp, pair.source()), Optional.empty());
    } catch (IOException | RuntimeException e) {
      return new Result(pair, List.of(), Optional.of(e.getMessage()));
    }
  }

  /**
   * Aligns all pairs on {@code threads} threads, calling {@code done} (from any thread) after each;
   * returns the results in input order.
   */
  public List<Result> runAll(List<Pair> pairs, int threads, Consumer<Result> done)
      throws InterruptedException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(
              () ->
                  pairs.parallelStream()
                      .map(
                          p -> {
                            Result r = run(p);
                            done.accept(r);
                            return r;
                          })
                      .toList())
          .get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /** The file's text decoded as UTF-8 (malformed bytes replaced, as PAN's tools do). */
  static String read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IOException(file + ": no such file", e);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
