package org.wiretrace.spin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A large, sense-agnostic thesaurus of the kind article spinners use: Aiksaurus (Jared Davis,
 * 2001–2003), compiled from Grady Ward's public-domain Moby Thesaurus II, as installed by the
 * Debian package {@code libaiksaurus-1.2-data} ({@code /usr/share/aiksaurus/words.dat} and {@code
 * meanings.dat}, GPL-2+). Because of that licence the data is not shipped with Wiretrace: it is
 * read at run time from {@link #DEFAULT_DIR} (or the folder named by the system property {@link
 * #PROPERTY}) when present, and {@link #shared()} is {@link #empty()} otherwise, so everything
 * still works with WordNet and the learned habits alone.
 *
 * <p>Format (Aiksaurus 1.2): {@code words.dat} is a sequence of records, each a NUL-terminated
 * ISO-8859-1 word (multiword entries joined by {@code ':'}) followed by the big-endian 16-bit ids
 * of its meanings and the terminator {@code 0xFFFF}; {@code meanings.dat} is a sequence of
 * meanings, each the big-endian 16-bit ids (record numbers in {@code words.dat}) of its words,
 * terminated by {@code 0xFFFF}. The neighbours of a word are the words sharing one of its meanings.
 *
 * <p>About 2 MB of heap (25,000 words, 2,600 meanings), loaded once on first use (≈50 ms);
 * neighbour sets are cached per word. Immutable after loading; thread-safe.
 */
public final class Thesaurus {

  /** The folder of the Debian package's data files. */
  public static final String DEFAULT_DIR = "/usr/share/aiksaurus";

  /** System property naming another folder holding {@code words.dat} and {@code meanings.dat}. */
  public static final String PROPERTY = "wiretrace.thesaurus";

  private static final int END = 0xFFFF;

  private final String[] words;
  private final int[][] meaningsOf;
  private final int[][] wordsOf;
  private final Map<String, Integer> index;
  private final String source;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  private Thesaurus(String[] words, int[][] meaningsOf, int[][] wordsOf, String source) {
    this.words = words;
    this.meaningsOf = meaningsOf;
    this.wordsOf = wordsOf;
    this.source = source;
    this.index = new HashMap<>(words.length * 2);
    for (int i = 0; i < words.length; i++) {
      index.putIfAbsent(words[i], i);
    }
  }

  private static final class Holder {
    static final Thesaurus SHARED = loadDefault();
  }

  /** The installed thesaurus, or {@link #empty()} when it is not installed; loaded on first use. */
  public static Thesaurus shared() {
    return Holder.SHARED;
  }

  /** A thesaurus without words. */
  public static Thesaurus empty() {
    return new Thesaurus(new String[0], new int[0][], new int[0][], "none");
  }

  /** The folder looked at by {@link #shared()}. */
  public static Path defaultDir() {
    return Path.of(System.getProperty(PROPERTY, DEFAULT_DIR));
  }

  private static Thesaurus loadDefault() {
    Path dir = defaultDir();
    if (!Files.isRegularFile(dir.resolve("words.dat"))
        || !Files.isRegularFile(dir.resolve("meanings.dat"))) {
      return empty();
    }
    try {
      return load(dir);
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("wiretrace: ignoring the thesaurus in " + dir + ": " + e.getMessage());
      return empty();
    }
  }

  /**
   * Reads {@code words.dat} and {@code meanings.dat} from a folder.
   *
   * @throws IllegalArgumentException naming the file and byte offset of a malformed record
   */
  public static Thesaurus load(Path dir) throws IOException {
    Path wf = dir.resolve("words.dat");
    Path mf = dir.resolve("meanings.dat");
    byte[] w = Files.readAllBytes(wf);
    byte[] m = Files.readAllBytes(mf);
    List<String> words = new ArrayList<>();
    List<int[]> meaningsOf = new ArrayList<>();
    int i = 0;
    while (i < w.length) {
      int start = i;
      while (i < w.length && w[i] != 0) {
        i++;
      }
      if (i >= w.length) {
        throw new IllegalArgumentException(wf + ": word at byte " + start + " is not terminated");
      }
      String word =
          new String(w, start, i - start, StandardCharsets.ISO_8859_1)
              .replace(':', ' ')
              .toLowerCase(Locale.ROOT);
      i++;
      List<Integer> ids = new ArrayList<>();
      while (true) {
        if (i + 1 >= w.length) {
          throw new IllegalArgumentException(
              wf + ": meanings of '" + word + "' at byte " + i + " are not terminated");
        }
        int v = ((w[i] & 0xFF) << 8) | (w[i + 1] & 0xFF);
        i += 2;
        if (v == END) {
          break;
        }
        ids.add(v);
      }
      words.add(word);
      meaningsOf.add(ids.stream().mapToInt(Integer::intValue).toArray());
    }
    if (m.length % 2 != 0) {
      throw new IllegalArgumentException(mf + ": odd length " + m.length);
    }
    List<int[]> wordsOf = new ArrayList<>();
    List<Integer> cur = new ArrayList<>();
    for (int j = 0; j + 1 < m.length; j += 2) {
      int v = ((m[j] & 0xFF) << 8) | (m[j + 1] & 0xFF);
      if (v == END) {
        wordsOf.add(cur.stream().mapToInt(Integer::intValue).toArray());
        cur.clear();
      } else if (v >= words.size()) {
        throw new IllegalArgumentException(
            mf + ": word id " + v + " at byte " + j + " beyond " + words.size() + " words");
      } else {
        cur.add(v);
      }
    }
    for (int k = 0; k < meaningsOf.size(); k++) {
      for (int id : meaningsOf.get(k)) {
        if (id >= wordsOf.size()) {
          throw new IllegalArgumentException(
              wf + ": meaning id " + id + " of '" + words.get(k) + "' beyond " + wordsOf.size());
        }
      }
    }
    return new Thesaurus(
        words.toArray(String[]::new),
        meaningsOf.toArray(int[][]::new),
        wordsOf.toArray(int[][]::new),
        dir.toString());
  }

  /** Number of head words. */
  public int size() {
    return words.length;
  }

  /** Where the thesaurus was read from ({@code "none"} for the empty one). */
  public String source() {
    return source;
  }

  /** True when the lower-case word or expression is a head word. */
  public boolean contains(String word) {
    return index.containsKey(word);
  }

  /**
   * The words sharing a meaning with a lower-case word or space-separated expression, excluding the
   * word itself, in the thesaurus' order (meaning by meaning); empty for an unknown word.
   */
  public List<String> neighbours(String word) {
    Integer id = index.get(word);
    if (id == null) {
      return List.of();
    }
    return cache.computeIfAbsent(
        word,
        k -> {
          LinkedHashMap<String, Boolean> out = new LinkedHashMap<>();
          for (int meaning : meaningsOf[id]) {
            for (int other : wordsOf[meaning]) {
              if (!words[other].equals(k)) {
                out.put(words[other], Boolean.TRUE);
              }
            }
          }
          return Collections.unmodifiableList(new ArrayList<>(out.keySet()));
        });
  }

  /** The number of meanings a word belongs to (0 for an unknown word). */
  public int senses(String word) {
    Integer id = index.get(word);
    return id == null ? 0 : meaningsOf[id].length;
  }

  /** Looks up a word's neighbours, or empty when the thesaurus does not know it. */
  public Optional<List<String>> lookup(String word) {
    return contains(word) ? Optional.of(neighbours(word)) : Optional.empty();
  }
}
