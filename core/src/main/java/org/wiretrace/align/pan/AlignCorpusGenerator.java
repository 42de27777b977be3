package org.wiretrace.align.pan;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wiretrace.align.FunctionWords;

/**
 * Writes a PAN-format text-alignment corpus from news articles: {@code src/source-N.txt}, {@code
 * susp/suspicious-N.txt}, {@code truth/suspicious-N-source-N.xml} (features named {@code
 * plagiarism} with an {@code obfuscation} attribute) and a {@code pairs} file, one pair per line.
 *
 * <p>Each pair draws a source article and, for embedded passages, a host article; a passage of
 * whole sentences (about 300 to 1,500 characters) of the source is obfuscated and inserted into the
 * host at a paragraph break. Obfuscations ({@link #TYPES}):
 *
 * <ul>
 *   <li>{@code none}: the passage verbatim;
 *   <li>{@code truncated}: the suspicious document is the source's lead, cut at a sentence end
 *       between 30% and 70% of its length;
 *   <li>{@code edited}: sentences dropped (12%) or added from the host (8%), words deleted (4%),
 *       replaced by a host word (4%) or inserted (3%);
 *   <li>{@code spun-light}, {@code spun-heavy}: 25% or 75% of the content words that have synonyms
 *       replaced by a random synonym of the {@link Thesaurus} (names, capitalised words and
 *       function words left alone, as spinners do);
 *   <li>{@code mis-encoded}: straight quotes and dashes made typographic, then the whole suspicious
 *       document's UTF-8 bytes decoded as windows-1252 (mojibake);
 *   <li>{@code whole-document}: the source's title and full text;
 *   <li>negatives ({@code negative}, {@code negative-same-topic}): a host with no features, from
 *       another category or from the same one, sharing no 8-word sequence with the source.
 * </ul>
 *
 * Offsets are code points of the UTF-8 files. Deterministic for a seed. Not thread-safe (one
 * instance per corpus).
 */
public final class AlignCorpusGenerator {

  /** The obfuscation types written (negative pairs get no feature). */
  public static final List<String> TYPES =
      List.of(
          "none",
          "truncated",
          "edited",
          "spun-light",
          "spun-heavy",
          "mis-encoded",
          "whole-document",
          "negative",
          "negative-same-topic");

