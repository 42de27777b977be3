package org.wiretrace.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One news article as read from any input: the unit every later stage works on.
 *
 * <p>{@code text} is the article body as read after decoding (and after the encoding repairs listed
 * in {@code repairs}); every offset Wiretrace reports is a Java {@code String} index into it.
 * {@code origin} says where the article came from (a path, plus {@code #line} or {@code @offset}
 * for records inside a file). Missing metadata is {@link Optional#empty()}, never {@code null}.
 *
 * <p>Immutable and thread-safe.
 */
public record Article(
    String id,
    String origin,
    String title,
    String text,
    Optional<String> url,
    Optional<String> site,
    Optional<String> byline,
    Optional<Instant> published,
    Optional<String> language,
    List<Repair> repairs) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(text, "text");
    title = title == null ? "" : title;
    url = Objects.requireNonNullElse(url, Optional.empty());
    site = Objects.requireNonNullElse(site, Optional.empty());
    byline = Objects.requireNonNullElse(byline, Optional.empty());
    published = Objects.requireNonNullElse(published, Optional.empty());
    language = Objects.requireNonNullElse(language, Optional.empty());
    repairs = repairs == null ? List.of() : List.copyOf(repairs);
  }

  /** A new builder for an article read from {@code origin} with body {@code text}. */
  public static Builder builder(String origin, String text) {
    return new Builder(origin, text);
  }

  /** This article with an empty text, every other field kept (for listings and metadata). */
  public Article withoutText() {
    return new Article(id, origin, title, "", url, site, byline, published, language, repairs);
  }

  /** True when an encoding repair was applied to this article's text. */
  public boolean wasRepaired() {
    return !repairs.isEmpty();
  }

  /** Number of characters (UTF-16 code units) in the body. */
  public int chars() {
    return text.length();
  }

  /**
   * A stable id derived from content and origin: the first 16 hex digits of SHA-256 over both.
   * Never depends on run order.
   */
  public static String contentId(String origin, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(origin.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Builder for {@link Article}; {@code id} defaults to {@link #contentId(String, String)}. */
  public static final class Builder {
    private final String origin;
    private final String text;
    private String id;
    private String title = "";
    private String url;
    private String site;
    private String byline;
    private Instant published;
    private String language;
    private List<Repair> repairs = List.of();

    private Builder(String origin, String text) {
      this.origin = Objects.requireNonNull(origin, "origin");
      this.text = Objects.requireNonNull(text, "text");
    }

    public Builder id(String id) {
      this.id = blankToNull(id);
      return this;
    }

    public Builder title(String title) {
      this.title = title == null ? "" : title.strip();
      return this;
    }

    public Builder url(String url) {
      this.url = blankToNull(url);
      return this;
    }

    public Builder site(String site) {
      this.site = blankToNull(site);
      return this;
    }

    public Builder byline(String byline) {
      this.byline = blankToNull(byline);
      return this;
    }

    public Builder published(Instant published) {
      this.published = published;
      return this;
    }

    public Builder language(String language) {
      this.language = blankToNull(language);
      return this;
    }

    public Builder repairs(List<Repair> repairs) {
      this.repairs = repairs == null ? List.of() : repairs;
      return this;
    }

    public Article build() {
      return new Article(
          id != null ? id : contentId(origin, text),
          origin,
          title,
          text,
          Optional.ofNullable(url),
          Optional.ofNullable(site),
          Optional.ofNullable(byline),
          Optional.ofNullable(published),
          Optional.ofNullable(language),
          repairs);
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }
}
