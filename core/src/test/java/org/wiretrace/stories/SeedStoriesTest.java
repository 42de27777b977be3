package org.wiretrace.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wiretrace.ingest.Article;
import org.wiretrace.text.AnalyzedArticle;

/**
 * The two seed documents (an AFP report and a spun Reuters report of one NATO visit to Seoul) share
 * no text, so only the story clusterer can put them together.
 */
class SeedStoriesTest {

  @Test
  void theSeedsAreOneStoryOfTwoFamiliesWithoutAnyVerdict() throws Exception {
    String shared = System.getProperty("wiretrace.shared", "../shared");
    Path seeds = Path.of(shared, "seeds");
    assumeTrue(Files.isDirectory(seeds), "../shared/seeds is absent: skipping the seeds test");
    List<AnalyzedArticle> articles = new ArrayList<>();
    try (Stream<Path> files = Files.list(seeds)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        String title = text.lines().findFirst().orElse("");
        articles.add(
            AnalyzedArticle.of(
                Article.builder(p.toString(), text)
                    .id(p.getFileName().toString())
                    .title(title)
                    .build()));
      }
    }
    assertThat(articles).hasSize(2);

    List<Story> stories = StoryBuilder.build(articles, List.of());

    assertThat(stories).hasSize(1);
    assertThat(stories.get(0).families()).hasSize(2);
  }
}
