package org.wiretrace.pipeline;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.wiretrace.fingerprint.Fingerprint;
import org.wiretrace.fingerprint.Fingerprinter;
import org.wiretrace.fingerprint.Shingles;
import org.wiretrace.index.TopicVector;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.StorySimilarity;
import org.wiretrace.relate.StorySimilarity.TermVector;
import org.wiretrace.stories.StoryBuilder;
import org.wiretrace.stories.StoryFeatures;
import org.wiretrace.text.AnalyzedArticle;

/**
 * Everything a scan computes once from an article's text: tokens, the index fingerprint, the word
 * trigrams and content-word vector of the exact candidate rule ({@link CandidatePairs}), the topic
 * vector for same-story lookups, and the story clusterer's features, which are kept in the store
 * ({@link #payload()}) so that stories are rebuilt without reading texts again. Immutable.
 *
 * @param analyzed the article and its tokens
 * @param fingerprint its fingerprint
 * @param trigrams its distinct word trigram hashes, sorted
 * @param story its content-word vector
 * @param features its story features
 */
record ArticleAnalysis(
    AnalyzedArticle analyzed,
    Fingerprint fingerprint,
    long[] trigrams,
    TermVector story,
    StoryFeatures features) {

  ArticleAnalysis {
    Objects.requireNonNull(analyzed, "analyzed");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** Analyses {@code a} (thread-safe; run in parallel). */
  static ArticleAnalysis of(Article a, Fingerprinter fingerprinter) {
    AnalyzedArticle x = AnalyzedArticle.of(a);
    return new ArticleAnalysis(
        x,
        fingerprinter.of(x.tokens()),
        Shingles.of(x.tokens(), 3),
        StorySimilarity.vector(x.tokens()),
        StoryBuilder.features(a, x.tokens()));
  }

  String id() {
    return analyzed.id();
  }

  Article article() {
    return analyzed.article();
  }

  /** The heaviest content terms, as indexed for same-story lookups. */
  TopicVector topic() {
    return TopicVector.of(story.terms(), story.weights(), TopicVector.DEFAULT_TERMS);
  }

  /** What the store keeps beside the article: its word count and story features. */
  byte[] payload() {
    byte[] f = features.encode();
    return ByteBuffer.allocate(4 + f.length).putInt(analyzed.tokens().size()).put(f).array();
  }

  /** The word count a {@link #payload()} holds. */
  static int words(byte[] payload) {
    return ByteBuffer.wrap(payload).getInt();
  }

  /**
   * The story builder's input for a stored article from its {@link #payload()} bytes.
   *
   * @throws IllegalArgumentException when the bytes are not a payload
   */
  static StoryBuilder.Analysed analysed(Article a, byte[] payload) {
    if (payload == null || payload.length < 4) {
      throw new IllegalArgumentException(
          "article " + a.id() + " has no story features in the store");
    }
    int words = ByteBuffer.wrap(payload).getInt();
    return new StoryBuilder.Analysed(
        a, words, StoryFeatures.decode(a.id(), payload, 4, payload.length - 4));
  }
}
