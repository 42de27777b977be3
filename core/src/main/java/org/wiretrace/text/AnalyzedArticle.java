package org.wiretrace.text;

import java.util.Objects;
import org.wiretrace.ingest.Article;

/** An article with its tokens: what every stage after {@code text} works on. Immutable. */
public record AnalyzedArticle(Article article, Tokens tokens) {

  public AnalyzedArticle {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(tokens, "tokens");
  }

  /** Tokenizes {@code article}'s text. */
  public static AnalyzedArticle of(Article article) {
    return new AnalyzedArticle(article, Tokenizer.tokenize(article.text()));
  }

  public String id() {
    return article.id();
  }
}
