package org.wiretrace.server;

import java.util.Objects;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.StorySimilarity;
import org.wiretrace.relate.StorySimilarity.TermVector;
import org.wiretrace.text.AnalyzedArticle;

/**
 * An article prepared for judging: its tokens and its content-word vector ({@link
 * StorySimilarity#vector}), each computed once, so that an article judged in many pairs (a
 * submitted one against all its candidates, a stored one kept in the {@link AnalyzedCache}) is not
 * tokenized or vectorised again. Immutable; thread-safe.
 *
 * @param analyzed the article with its tokens
 * @param vector its content-word vector
 */
record Prepared(AnalyzedArticle analyzed, TermVector vector) {

  Prepared {
    Objects.requireNonNull(analyzed, "analyzed");
    Objects.requireNonNull(vector, "vector");
  }

  /** Tokenizes {@code article} and computes its content-word vector. */
  static Prepared of(Article article) {
    return of(AnalyzedArticle.of(article));
  }

  /** Computes the content-word vector of an article already tokenized. */
  static Prepared of(AnalyzedArticle analyzed) {
    return new Prepared(analyzed, StorySimilarity.vector(analyzed.tokens()));
  }

  Article article() {
    return analyzed.article();
  }

  String id() {
    return analyzed.id();
  }
}
