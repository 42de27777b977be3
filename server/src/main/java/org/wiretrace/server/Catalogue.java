package org.wiretrace.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.ingest.Article;
import org.wiretrace.stories.StoryBuilder;

/**
 * What lists, searches and summaries need of every stored article, without its text: id, origin,
 * title, source, date, repairs and length, in chronological order. About 300 bytes an article (18
 * MB for 60,000), read once per commit from the store's stored fields; texts stay in the Lucene
 * store and are read per request. Immutable; thread-safe.
 */
final class Catalogue {

  /** An article's metadata: the article with an empty text, and the length of its real text. */
  record Entry(Article meta, int chars) {

    String id() {
      return meta.id();
    }
  }

  private final List<Entry> chronological;
  private final Map<String, Entry> byId;

  private Catalogue(List<Entry> chronological) {
    this.chronological = List.copyOf(chronological);
    this.byId = new HashMap<>(chronological.size() * 2);
    for (Entry e : chronological) {
      byId.put(e.id(), e);
    }
  }

  /** The empty catalogue. */
  static Catalogue empty() {
    return new Catalogue(List.of());
  }

  /** The catalogue of every article the index shows. */
  static Catalogue of(ArticleIndex index) throws IOException {
    List<Entry> entries = new ArrayList<>();
    index.forEachArticle(s -> entries.add(entry(s.article())));
    entries.sort((x, y) -> StoryBuilder.chronological().compare(x.meta(), y.meta()));
    return new Catalogue(entries);
  }

  static Entry entry(Article a) {
    Article meta = a.withoutText();
    return new Entry(meta, a.chars());
  }

  /** The entries, earliest first (undated last). */
  List<Entry> entries() {
    return chronological;
  }

  Optional<Entry> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  int size() {
    return chronological.size();
  }
}
