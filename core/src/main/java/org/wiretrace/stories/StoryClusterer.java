package org.wiretrace.stories;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Streaming story clustering after Miranda, Znotiņš, Cohen and Barzdins, "Multilingual Clustering
 * of Streaming News", EMNLP 2018: articles arrive one at a time (normally in publication order);
 * each is scored against every open story by a logistic {@link StoryModel} over per-space tf-idf
 * cosines to the story's centroid plus time features, and joins the best story when its probability
 * passes the join threshold, else opens a new story.
 *
 * <p>Beyond the paper:
 *
 * <ul>
 *   <li><b>Stable ids.</b> A story's id is {@link StoryGroup#idFor(String)} of its first article
 *       and never changes while it lives.
 *   <li><b>Merges.</b> When an arriving article also passes the join threshold for other stories,
 *       the stories' centroids are compared with the same model; above the merge threshold they are
 *       one event and merge into the older story, whose id survives; the absorbed ids are reported
 *       in the {@link Assignment} and kept in {@link StoryGroup#mergedIds()}.
 *   <li><b>Late articles.</b> Time features use the distance to a story's span, so an article that
 *       arrives late joins the old story it belongs to as long as that story is open.
 *   <li><b>Bounded memory.</b> A story closes once the stream clock (the latest publication time
 *       seen) has moved {@link StoryModel#windowDays()} past its last article, or when more than
 *       {@link #maxOpen()} stories are open and it is the one least recently joined (undated
 *       articles never move the clock, and a dense dated stream may hold more stories in its time
 *       window than is worth scoring); its centroids are dropped. Both closings take the first of
 *       an ordered set, so an arrival costs no pass over the open stories. Document frequencies
 *       live in a fixed hashed table. Closed stories keep only their ids until {@link
 *       #drainClosed()}.
 *   <li><b>Persistence.</b> {@link #writeState(OutputStream)} and {@link #readState(InputStream,
 *       StoryModel)} save and resume the whole state (a few bytes per term of each open story, the
 *       ids of the closed ones): a resumed clusterer fed the next articles ends exactly as one that
 *       saw them all in one go.
 * </ul>
 *
 * <p>Articles without a date are placed at the stream clock. Not thread-safe: one writer; analyse
 * articles ({@link StoryAnalyzer}) in parallel and feed them here in order.
 */
public final class StoryClusterer {

  /**
   * Version of {@link #writeState}'s format. 1 (not read any more): open stories as all their
   * members' vectors, centroids and the term index rebuilt on reading, so sums and ties could come
   * out in another order; 2: member ids, the vectors of the latest {@link #NEAREST_MEMBERS} members
   * (all the clusterer ever reads again), and the centroid tables and the term index as they are,
   * so a resumed clusterer decides exactly as the one that wrote it; 3: also the capacity, the
   * arrival count and each open story's latest arrival (the capacity closing's order).
   */
  static final int STATE_VERSION = 3;

  private static final FeatureSpace[] SPACES = FeatureSpace.values();

  /**
   * Stories scored per article: all open ones while there are at most this many, else this many
   * sharing the most (rarest) index terms with the article.
   */
  static final int SHORTLIST = 8;

  /** Members (the latest) compared one by one for the nearest-member features. */
  static final int NEAREST_MEMBERS = 8;

  /** Below this centroid cosine (body and title), members are not compared one by one. */
  static final double NEAREST_MIN_COSINE = 0.05;

  /** A term in more open stories than this does not shortlist them. */
  static final int MAX_POSTINGS = 40;

  /** Terms per feature space by which members are indexed and articles look for stories. */
  static final int INDEX_TERMS = 12;

  /**
   * Default most stories open at once ({@link #maxOpen()}): above the few hundred stories a
   * season's story set holds (the dev set's 383 articles never reach it), and about 20 MB of
   * centroids, latest member vectors and member ids in the kept state (measured on the
   * 100,000-article bench store: 4,096 open stories wrote 75 MB, mostly 3 million centroid terms).
   */
  public static final int DEFAULT_MAX_OPEN = 1024;

  /** Time closing order: the story whose latest article is earliest first. */
  private static final java.util.Comparator<Cluster> BY_LAST =
      java.util.Comparator.comparingDouble((Cluster c) -> c.last).thenComparingLong(c -> c.seq);

  /** Capacity closing order: the story least recently joined first (arrivals are distinct). */
  private static final java.util.Comparator<Cluster> BY_ARRIVAL =
      java.util.Comparator.comparingLong((Cluster c) -> c.lastArrival);

  private final StoryModel model;
  private final TermStatistics stats;
  private final int maxOpen;

  /** Open stories in order of creation (the shortlist's and the state's order). */
  private final java.util.LinkedHashSet<Cluster> open = new java.util.LinkedHashSet<>();

  private final java.util.TreeSet<Cluster> byLast = new java.util.TreeSet<>(BY_LAST);
  private final java.util.TreeSet<Cluster> byArrival = new java.util.TreeSet<>(BY_ARRIVAL);
  private final List<StoryGroup> closed = new ArrayList<>();
  private final Map<String, Cluster> byArticle = new HashMap<>();
  private final Map<String, String> closedByArticle = new HashMap<>();
  private final Map<Integer, List<Cluster>> postings = new HashMap<>();
  private long stamp;
  private double clock = Double.NaN;
  private long seq;
  private long arrivals;

  /** A clusterer scoring with {@code model}. */
  public StoryClusterer(StoryModel model) {
    this(model, DEFAULT_MAX_OPEN);
  }

  /**
   * A clusterer scoring with {@code model} that keeps at most {@code maxOpen} stories open.
   *
   * @throws IllegalArgumentException if {@code maxOpen} is below 1
   */
  public StoryClusterer(StoryModel model, int maxOpen) {
    this(model, new TermStatistics(TermStatistics.DEFAULT_BITS), maxOpen);
  }

  /** A clusterer with {@link StoryModel#DEFAULT}. */
  public StoryClusterer() {
    this(StoryModel.DEFAULT);
  }

  private StoryClusterer(StoryModel model, TermStatistics stats, int maxOpen) {
    if (maxOpen < 1) {
      throw new IllegalArgumentException("maxOpen must be at least 1: " + maxOpen);
    }
    this.model = Objects.requireNonNull(model, "model");
    this.stats = stats;
    this.maxOpen = maxOpen;
  }

  public StoryModel model() {
    return model;
  }

  /** Most stories open at once; beyond it the least recently joined one closes. */
  public int maxOpen() {
    return maxOpen;
  }

  /** Adds one article and says which story it joined. Article ids must be unique. */
  public Assignment add(StoryFeatures f) {
    if (byArticle.containsKey(f.articleId()) || closedByArticle.containsKey(f.articleId())) {
      throw new IllegalArgumentException("article already clustered: " + f.articleId());
    }
    Entry e = entry(f, advance(f));
    double day = e.day();
    Cluster best = null;
    double bestP = 0;
    List<Cluster> alsoMatching = new ArrayList<>();
    double[] x = new double[StoryModel.FEATURES.size()];
    for (Cluster c : candidates(e)) {
      double p = model.probability(features(e, day, c, x));
      if (p >= model.joinThreshold()) {
        alsoMatching.add(c);
      }
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    Cluster target;
    boolean opened = bestP < model.joinThreshold();
    if (opened) {
      target = new Cluster(StoryGroup.idFor(f.articleId()), seq++);
      bestP = 0;
    } else {
      target = best;
    }
    join(target, e);
    byArticle.put(f.articleId(), target);
    List<String> merged = new ArrayList<>();
    for (Cluster other : alsoMatching) {
      if (other == target || !open.contains(other)) { // already merged by this arrival
        continue;
      }
      double p = model.probability(features(target, other, x));
      if (p >= model.mergeThreshold()) {
        Cluster survivor = other.seq < target.seq ? other : target;
        Cluster absorbed = survivor == other ? target : other;
        List<Integer> keys = new ArrayList<>(absorbed.indexed);
        unindex(absorbed);
        forget(absorbed);
        forget(survivor);
        survivor.absorb(absorbed);
        survivor.lastArrival = arrivals;
        remember(survivor);
        index(survivor, keys.stream().mapToInt(Integer::intValue).toArray());
        for (String a : absorbed.members) {
          byArticle.put(a, survivor);
        }
        merged.add(absorbed.id);
        target = survivor;
      }
    }
    closeOverCapacity();
    return new Assignment(f.articleId(), target.id, opened, bestP, merged);
  }

  /**
   * Adds one article to the story named by {@code key} whatever the model says, after reporting the
   * feature rows of every open story to {@code sink} (for fitting the model on labelled data).
   */
  void addLabelled(StoryFeatures f, String key, FeatureSink sink) {
    Entry e = entry(f, advance(f));
    double day = e.day();
    Cluster target = null;
    for (Cluster c : open) {
      double[] x = features(e, day, c, new double[StoryModel.FEATURES.size()]);
      sink.row(x, c.id.equals(key));
      if (c.id.equals(key)) {
        target = c;
      }
    }
    if (target == null) {
      target = new Cluster(key, seq++);
    }
    join(target, e);
    byArticle.put(f.articleId(), target);
    closeOverCapacity();
  }

  /** {@code e} joins {@code c} (open, or new and opened now) at this arrival. */
  private void join(Cluster c, Entry e) {
    forget(c);
    c.add(e);
    c.lastArrival = arrivals;
    remember(c);
    index(c, indexKeys(e));
  }

  /** Takes {@code c} out of the open stories and their closing orders (before it changes). */
  private void forget(Cluster c) {
    if (open.remove(c)) {
      byLast.remove(c);
      byArrival.remove(c);
    }
  }

  /** Puts {@code c} (back) among the open stories and their closing orders. */
  private void remember(Cluster c) {
    open.add(c);
    byLast.add(c);
    byArrival.add(c);
  }

  /** Closes the least recently joined stories while more than {@link #maxOpen} are open. */
  private void closeOverCapacity() {
    while (open.size() > maxOpen) {
      close(byArrival.first());
    }
  }

  /**
   * The open stories worth scoring: all of them while few, else those sharing one of the article's
   * {@link #INDEX_TERMS} highest-weighted terms per space with one of their members'.
   */
  private List<Cluster> candidates(Entry e) {
    if (open.size() <= SHORTLIST) {
      return new ArrayList<>(open);
    }
    stamp++;
    List<Cluster> out = new ArrayList<>();
    int[] keys = indexKeys(e);
    for (int key : keys) {
      List<Cluster> list = postings.get(key);
      if (list == null || list.size() > MAX_POSTINGS) {
        continue; // absent, or too common to tell stories apart
      }
      double weight = 1.0 / list.size();
      for (Cluster c : list) {
        if (c.stamp != stamp) {
          c.stamp = stamp;
          c.shared = 0;
          out.add(c);
        }
        c.shared += weight;
      }
    }
    if (out.size() > SHORTLIST) {
      out.sort((a, b) -> Double.compare(b.shared, a.shared));
      return out.subList(0, SHORTLIST);
    }
    return out;
  }

  /** The highest-weighted terms of each space of {@code e}: its index and query terms. */
  private static int[] indexKeys(Entry e) {
    int[] out = new int[INDEX_TERMS * SPACES.length];
    int m = 0;
    for (int s = 0; s < SPACES.length; s++) {
      if (SPACES[s] == FeatureSpace.NUMBERS) {
        continue;
      }
      SparseVector v = e.unit[s];
      int n = v.size();
      if (n <= INDEX_TERMS) {
        System.arraycopy(v.keys(), 0, out, m, n);
        m += n;
        continue;
      }
      float[] w = v.values().clone();
      java.util.Arrays.sort(w);
      float cut = w[n - INDEX_TERMS];
      int taken = 0;
      for (int i = 0; i < n && taken < INDEX_TERMS; i++) {
        if (v.values()[i] >= cut) {
          out[m++] = v.keys()[i];
          taken++;
        }
      }
    }
    return java.util.Arrays.copyOf(out, m);
  }

  private void index(Cluster c, int[] keys) {
    for (int k : keys) {
      List<Cluster> list = postings.computeIfAbsent(k, x -> new ArrayList<>(2));
      if (list.isEmpty() || list.get(list.size() - 1) != c) {
        list.add(c);
        c.indexed.add(k);
      }
    }
  }

  private void unindex(Cluster c) {
    for (int k : c.indexed) {
      List<Cluster> list = postings.get(k);
      if (list != null) {
        list.remove(c);
        if (list.isEmpty()) {
          postings.remove(k);
        }
      }
    }
    c.indexed.clear();
  }

  /** Receives labelled feature rows. */
  interface FeatureSink {
    void row(double[] features, boolean sameStory);
  }

  private double advance(StoryFeatures f) {
    stats.add(f);
    arrivals++;
    double day = f.dated() ? f.day() : Double.isNaN(clock) ? 0 : clock;
    clock = Double.isNaN(clock) ? day : Math.max(clock, day);
    List<Cluster> expired = new ArrayList<>();
    while (!byLast.isEmpty() && byLast.first().last < clock - model.windowDays()) {
      expired.add(byLast.pollFirst());
    }
    expired.sort(java.util.Comparator.comparingLong(c -> c.seq)); // closed in order of creation
    for (Cluster c : expired) {
      close(c);
    }
    return day;
  }

  private void close(Cluster c) {
    forget(c);
    unindex(c);
    closed.add(c.group(false));
    for (String a : c.members) {
      byArticle.remove(a);
      closedByArticle.put(a, c.id);
    }
  }

  /** Unit-length tf-idf vectors of {@code f}, idf as of now. */
  private Entry entry(StoryFeatures f, double day) {
    SparseVector[] unit = new SparseVector[SPACES.length];
    for (int s = 0; s < SPACES.length; s++) {
      SparseVector v = f.vector(SPACES[s]);
      int[] k = v.keys();
      float[] w = v.values();
      float[] u = new float[k.length];
      double sq = 0;
      for (int i = 0; i < k.length; i++) {
        u[i] = w[i] * stats.idf(k[i]);
        sq += (double) u[i] * u[i];
      }
      float scale = sq == 0 ? 0f : (float) (1 / Math.sqrt(sq));
      for (int i = 0; i < u.length; i++) {
        u[i] *= scale;
      }
      unit[s] = new SparseVector(k, u);
    }
    return new Entry(f.articleId(), day, unit);
  }

  /** A member as kept in an open story: id, day and unit tf-idf vectors. */
  private record Entry(String articleId, double day, SparseVector[] unit) {}

  private double[] features(Entry f, double day, Cluster c, double[] x) {
    x[0] = 1;
    for (int s = 0; s < SPACES.length; s++) {
      x[1 + s] = c.centroids[s].cosine(f.unit[s]);
    }
    double d = day - c.sumDay / c.members.size();
    x[5] = Math.exp(-d * d / (2 * model.sigmaDays() * model.sigmaDays()));
    double gap = day < c.first ? c.first - day : day > c.last ? day - c.last : 0;
    x[6] = Math.exp(-gap / model.sigmaDays());
    x[7] = Math.log1p(c.members.size());
    x[8] = x[1] * x[3];
    double body = 0;
    double title = 0;
    int bs = FeatureSpace.BODY.ordinal();
    int ts = FeatureSpace.TITLE.ordinal();
    if (x[1] < NEAREST_MIN_COSINE && x[2] < NEAREST_MIN_COSINE) {
      // nothing in common with the story: no member can be near (for one member, exact)
      x[9] = x[1];
      x[10] = x[2];
      return x;
    }
    for (Entry m : recent(c)) {
      body = Math.max(body, dot(f.unit[bs], m.unit[bs]));
      title = Math.max(title, dot(f.unit[ts], m.unit[ts]));
    }
    x[9] = body;
    x[10] = title;
    return x;
  }

  /** The story's latest {@link #NEAREST_MEMBERS} members, for the nearest-member features. */
  private static List<Entry> recent(Cluster c) {
    return c.features;
  }

  /** Dot product of two sparse vectors by a merge of their sorted keys. */
  private static double dot(SparseVector a, SparseVector b) {
    int[] ka = a.keys();
    int[] kb = b.keys();
    float[] va = a.values();
    float[] vb = b.values();
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < ka.length && j < kb.length) {
      int x = ka[i];
      int y = kb[j];
      if (x == y) {
        dot += va[i++] * vb[j++];
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
    }
    return dot;
  }

  private double[] features(Cluster a, Cluster b, double[] x) {
    x[0] = 1;
    for (int s = 0; s < SPACES.length; s++) {
      x[1 + s] = a.centroids[s].cosine(b.centroids[s]);
    }
    double d = a.sumDay / a.members.size() - b.sumDay / b.members.size();
    x[5] = Math.exp(-d * d / (2 * model.sigmaDays() * model.sigmaDays()));
    double gap = Math.max(0, Math.max(a.first - b.last, b.first - a.last));
    x[6] = Math.exp(-gap / model.sigmaDays());
    x[7] = Math.log1p(Math.min(a.members.size(), b.members.size()));
    x[8] = x[1] * x[3];
    double body = 0;
    double title = 0;
    int bs = FeatureSpace.BODY.ordinal();
    int ts = FeatureSpace.TITLE.ordinal();
    for (Entry m : recent(a)) {
      for (Entry n : recent(b)) {
        body = Math.max(body, dot(m.unit[bs], n.unit[bs]));
        title = Math.max(title, dot(m.unit[ts], n.unit[ts]));
      }
    }
    x[9] = body;
    x[10] = title;
    return x;
  }

  /** The story an article belongs to now (merges resolved), if it was clustered and not drained. */
  public Optional<String> storyOf(String articleId) {
    Cluster c = byArticle.get(articleId);
    return c != null ? Optional.of(c.id) : Optional.ofNullable(closedByArticle.get(articleId));
  }

  /** Number of articles clustered and not drained. */
  public int clustered() {
    return byArticle.size() + closedByArticle.size();
  }

  /** Number of open stories (those in the time window). */
  public int openStories() {
    return open.size();
  }

  /** The latest publication time seen, in days since the epoch ({@code NaN} before any). */
  public double clockDay() {
    return clock;
  }

  /** All stories not yet drained, closed ones first, each in order of creation. */
  public List<StoryGroup> stories() {
    List<StoryGroup> all = new ArrayList<>(closed);
    for (Cluster c : open) {
      all.add(c.group(true));
    }
    return all;
  }

  /** Returns the closed stories and forgets them, keeping memory bounded on long streams. */
  public List<StoryGroup> drainClosed() {
    List<StoryGroup> out = List.copyOf(closed);
    for (StoryGroup g : closed) {
      for (String a : g.articleIds()) {
        closedByArticle.remove(a);
      }
    }
    closed.clear();
    return out;
  }

  /** Writes the whole state (statistics, open stories, closed stories not drained). */
  public void writeState(OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    writeState((DataOutput) d);
    d.flush();
  }

  /**
   * {@link #writeState(OutputStream)} to {@code d}, for a caller with a faster {@link DataOutput}
   * than a {@link DataOutputStream} (which hands an int to its stream byte by byte).
   */
  public void writeState(DataOutput d) throws IOException {
    d.writeInt(STATE_VERSION);
    d.writeInt(maxOpen);
    d.writeLong(arrivals);
    d.writeDouble(clock);
    d.writeLong(seq);
    stats.write(d);
    d.writeInt(closed.size());
    for (StoryGroup g : closed) {
      d.writeUTF(g.id());
      writeStrings(d, g.mergedIds());
      writeStrings(d, g.articleIds());
    }
    d.writeInt(open.size());
    Map<Cluster, Integer> position = new HashMap<>();
    for (Cluster c : open) {
      position.put(c, position.size());
      c.write(d);
    }
    // the term index as it is: list order decides ties of the shortlist
    d.writeInt(postings.size());
    for (Map.Entry<Integer, List<Cluster>> e : postings.entrySet()) {
      d.writeInt(e.getKey());
      d.writeInt(e.getValue().size());
      for (Cluster c : e.getValue()) {
        d.writeInt(position.get(c));
      }
    }
  }

  /** Resumes a state written by {@link #writeState(OutputStream)}, scoring with {@code model}. */
  public static StoryClusterer readState(InputStream in, StoryModel model) throws IOException {
    return readState((DataInput) new DataInputStream(in), model);
  }

  /** {@link #readState(InputStream, StoryModel)} from {@code d}. */
  public static StoryClusterer readState(DataInput d, StoryModel model) throws IOException {
    int version = d.readInt();
    if (version != STATE_VERSION) {
      throw new IOException(
          "story state version " + version + " (this version reads " + STATE_VERSION + ")");
    }
    int maxOpen = d.readInt();
    if (maxOpen < 1) {
      throw new IOException("bad story state: capacity " + maxOpen);
    }
    long arrivals = d.readLong();
    double clock = d.readDouble();
    long seq = d.readLong();
    StoryClusterer sc = new StoryClusterer(model, TermStatistics.read(d), maxOpen);
    sc.arrivals = arrivals;
    sc.clock = clock;
    sc.seq = seq;
    int nClosed = d.readInt();
    for (int i = 0; i < nClosed; i++) {
      StoryGroup g = new StoryGroup(d.readUTF(), readStrings(d), readStrings(d), false);
      sc.closed.add(g);
      for (String a : g.articleIds()) {
        sc.closedByArticle.put(a, g.id());
      }
    }
    int nOpen = d.readInt();
    List<Cluster> opened = new ArrayList<>(nOpen);
    for (int i = 0; i < nOpen; i++) {
      Cluster c = Cluster.read(d);
      opened.add(c);
      sc.remember(c);
      for (String a : c.members) {
        sc.byArticle.put(a, c);
      }
    }
    if (sc.byArrival.size() != nOpen) {
      throw new IOException("bad story state: two open stories with one latest arrival");
    }
    int keys = d.readInt();
    for (int i = 0; i < keys; i++) {
      int key = d.readInt();
      int n = d.readInt();
      List<Cluster> list = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        int at = d.readInt();
        if (at < 0 || at >= nOpen) {
          throw new IOException("bad story reference " + at + " in the story state");
        }
        list.add(opened.get(at));
      }
      sc.postings.put(key, list);
    }
    return sc;
  }

  private static void writeStrings(DataOutput d, List<String> s) throws IOException {
    d.writeInt(s.size());
    for (String x : s) {
      d.writeUTF(x);
    }
  }

  private static List<String> readStrings(DataInput d) throws IOException {
    int n = d.readInt();
    List<String> s = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      s.add(d.readUTF());
    }
    return s;
  }

  private static void writeEntry(DataOutput d, Entry f) throws IOException {
    d.writeUTF(f.articleId());
    d.writeDouble(f.day());
    for (SparseVector v : f.unit()) {
      d.writeInt(v.size());
      for (int i = 0; i < v.size(); i++) {
        d.writeInt(v.keys()[i]);
        d.writeFloat(v.values()[i]);
      }
    }
  }

  private static Entry readEntry(DataInput d) throws IOException {
    String id = d.readUTF();
    double day = d.readDouble();
    SparseVector[] v = new SparseVector[SPACES.length];
    for (int s = 0; s < SPACES.length; s++) {
      int n = d.readInt();
      int[] k = new int[n];
      float[] w = new float[n];
      for (int i = 0; i < n; i++) {
        k[i] = d.readInt();
        w[i] = d.readFloat();
      }
      v[s] = new SparseVector(k, w);
    }
    return new Entry(id, day, v);
  }

  /** One open story: members, time span, centroids per feature space. */
  private static final class Cluster {
    final String id;
    final long seq;
    final List<String> aliases = new ArrayList<>();
    final List<String> members = new ArrayList<>();

    /** The latest {@link #NEAREST_MEMBERS} members' vectors: older ones are never read again. */
    final List<Entry> features = new ArrayList<>();

    final List<Integer> indexed = new ArrayList<>();
    long stamp;
    double shared;

    /** The arrival (the clusterer's count of articles) at which the story was last joined. */
    long lastArrival;

    final Centroid[] centroids = new Centroid[SPACES.length];
    double first = Double.POSITIVE_INFINITY;
    double last = Double.NEGATIVE_INFINITY;
    double sumDay;

    Cluster(String id, long seq) {
      this.id = id;
      this.seq = seq;
      for (int s = 0; s < SPACES.length; s++) {
        centroids[s] = new Centroid();
      }
    }

    void add(Entry f) {
      double day = f.day();
      members.add(f.articleId());
      features.add(f);
      trim();
      first = Math.min(first, day);
      last = Math.max(last, day);
      sumDay += day;
      for (int s = 0; s < SPACES.length; s++) {
        centroids[s].addAll(f.unit[s]);
      }
    }

    void absorb(Cluster o) {
      members.addAll(o.members);
      features.addAll(o.features);
      trim();
      aliases.add(o.id);
      aliases.addAll(o.aliases);
      first = Math.min(first, o.first);
      last = Math.max(last, o.last);
      sumDay += o.sumDay;
      for (int s = 0; s < SPACES.length; s++) {
        centroids[s].addAll(o.centroids[s]);
      }
    }

    /** Keeps the latest members' vectors: the latest of a merge are the absorbed story's. */
    private void trim() {
      int extra = features.size() - NEAREST_MEMBERS;
      if (extra > 0) {
        features.subList(0, extra).clear();
      }
    }

    StoryGroup group(boolean isOpen) {
      return new StoryGroup(id, aliases, members, isOpen);
    }

    void write(DataOutput d) throws IOException {
      d.writeUTF(id);
      d.writeLong(seq);
      writeStrings(d, aliases);
      writeStrings(d, members);
      d.writeInt(features.size());
      for (Entry f : features) {
        writeEntry(d, f);
      }
      d.writeDouble(first);
      d.writeDouble(last);
      d.writeDouble(sumDay);
      d.writeLong(lastArrival);
      for (Centroid centroid : centroids) {
        centroid.write(d);
      }
      d.writeInt(indexed.size());
      for (int k : indexed) {
        d.writeInt(k);
      }
    }

    /** A story written by {@link #write}. */
    static Cluster read(DataInput d) throws IOException {
      Cluster c = new Cluster(d.readUTF(), d.readLong());
      c.aliases.addAll(readStrings(d));
      c.members.addAll(readStrings(d));
      int n = d.readInt();
      if (n > NEAREST_MEMBERS) {
        throw new IOException("bad story state: " + n + " member vectors kept");
      }
      for (int i = 0; i < n; i++) {
        c.features.add(readEntry(d));
      }
      c.first = d.readDouble();
      c.last = d.readDouble();
      c.sumDay = d.readDouble();
      c.lastArrival = d.readLong();
      for (int s = 0; s < SPACES.length; s++) {
        c.centroids[s] = Centroid.read(d);
      }
      int k = d.readInt();
      for (int i = 0; i < k; i++) {
        c.indexed.add(d.readInt());
      }
      return c;
    }
  }
}
