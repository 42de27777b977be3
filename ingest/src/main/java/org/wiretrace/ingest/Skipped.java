package org.wiretrace.ingest;

/**
 * An input record that was not turned into an article, with the reason.
 *
 * @param path the file it came from
 * @param locator where in the file ({@code line 12}, {@code offset 40960}), or empty for the whole
 *     file
 * @param reason why it was skipped, for a person to read
 */
public record Skipped(String path, String locator, String reason) {
  /** The path with its locator, as one string: {@code feed.jsonl#line 3}. */
  public String where() {
    return locator.isEmpty() ? path : path + "#" + locator;
  }
}
