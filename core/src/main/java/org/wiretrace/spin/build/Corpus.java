package org.wiretrace.spin.build;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.wiretrace.spin.PhraseStats;
import org.wiretrace.text.Tokens;

/**
 * The reference corpora as the resource builders read them: every {@code *.jsonl.gz} under the
 * given folders of the data folder, each document's {@code title} and {@code text} fields tokenised
 * ({@link Tokens}, lower case) and split at punctuation ({@link PhraseStats#breaksBetween}), so
 * that no n-gram crosses it. One reader for {@link PhraseStatsBuilder} and {@link
 * ScienceCountsBuilder}, which must segment identically. Immutable; each pass re-reads the files.
 */
public final class Corpus {
  private final List<Path> files;

  /** A corpus of {@code files}, read in their order. */
  public Corpus(List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no corpus files");
    }
    this.files = List.copyOf(files);
  }

  /** The {@code *.jsonl.gz} files under {@code data}'s folders {@code subs}, sorted per folder. */
  public static Corpus under(Path data, String... subs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String sub : subs) {
      try (var s = Files.list(data.resolve(sub))) {
        s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().forEach(files::add);
      }
    }
    if (files.isEmpty()) {
      throw new IOException("no *.jsonl.gz under " + String.join(", ", subs) + " of " + data);
    }
    return new Corpus(files);
  }

  /** The files, in reading order. */
  public List<Path> files() {
    return files;
  }

  /**
   * Calls {@code sink} with each punctuation-free run of lower-cased words of every document (the
   * list is reused between calls: copy what must be kept), logging the documents of each file.
   */
  public void forEachSegment(Consumer<List<String>> sink) throws IOException {
    JsonFactory f = new JsonFactory();
    List<String> seg = new ArrayList<>();
    for (Path file : files) {
      long docs = 0;
      try (InputStream in =
              new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
          JsonParser p = f.createParser(in)) {
        while (p.nextToken() != null) {
          if (p.currentToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (("text".equals(name) || "title".equals(name))
                && p.currentToken() == JsonToken.VALUE_STRING) {
              segments(p.getText(), seg, sink);
              docs += "text".equals(name) ? 1 : 0;
            }
          }
        }
      }
      System.err.printf("  %s: %d documents%n", file.getFileName(), docs);
    }
  }

  /** Calls {@code sink} with each punctuation-free run of lower-cased words of {@code text}. */
  static void segments(String text, List<String> seg, Consumer<List<String>> sink) {
    Tokens t = Tokens.of(text);
    seg.clear();
    for (int i = 0; i < t.size(); i++) {
      if (i > 0 && PhraseStats.breaksBetween(text, t.end(i - 1), t.start(i))) {
        if (seg.size() > 0) {
          sink.accept(seg);
        }
        seg.clear();
      }
      seg.add(t.term(i));
    }
    if (seg.size() > 0) {
      sink.accept(seg);
    }
    seg.clear();
  }
}
