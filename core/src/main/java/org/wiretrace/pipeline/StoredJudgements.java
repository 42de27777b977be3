package org.wiretrace.pipeline;

import java.util.List;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.stories.Story;

/**
 * What a store holds once judged: its stories (largest first) and its judged relations, without the
 * articles' analysed texts, which a reader that only shows or looks up the judgements (the server)
 * does not need: a few hundred bytes per article where a {@link ScanResult} holds every text's
 * tokens. Immutable.
 *
 * @param stories the stories, each with its text families
 * @param verdicts the judged pairs, ordered by the publication order of their two sides
 */
public record StoredJudgements(List<Story> stories, List<PairVerdict> verdicts) {

  public StoredJudgements {
    stories = List.copyOf(stories);
    verdicts = List.copyOf(verdicts);
  }
}
