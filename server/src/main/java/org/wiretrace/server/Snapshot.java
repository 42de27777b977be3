package org.wiretrace.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.StoredArticle;
import org.wiretrace.ingest.Article;
import org.wiretrace.text.AnalyzedArticle;

/**
 * One committed state of the store as the server sees it: the {@link Catalogue} of article
 * metadata, the {@link Derived} stories, families and relations (computed in the background for
 * large stores without them), and the Lucene store itself, from which article texts and check
 * candidates are read per request. Built once per commit and never changed, so readers share it
 * without locks. Thread-safe.
 */
final class Snapshot {

  private final Catalogue catalogue;
  private final CompletableFuture<Derived> derived;
  private final ArticleIndex index;
  private final CheckSearch search;
  private final AnalyzedCache cache = new AnalyzedCache(AnalyzedCache.DEFAULT_CAPACITY);

  /**
   * @param index the read-only store, or null for an empty store
   * @param catalogue the metadata of every article {@code index} shows
   * @param derived the stories, families and relations, possibly still being computed
   */
  Snapshot(ArticleIndex index, Catalogue catalogue, CompletableFuture<Derived> derived) {
    this.index = index;
    this.catalogue = catalogue;
    this.derived = derived;
    this.search = index == null ? null : new CheckSearch(index);
  }

  /** The state of an empty store. */
  static Snapshot empty() {
    return new Snapshot(
        null, Catalogue.empty(), CompletableFuture.completedFuture(Derived.empty()));
  }

  Catalogue catalogue() {
    return catalogue;
  }

  int articleCount() {
    return catalogue.size();
  }

  /**
   * The stories, families and relations; a 503 while they are still being computed, so that only
   * the views needing them wait.
   */
  Derived derived() {
    if (!derived.isDone()) {
      throw new ApiException(
          503,
          "stories, families and relations of the "
              + catalogue.size()
              + " stored articles are still being computed; articles and checks are served"
              + " meanwhile. Retry in a minute");
    }
    try {
      return derived.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ApiException a) {
        throw a;
      }
      throw new IllegalStateException("computing stories failed: " + e.getCause(), e.getCause());
    }
  }

  /** The stories, families and relations when computed. */
  Optional<Derived> derivedIfReady() {
    return derived.isDone() && !derived.isCompletedExceptionally()
        ? Optional.of(derived.join())
        : Optional.empty();
  }

  /** True once stories, families and relations are available. */
  boolean derivedReady() {
    return derivedIfReady().isPresent();
  }

  /** Where an article stands, once stories are computed. */
  Optional<Derived.Place> place(String articleId) {
    return derivedIfReady().flatMap(d -> d.place(articleId));
  }

  /** An article's metadata (its text is empty; {@link Catalogue.Entry#chars()} is its length). */
  Optional<Catalogue.Entry> entry(String id) {
    return catalogue.get(id);
  }

  /** The stored article with its text, read from the store. */
  Optional<Article> article(String id) {
    return analyzed(id).map(AnalyzedArticle::article);
  }

  /** The stored article, tokenized (cached). */
  Optional<AnalyzedArticle> analyzed(String id) {
    return prepared(id).map(Prepared::analyzed);
  }

  /** The stored article, tokenized and with its content-word vector (cached). */
  Optional<Prepared> prepared(String id) {
    if (index == null || catalogue.get(id).isEmpty()) {
      return Optional.empty();
    }
    return cache.get(id, this::load);
  }

  private Optional<Prepared> load(String id) {
    try {
      return index.get(id).map(StoredArticle::article).map(Prepared::of);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read article " + id + " from the store", e);
    }
  }

  /** The article by id, or a 404. */
  Article require(String id) {
    return article(id).orElseThrow(() -> ApiException.notFound("no article with id " + quote(id)));
  }

  /** The analysed article by id, or a 404. */
  AnalyzedArticle requireAnalyzed(String id) {
    return analyzed(id).orElseThrow(() -> ApiException.notFound("no article with id " + quote(id)));
  }

  /** The stored articles to judge against {@code submitted}, and those only of its story. */
  CheckSearch.Candidates candidates(Prepared submitted) {
    if (search == null) {
      return CheckSearch.Candidates.NONE;
    }
    try {
      return search.candidates(submitted, this::prepared, id -> catalogue.get(id).isPresent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the store", e);
    }
  }

  /**
   * The ids of the stored articles whose text contains {@code query} (lower-cased), read from the
   * store one article at a time (time grows with the store; memory does not).
   */
  Set<String> idsWithText(String query) {
    Set<String> out = new HashSet<>();
    if (index == null || query.isEmpty()) {
      return out;
    }
    try {
      index.forEachArticle(
          s -> {
            if (s.article().text().toLowerCase(Locale.ROOT).contains(query)) {
              out.add(s.id());
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the store", e);
    }
    return out;
  }

  /** {@code id} shortened and quoted for a message. */
  static String quote(String id) {
    String s = id.length() > 80 ? id.substring(0, 80) + "…" : id;
    return "'" + s + "'";
  }
}
