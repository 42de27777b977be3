package org.wiretrace.index;

import java.nio.file.Path;
import java.util.List;
import org.wiretrace.ingest.Article;

/**
 * A scanning process for the crash test: puts articles {@code 0..n-1} (deterministic texts), a
 * relation record from each to its predecessor, committing every 25 articles, skipping what a
 * previous run committed.
 */
public final class ScanProcess {
  private ScanProcess() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    List<Article> all = ArticleIndexTest.filler(n);
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      for (int i = 0; i < n; i++) {
        Article a = all.get(i);
        index.put(a);
        if (i > 0) {
          String prev = all.get(i - 1).id();
          index.putRecord(
              new StoreRecord(
                  StoreRecord.RELATION, prev + ">" + a.id(), List.of(prev, a.id()), "{}"));
        }
        if (i % 25 == 24) {
          index.commit();
          index.refresh();
        }
      }
      index.commit();
    }
    System.out.println("done");
  }
}
