package org.wiretrace.spark;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Repair;

/**
 * An {@link Article} in a form Spark can ship between executors: plain fields only (strings,
 * primitives and their arrays; the publication time as epoch seconds and nanoseconds), so Kryo's
 * field serializer and Java serialization both handle it. Converts both ways without loss: {@code
 * ArticleRow.of(a).article().equals(a)}. Immutable.
 */
public final class ArticleRow implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String origin;
  private final String title;
  private final String text;
  private final String url;
  private final String site;
  private final String byline;
  private final boolean hasPublished;
  private final long publishedSeconds;
  private final int publishedNanos;
  private final String language;
  private final String[] repairKinds;
  private final int[] repairSpans;
  private final String[] repairTexts;

  private ArticleRow(Article a) {
    id = a.id();
    origin = a.origin();
    title = a.title();
    text = a.text();
    url = a.url().orElse(null);
    site = a.site().orElse(null);
    byline = a.byline().orElse(null);
    Instant p = a.published().orElse(null);
    hasPublished = p != null;
    publishedSeconds = p == null ? 0 : p.getEpochSecond();
    publishedNanos = p == null ? 0 : p.getNano();
    language = a.language().orElse(null);
    int n = a.repairs().size();
    repairKinds = new String[n];
    repairSpans = new int[2 * n];
    repairTexts = new String[2 * n];
    for (int i = 0; i < n; i++) {
      Repair r = a.repairs().get(i);
      repairKinds[i] = r.kind();
      repairSpans[2 * i] = r.start();
      repairSpans[2 * i + 1] = r.end();
      repairTexts[2 * i] = r.before();
      repairTexts[2 * i + 1] = r.after();
    }
  }

  /** The row of {@code article}. */
  public static ArticleRow of(Article article) {
    return new ArticleRow(article);
  }

  public String id() {
    return id;
  }

  public String origin() {
    return origin;
  }

  /** The article this row holds. */
  public Article article() {
    List<Repair> repairs = new ArrayList<>(repairKinds.length);
    for (int i = 0; i < repairKinds.length; i++) {
      repairs.add(
          new Repair(
              repairKinds[i],
              repairSpans[2 * i],
              repairSpans[2 * i + 1],
              repairTexts[2 * i],
              repairTexts[2 * i + 1]));
    }
    return new Article(
        id,
        origin,
        title,
        text,
        Optional.ofNullable(url),
        Optional.ofNullable(site),
        Optional.ofNullable(byline),
        hasPublished
            ? Optional.of(Instant.ofEpochSecond(publishedSeconds, publishedNanos))
            : Optional.empty(),
        Optional.ofNullable(language),
        repairs);
  }
}
