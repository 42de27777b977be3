package org.wiretrace.index;

import java.util.Map;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilterFactory;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.bloom.FuzzySet;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.SegmentWriteState;

/**
 * The codec a Wiretrace index is written with: Lucene 9.12's default, except that the postings of
 * the fields looked up by exact hashed terms — article ids, LSH band keys, sampled and short
 * shingles, immutable n-grams — carry a Bloom filter per segment (Bloom 1970; Lucene's {@link
 * BloomFilteringPostingsFormat}). A candidate lookup seeks each of its terms in every segment, and
 * most of those terms are in no segment at all (a new article's shingles): the filter answers those
 * from memory instead of loading a block of the term dictionary, which at 200,000 articles was a
 * third of the scan's time.
 *
 * <p>The filters change no answer (a filter says "maybe" or "no", never a wrong "no"). The codec
 * keeps Lucene's name, so any reader with {@code lucene-codecs} on its class path opens the index
 * (the filtered fields name their postings format in the segment); {@link IndexFormat#VERSION} 3
 * marks stores that may hold such segments, so that older Wiretrace versions refuse them with a
 * message instead of failing on the missing format.
 *
 * <p>Sizing: when a segment is written the filter is sized for the most values the field may hold
 * ({@link #VALUES_PER_DOCUMENT} times the segment's documents, whatever their kind; at most
 * Lucene's largest filter, 2^31 bits), then folded down to the size at which half of its bits are
 * set, which for the filter's {@code k} hash functions gives a false-positive rate of about 2^-k (k
 * is chosen for at most {@value #FALSE_POSITIVES} at the estimated size); a filter more than 90%
 * full is not kept. Steady state: about 5-10 bits of heap per distinct term of the filtered fields.
 * A target of 1% (about twice the heap) was measured at 100,000 articles and gave no gain through
 * the noise (docs/index.md, "Fewer terms, cheaper hits"). Thread-safe (immutable).
 */
final class IndexCodec {

  /** Target false-positive rate of a filter at its estimated size. */
  static final float FALSE_POSITIVES = 0.1f;

  /**
   * Distinct terms per document at most, per filtered field, counting every document as an article
   * (measured at 184,000 synthetic articles: 1 id, 23 band keys, 71 sampled shingles, 30 shingles
   * of the short texts that have them, 149 immutable n-grams per article; rounded up).
   */
  static final Map<String, Integer> VALUES_PER_DOCUMENT =
      Map.of(
          IndexFormat.F_ID, 1,
          IndexFormat.F_ID_HASH, 1,
          IndexFormat.F_LSH, 24,
          IndexFormat.F_SAMPLE, 96,
          IndexFormat.F_SHORT, 64,
          IndexFormat.F_SPIN, 200);

  /** The codec (one instance: codecs are stateless). */
  static final Codec CODEC = new Filtered();

  private IndexCodec() {}

  private static final class Filtered extends Lucene912Codec {
    private final PostingsFormat bloom =
        new BloomFilteringPostingsFormat(PostingsFormat.forName("Lucene912"), new Sizing());

    @Override
    public PostingsFormat getPostingsFormatForField(String field) {
      return VALUES_PER_DOCUMENT.containsKey(field)
          ? bloom
          : super.getPostingsFormatForField(field);
    }
  }

  /** Sizes each segment's filter by its document count; folds it to half full once written. */
  private static final class Sizing extends BloomFilterFactory {
    @Override
    public FuzzySet getSetForField(SegmentWriteState state, FieldInfo info) {
      long values =
          (long) state.segmentInfo.maxDoc() * VALUES_PER_DOCUMENT.getOrDefault(info.name, 1);
      return FuzzySet.createOptimalSet(
          (int) Math.min(Integer.MAX_VALUE / 16, Math.max(1, values)), FALSE_POSITIVES);
    }

    @Override
    public FuzzySet downsize(FieldInfo fieldInfo, FuzzySet initialSet) {
      FuzzySet smaller = initialSet.downsize(0.5f);
      return smaller == null ? initialSet : smaller;
    }

    @Override
    public boolean isSaturated(FuzzySet bloomFilter, FieldInfo fieldInfo) {
      return bloomFilter.getSaturation() > 0.9f;
    }
  }
}