  /** An input article. */
  public record SourceArticle(String id, String category, String title, String text) {}

  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.!?][\"”’)]?)\\s+(?=[A-Z\"“‘(0-9])");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Charset CP1252 = Charset.forName("windows-1252");

  private final List<SourceArticle> articles;
  private final Thesaurus thesaurus;
  private final Random random;

  private final double lightSpin;
  private final double heavySpin;

  /**
   * A generator over {@code articles}, spinning with {@code thesaurus}; {@code lightSpin} and
   * {@code heavySpin} are the shares of replaceable words the two spin levels replace.
   */
  public AlignCorpusGenerator(
      List<SourceArticle> articles,
      Thesaurus thesaurus,
      long seed,
      double lightSpin,
      double heavySpin) {
    if (!(lightSpin >= 0 && lightSpin <= 1 && heavySpin >= 0 && heavySpin <= 1)) {
      throw new IllegalArgumentException("spin shares must be in [0, 1]");
    }
    this.lightSpin = lightSpin;
    this.heavySpin = heavySpin;
    if (articles.size() < 10) {
      throw new IllegalArgumentException("need at least 10 articles, got " + articles.size());
    }
    // distinct bodies only: a corpus may hold copies, which would spoil negative pairs
    Map<String, SourceArticle> distinct = new LinkedHashMap<>();
    for (SourceArticle a : articles) {
      if (a.text().length() >= 800) {
        distinct.putIfAbsent(a.text().strip(), a);
      }
    }
    this.articles = List.copyOf(distinct.values());
    this.thesaurus = thesaurus;
    this.random = new Random(seed);
  }

  /** Writes {@code perType} pairs of every type into {@code out}; returns the count per type. */
  public Map<String, Integer> write(Path out, int perType) throws IOException {
    if (perType < 1) {
      throw new IllegalArgumentException("perType must be >= 1, got " + perType);
    }
    Files.createDirectories(out.resolve("src"));
    Files.createDirectories(out.resolve("susp"));
    Files.createDirectories(out.resolve("truth"));
    StringBuilder pairs = new StringBuilder();
    Map<String, Integer> counts = new LinkedHashMap<>();
    int id = 0;
    for (int round = 0; round < perType; round++) {
      for (String type : TYPES) {
        id++;
        String num = String.format(Locale.ROOT, "%05d", id);
        String srcName = "source-" + num + ".txt";
        String suspName = "suspicious-" + num + ".txt";
        Pair p = pair(type, srcName);
        Files.writeString(out.resolve("src").resolve(srcName), p.source, StandardCharsets.UTF_8);
        Files.writeString(
            out.resolve("susp").resolve(suspName), p.suspicious, StandardCharsets.UTF_8);
        String xml = new PanDocument(suspName, p.features).toXml(PanDocument.TRUTH);
        Files.writeString(
            out.resolve("truth").resolve("suspicious-" + num + "-source-" + num + ".xml"), xml);
        pairs.append(suspName).append(' ').append(srcName).append('\n');
        counts.merge(type, 1, Integer::sum);
      }
    }
    Files.writeString(out.resolve("pairs"), pairs.toString());
    return counts;
  }

  private record Pair(String source, String suspicious, List<PanFeature> features) {}

  private Pair pair(String type, String srcName) {
    SourceArticle s = articles.get(random.nextInt(articles.size()));
    String src = s.text();
    switch (type) {
      case "truncated" -> {
        List<int[]> sents = sentences(src);
        int target = (int) (src.length() * (0.3 + 0.4 * random.nextDouble()));
        int cut = sents.get(0)[1];
        for (int[] x : sents) {
          if (x[1] <= target) {
            cut = x[1];
          }
        }
        String susp = src.substring(0, cut);
        return new Pair(src, susp, List.of(feature(susp, 0, cut, src, 0, cut, srcName, type)));
      }
      case "whole-document" -> {
        String susp = s.title() + "\n\n" + src;
        int off = s.title().length() + 2;
        return new Pair(
            src,
            susp,
            List.of(feature(susp, off, susp.length(), src, 0, src.length(), srcName, type)));
      }
      case "negative", "negative-same-topic" -> {
        SourceArticle h = host(s, type.equals("negative-same-topic") ? 1 : -1);
        if (h == null) {
          return pair(type, srcName); // no fitting host for this source: draw another
        }
        return new Pair(src, h.text(), List.of());
      }
      default -> {
        int[] span = passage(src);
        String passage = src.substring(span[0], span[1]);
        SourceArticle h = host(s, 0);
        if (h == null) {
          return pair(type, srcName);
        }
        String host = h.text();
        String obf =
            switch (type) {
              case "none" -> passage;
              case "edited" -> edit(passage, host);
              case "spun-light" -> spin(passage, lightSpin);
              case "spun-heavy" -> spin(passage, heavySpin);
              case "mis-encoded" -> typographic(passage);
              default -> throw new IllegalArgumentException("unknown obfuscation " + type);
            };
        if (type.equals("mis-encoded")) {
          host = typographic(host);
        }
        int cut = paragraphBreak(host);
        String susp = host.substring(0, cut) + obf + "\n\n" + host.substring(cut);
        int ts = cut;
        int te = cut + obf.length();
        if (type.equals("mis-encoded")) {
          String before = mojibake(susp.substring(0, ts));
          String mid = mojibake(obf);
          susp = mojibake(susp);
          ts = before.length();
          te = ts + mid.length();
        }
        return new Pair(
            src, susp, List.of(feature(susp, ts, te, src, span[0], span[1], srcName, type)));
      }
    }
  }

  private static PanFeature feature(
      String susp, int ts, int te, String src, int ss, int se, String srcName, String type) {
    int tOff = susp.codePointCount(0, ts);
    int sOff = src.codePointCount(0, ss);
    return new PanFeature(
        tOff,
        susp.codePointCount(ts, te),
        srcName,
        sOff,
        src.codePointCount(ss, se),
        Optional.of(type));
  }

  /**
   * A host article other than {@code s} sharing no 8-word sequence with it: from the same category
   * ({@code category > 0}), another one ({@code category < 0}) or any ({@code category == 0}); null
   * when 200 draws found none.
   */
  private SourceArticle host(SourceArticle s, int category) {
    Set<String> grams = grams(s.text());
    for (int attempt = 0; attempt < 200; attempt++) {
      SourceArticle h = articles.get(random.nextInt(articles.size()));
      boolean same = h.category().equals(s.category());
      if (h == s || category > 0 && !same || category < 0 && same) {
        continue;
      }
      boolean shared = false;
      for (String g : grams(h.text())) {
        if (grams.contains(g)) {
          shared = true;
          break;
        }
      }
      if (!shared) {
        return h;
      }
    }
    return null;
  }

  private static Set<String> grams(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 8 <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + 8)));
    }
    return out;
  }

  /** Sentence spans {start, end} (end after the final punctuation). */
  private static List<int[]> sentences(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = SENTENCE_END.matcher(text);
    int start = 0;
    while (m.find()) {
      if (m.start() > start) {
        out.add(new int[] {start, m.start()});
      }
      start = m.end();
    }
    int end = text.length();
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new int[] {start, end});
    }
    return out;
  }

  /** A run of whole sentences of about 300 to 1,500 characters. */
  private int[] passage(String src) {
    List<int[]> sents = sentences(src);
    int want = 300 + random.nextInt(1200);
    int first = random.nextInt(Math.max(1, sents.size() - 2));
    int last = first;
    while (last + 1 < sents.size() && sents.get(last)[1] - sents.get(first)[0] < want) {
      last++;
    }
    return new int[] {sents.get(first)[0], sents.get(last)[1]};
  }

  private int paragraphBreak(String host) {
    List<Integer> breaks = new ArrayList<>();
    breaks.add(0);
    int k = host.indexOf("\n\n");
    while (k >= 0) {
      breaks.add(k + 2);
      k = host.indexOf("\n\n", k + 2);
    }
    return breaks.get(random.nextInt(breaks.size()));
  }

  private String edit(String passage, String host) {
    List<int[]> sents = sentences(passage);
    List<int[]> hostSents = sentences(host);
    String[] hostWords = host.split("\\s+");
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < sents.size(); k++) {
      boolean inner = k > 0 && k < sents.size() - 1;
      if (inner && random.nextDouble() < 0.12) {
        continue;
      }
      String[] words = passage.substring(sents.get(k)[0], sents.get(k)[1]).split(" ");
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < words.length; w++) {
        double r = random.nextDouble();
        boolean edge = w == 0 || w == words.length - 1;
        String word = words[w];
        if (!edge && r < 0.04) {
          continue;
        } else if (!edge && r < 0.08) {
          word = hostWords[random.nextInt(hostWords.length)].replaceAll("[^\\p{L}\\p{N}]", "");
        } else if (!edge && r < 0.11) {
          word = hostWords[random.nextInt(hostWords.length)] + " " + word;
        }
        if (!word.isEmpty()) {
          sb.append(sb.isEmpty() ? "" : " ").append(word);
        }
      }
      out.append(out.isEmpty() ? "" : " ").append(sb);
      if (inner && random.nextDouble() < 0.08) {
        int[] h = hostSents.get(random.nextInt(hostSents.size()));
        out.append(' ').append(host, h[0], h[1]);
      }
    }
    return out.toString();
  }

  private String spin(String passage, double rate) {
    StringBuilder out = new StringBuilder(passage.length());
    Matcher m = WORD.matcher(passage);
    int last = 0;
    while (m.find()) {
      out.append(passage, last, m.start());
      String w = m.group();
      String lower = w.toLowerCase(Locale.ROOT);
      String replacement = w;
      if (w.length() >= 3
          && Character.isLowerCase(w.charAt(0))
          && !FunctionWords.contains(lower)
          && random.nextDouble() < rate) {
        List<String> syn = thesaurus.synonyms(lower);
        if (!syn.isEmpty()) {
          replacement = syn.get(random.nextInt(syn.size()));
        }
      }
      out.append(replacement);
      last = m.end();
    }
    return out.append(passage, last, passage.length()).toString();
  }

  /** Straight quotes, apostrophes and spaced hyphens made typographic. */
  static String typographic(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean open = true;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '"') {
        out.append(open ? '“' : '”');
        open = !open;
      } else if (c == '\'') {
        out.append('’');
      } else if (c == '-'
          && k > 0
          && k + 1 < s.length()
          && s.charAt(k - 1) == ' '
          && s.charAt(k + 1) == ' ') {
        out.append('–');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * UTF-8 bytes read as windows-1252, the five bytes it leaves undefined read as ISO-8859-1 (as
   * browsers do).
   */
  static String mojibake(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length);
    byte[] one = new byte[1];
    for (byte b : bytes) {
      int v = b & 0xFF;
      if (v < 0x80 || v >= 0xA0) {
        out.append((char) v);
      } else {
        one[0] = b;
        String c = new String(one, CP1252);
        out.append(c.charAt(0) == '\uFFFD' ? (char) v : c.charAt(0));
      }
    }
    return out.toString();
  }
}
