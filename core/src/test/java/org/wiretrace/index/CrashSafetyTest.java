package org.wiretrace.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a scanning subprocess with SIGKILL at random points and checks the index after each. */
class CrashSafetyTest {
  static final int ARTICLES = 1500;

  @TempDir Path dir;

  @Test
  void survivesSigkillAtRandomPoints() throws Exception {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int round = 0; round < 6; round++) {
      Process p = start();
      Thread.sleep(300 + rnd.nextInt(2500));
      p.destroyForcibly(); // SIGKILL on POSIX
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      check(false);
    }
    Process p = start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    check(true);
  }

  private Process start() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            ScanProcess.class.getName(),
            dir.toString(),
            Integer.toString(ARTICLES))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private void check(boolean complete) throws Exception {
    String[] files = dir.toFile().list();
    if (files == null || java.util.Arrays.stream(files).noneMatch(f -> f.startsWith("segments_"))) {
      return; // killed before the first commit
    }
    try (ArticleIndex index = ArticleIndex.openReadOnly(dir)) {
      Set<String> ids = new HashSet<>();
      int[] docs = {0};
      index.forEachArticle(
          a -> {
            docs[0]++;
            ids.add(a.id());
          });
      assertThat(docs[0]).as("no article doubled").isEqualTo(ids.size());
      if (complete) {
        assertThat(ids).hasSize(ARTICLES);
      }
      // committed prefix: articles 0..k-1, no gaps
      for (int i = 0; i < ids.size(); i++) {
        assertThat(ids).contains("filler-" + i);
      }
      index.forEachRecord(
          StoreRecord.RELATION,
          r ->
              assertThat(ids)
                  .as("relation " + r.key() + " refers to stored articles")
                  .containsAll(r.refs()));
      List<String> sample = ids.stream().limit(3).toList();
      for (String id : sample) {
        assertThat(index.get(id)).isPresent();
      }
    }
  }
}
