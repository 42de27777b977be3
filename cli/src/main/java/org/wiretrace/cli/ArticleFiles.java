package org.wiretrace.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Ingestor;
import org.wiretrace.ingest.Skipped;

/** Reads the one article of a file given on the command line, or says why it cannot. */
final class ArticleFiles {
  private ArticleFiles() {}

  /** The first article of {@code file}; a {@link UserException} (exit 1) naming why when none. */
  static Article single(Path file) {
    List<Skipped> skipped = new ArrayList<>();
    List<Article> articles = new Ingestor(skipped::add).read(List.of(file)).limit(1).toList();
    if (articles.isEmpty()) {
      String why =
          skipped.isEmpty()
              ? "no article in it"
              : skipped.get(0).where() + ": " + skipped.get(0).reason();
      throw new UserException("cannot read " + file + ": " + why, WiretraceCli.EXIT_FAILURE);
    }
    return articles.get(0);
  }
}
