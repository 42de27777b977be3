package org.wiretrace.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.stories.StoryClusterer;
import org.wiretrace.stories.StoryModel;

/**
 * The story clusterer's state as the store keeps it ({@link ArticleIndex#putState}, under {@link
 * #KEY}), layout {@value #VERSION}: the layout version; the {@link ClusteringMark} (articles
 * clustered, and whether the last was dated, its epoch second and nanosecond); the {@link
 * StoryTally} of the stories written with it (stories, families); then {@link
 * StoryClusterer#writeState} deflated. Layouts: 1 held the closed stories inside the state; 2 was
 * the clusterer's state alone (closed stories as records); 3 adds the mark and the tally, so that a
 * scan that only added later articles neither reads every article to check that the state resumes
 * nor every story record to count the totals. A state of another layout is not read (everything is
 * clustered again, and the state rewritten in this layout). Stateless and thread-safe.
 */
final class StoryState {

  /** The name of the state in the store. */
  static final String KEY = "stories";

  /** The layout written and read. */
  static final int VERSION = 3;

  /**
   * Largest state kept (a safeguard: the open stories are bounded in number, but a story's
   * centroids grow with its distinct terms); beyond this the state is dropped and the next scan
   * clusters everything.
   */
  static final int MAX_BYTES = 64 << 20;

  /** A kept state: the clusterer, how far it clustered the store, the totals written with it. */
  record Kept(StoryClusterer clusterer, ClusteringMark mark, StoryTally tally) {
    Kept {
      Objects.requireNonNull(clusterer, "clusterer");
      Objects.requireNonNull(mark, "mark");
      Objects.requireNonNull(tally, "tally");
    }
  }

  private StoryState() {}

  /** The kept form of {@code kept}. */
  static byte[] encode(Kept kept) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream head = new DataOutputStream(out);
    head.writeInt(VERSION);
    head.writeInt(kept.mark().articles());
    Optional<Instant> latest = kept.mark().latest();
    head.writeBoolean(latest.isPresent());
    head.writeLong(latest.map(Instant::getEpochSecond).orElse(0L));
    head.writeInt(latest.map(Instant::getNano).orElse(0));
    head.writeInt(kept.tally().stories());
    head.writeInt(kept.tally().families());
    head.flush();
    // written whole into an array first, then deflated in one call: a DataOutputStream makes one
    // synchronized write to its stream per value (most of the encoding time)
    ByteArrayDataOutput raw = new ByteArrayDataOutput(1 << 20);
    kept.clusterer().writeState(raw);
    PhaseTimes.count("state bytes inflated", raw.size());
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater, 1 << 16)) {
      d.write(raw.array(), 0, raw.size());
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  /**
   * The state in {@code bytes} ({@link #encode}); empty if of another layout.
   *
   * @throws IOException when it is of this layout but malformed
   */
  static Optional<Kept> decode(byte[] bytes) throws IOException {
    DataInputStream head = new DataInputStream(new ByteArrayInputStream(bytes));
    if (head.readInt() != VERSION) {
      return Optional.empty(); // another layout: cluster everything again
    }
    ClusteringMark mark;
    StoryTally tally;
    try {
      int articles = head.readInt();
      boolean dated = head.readBoolean();
      long second = head.readLong();
      int nano = head.readInt();
      mark =
          new ClusteringMark(
              articles,
              dated ? Optional.of(Instant.ofEpochSecond(second, nano)) : Optional.empty());
      tally = new StoryTally(head.readInt(), head.readInt());
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new IOException("bad story state header", e);
    }
    int at = bytes.length - head.available();
    // inflated whole, then read from the array (see encode)
    byte[] raw;
    Inflater inflater = new Inflater();
    try (InflaterInputStream in =
        new InflaterInputStream(
            new ByteArrayInputStream(bytes, at, bytes.length - at), inflater, 1 << 16)) {
      raw = in.readAllBytes();
    } finally {
      inflater.end();
    }
    StoryClusterer clusterer =
        StoryClusterer.readState(new ByteArrayDataInput(raw, 0, raw.length), StoryModel.DEFAULT);
    return Optional.of(new Kept(clusterer, mark, tally));
  }

  /** The state kept in {@code index}, if there is one of this layout that reads. */
  static Optional<Kept> read(ArticleIndex index) throws IOException {
    Optional<byte[]> bytes = index.state(KEY);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return decode(bytes.get());
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable: cluster everything again, it is derived
    }
  }

  /** Keeps {@code kept} in {@code index}, or none when larger than {@link #MAX_BYTES}. */
  static void write(ArticleIndex index, Kept kept) throws IOException {
    long t = PhaseTimes.start();
    byte[] state = encode(kept);
    t = PhaseTimes.end("state encode", t);
    PhaseTimes.count("state bytes", state.length);
    if (state.length <= MAX_BYTES) {
      index.putState(KEY, state);
    } else {
      index.removeState(KEY);
    }
  }
}
