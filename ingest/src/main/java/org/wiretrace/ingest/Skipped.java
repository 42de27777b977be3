package org.wiretrace.ingest;

import java.util.Objects;

/**
 * An input record that was not turned into an article, with the reason.
 *
 * @param path the file it came from
 * @param locator where in the file ({@code line 12}, {@code offset 40960}), or empty for the whole
 *     file
 * @param reason why it was skipped, for a person to read
 */
public record Skipped(String path, String locator, String reason) {

  public Skipped {
    Objects.requireNonNull(path, "path");
    locator = locator == null ? "" : locator;
    reason = reason == null ? "" : reason;
  }

  /** The path with its locator, as one string: {@code feed.jsonl#line 3}. */
  public String where() {
    return locator.isEmpty() ? path : path + "#" + locator;
  }

  /**
   * The kind of reason, for counting: the reason up to its first colon, with numbers replaced by
   * {@code N} ({@code "invalid JSON at column N"}).
   */
  public String category() {
    int colon = reason.indexOf(':');
    String head = colon < 0 ? reason : reason.substring(0, colon);
    return head.replaceAll("\\d+", "N").strip();
  }
}
