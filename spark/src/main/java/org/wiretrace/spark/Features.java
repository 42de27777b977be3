package org.wiretrace.spark;

import org.wiretrace.fingerprint.Fingerprint;
import org.wiretrace.index.TopicVector;
import org.wiretrace.relate.StorySimilarity.TermVector;
import org.wiretrace.text.AnalyzedArticle;
import org.wiretrace.text.Tokens;

/**
 * The compact analysed form of one article that the candidate stages read, computed once per
 * article (the text is tokenised here and again only by the judging stage, for candidate pairs):
 * its dense number, the core fingerprint ({@link CandidateKeys#FINGERPRINTER}, in its stored binary
 * form plus the LSH band keys, which that form leaves out), and, for collections the scan compares
 * pair by pair, the word trigram hashes and the content-term vector; beyond them, the topic vector
 * of the scan's same-story search ({@link TopicVector#of}). Primitive arrays only, so it ships
 * compactly with Kryo. Immutable by convention (arrays are not copied); thread-safe.
 */
final class Features {
  private final int num;
  private final byte[] fingerprint;
  private final long[] bandKeys;
  private final long[] trigrams;
  private final long[] terms;
  private final double[] weights;
  private final byte[] topic;

  private Features(
      int num,
      byte[] fingerprint,
      long[] bandKeys,
      long[] trigrams,
      long[] terms,
      double[] weights,
      byte[] topic) {
    this.num = num;
    this.fingerprint = fingerprint;
    this.bandKeys = bandKeys;
    this.trigrams = trigrams;
    this.terms = terms;
    this.weights = weights;
    this.topic = topic;
  }

  /**
   * The features of {@code row}, article number {@code num}; {@code pairwise} adds the trigrams and
   * the term vector (the scan's pair-by-pair rule).
   */
  static Features of(int num, ArticleRow row, boolean pairwise) {
    Tokens t = AnalyzedArticle.of(row.article()).tokens();
    Fingerprint fp = CandidateKeys.FINGERPRINTER.of(t);
    long[] grams = new long[0];
    TermVector v = CandidateKeys.terms(t);
    byte[] topic = TopicVector.of(v.terms(), v.weights(), TopicVector.DEFAULT_TERMS).encode();
    if (pairwise) {
      grams = CandidateKeys.trigrams(t);
    } else {
      v = new TermVector(new long[0], new double[0]);
    }
    return new Features(num, fp.encode(), fp.bandKeys(), grams, v.terms(), v.weights(), topic);
  }

  /** The topic vector as the index stores it ({@link TopicVector#DEFAULT_TERMS} heaviest terms). */
  TopicVector topic() {
    return TopicVector.decode(topic, 0, topic.length);
  }

  /** The stored binary form of the topic vector. */
  byte[] encodedTopic() {
    return topic;
  }

  int num() {
    return num;
  }

  /** The fingerprint as the index stores it (without band keys). */
  Fingerprint fingerprint() {
    return Fingerprint.decode(fingerprint, 0, fingerprint.length);
  }

  /**
   * A driver-side table of one stored form ({@code field}: {@link #encodedFingerprint}, {@link
   * #encodedTopic}) of every article, by article number, for a broadcast; articles are streamed
   * partition by partition, so the driver holds the table and one partition.
   */
  static byte[][] table(
      org.apache.spark.api.java.JavaPairRDD<Integer, Features> features,
      int n,
      java.util.function.Function<Features, byte[]> field) {
    byte[][] table = new byte[n][];
    var it = features.values().toLocalIterator();
    while (it.hasNext()) {
      Features f = it.next();
      table[f.num()] = field.apply(f);
    }
    return table;
  }

  /** The stored binary form of the fingerprint. */
  byte[] encodedFingerprint() {
    return fingerprint;
  }

  long[] bandKeys() {
    return bandKeys;
  }

  long[] trigrams() {
    return trigrams;
  }

  long[] terms() {
    return terms;
  }

  double[] weights() {
    return weights;
  }
}
