package org.wiretrace.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.wiretrace.ingest.encoding.Mojibake;
import org.wiretrace.ingest.encoding.TextDecoder;

/**
 * Plain-text articles: the whole file is the text (offsets are into the file as decoded); the title
 * is its first non-blank line when that line is short. Thread-safe.
 */
public final class TextReader {

  /** Longest first line still taken as a title. */
  public static final int MAX_TITLE_CHARS = 250;

  private TextReader() {}

  /** The article in {@code bytes} read from {@code file}, or none (reported) when it has none. */
  public static List<Article> read(Path file, byte[] bytes, IngestListener listener) {
    String where = file.toString();
    if (bytes.length == 0) {
      listener.skipped(new Skipped(where, "", "empty file"));
      return List.of();
    }
    if (TextDecoder.looksBinary(bytes)) {
      listener.skipped(new Skipped(where, "offset 0", "binary content, not text"));
      return List.of();
    }
    String decoded = TextDecoder.decode(bytes, Optional.empty()).text();
    if (decoded.isBlank()) {
      listener.skipped(new Skipped(where, "", "no text (only white space)"));
      return List.of();
    }
    Mojibake.Result repaired = Mojibake.repair(decoded);
    if (repaired.changed()) {
      listener.warning(where, repaired.repairs().size() + " mis-decoded spans repaired");
    }
    String text = repaired.text();
    return List.of(
        Article.builder(where, text)
            .id(Article.contentId(file.getFileName().toString(), text))
            .title(firstLine(text))
            .repairs(repaired.repairs())
            .build());
  }

  static String firstLine(String text) {
    for (String line : text.split("\\R", 8)) {
      String s = line.strip();
      if (!s.isEmpty()) {
        return s.length() <= MAX_TITLE_CHARS ? s : s.substring(0, MAX_TITLE_CHARS) + "…";
      }
    }
    return "";
  }
}
