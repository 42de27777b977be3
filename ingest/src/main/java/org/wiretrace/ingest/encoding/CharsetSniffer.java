package org.wiretrace.ingest.encoding;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Guesses the charset of bytes that carry no usable declaration and are not UTF-8.
 *
 * <p>The guess comes from Mozilla's universal charset detector (juniversalchardet; Li and Momoi, "A
 * composite approach to language/encoding detection", 19th International Unicode Conference, 2001):
 * coding-scheme state machines for the multi-byte charsets (Shift_JIS, EUC-JP, ISO-2022-*, EUC-KR,
 * Big5, GB18030) and character-frequency and two-character sequence models for the single-byte ones
 * (KOI8-R, windows-1251, ISO-8859-5, ISO-8859-7, windows-1253, windows-1255...). The detector reads
 * the text between tags only, so that ASCII markup does not dilute the statistics, and at most
 * {@link #MAX_SAMPLE_BYTES} of it.
 *
 * <p>Its guess is then checked against the script the text decodes to, because the detector is
 * easily pulled towards a non-Latin code page by a Latin page with a few accents: a guess of a
 * multi-byte East Asian charset must decode to text whose non-ASCII characters are nearly all CJK,
 * kana or Hangul ({@link #MIN_CJK_SHARE}); a guess of a single-byte non-Latin code page needs at
 * least {@link #MIN_NON_LATIN_SHARE} of the letters' bytes to be non-ASCII. The Cyrillic code pages
 * differ mostly in where upper and lower case sit, so among them the one whose decoding has the
 * most lower-case Cyrillic inside words wins. Supersets that pages use under the subset's name are
 * offered after it (windows-31j after Shift_JIS, windows-949 after EUC-KR, Big5-HKSCS after Big5).
 *
 * <p>Stateless and thread-safe (each call makes its own detector).
 */
public final class CharsetSniffer {

  /** Bytes of text (outside tags) the detector reads at most. */
  public static final int MAX_SAMPLE_BYTES = 64 << 10;

  /** Least share of CJK, kana and Hangul among the non-ASCII characters of an East Asian guess. */
  public static final double MIN_CJK_SHARE = 0.9;

  /** Least share of non-ASCII bytes among letter bytes for a single-byte non-Latin guess. */
  public static final double MIN_NON_LATIN_SHARE = 0.3;

  /** Least number of characters an East Asian guess must decode to. */
  public static final int MIN_CJK_CHARS = 4;

  private static final String[] CYRILLIC = {
    "windows-1251", "KOI8-R", "ISO-8859-5", "IBM866", "x-MacCyrillic"
  };

  private CharsetSniffer() {}

  /**
   * Charsets to try for {@code bytes}, best first: the detector's guess and its supersets, when the
   * guess passes the script check; empty when there is no guess.
   */
  public static List<Charset> candidates(byte[] bytes) {
    byte[] sample = textSample(bytes);
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(sample, 0, sample.length);
    detector.dataEnd();
    String guess = detector.getDetectedCharset();
    List<Charset> out = new ArrayList<>();
    if (guess == null) {
      return out;
    }
    String g = guess.toUpperCase(Locale.ROOT);
    switch (g) {
      case "SHIFT_JIS" -> add(out, "Shift_JIS", "windows-31j");
      case "EUC-JP" -> add(out, "EUC-JP");
      case "ISO-2022-JP" -> add(out, "ISO-2022-JP");
      case "ISO-2022-KR" -> add(out, "ISO-2022-KR");
      case "ISO-2022-CN" -> add(out, "ISO-2022-CN");
      case "EUC-KR" -> add(out, "EUC-KR", "x-windows-949");
      case "BIG5" -> add(out, "Big5", "Big5-HKSCS");
      case "EUC-TW" -> add(out, "x-EUC-TW");
      case "GB18030", "GBK", "HZ-GB-2312" -> add(out, "GBK", "GB18030");
      case "KOI8-R", "WINDOWS-1251", "MACCYRILLIC", "IBM855", "IBM866", "ISO-8859-5" -> {
        if (nonLatinShare(sample) >= MIN_NON_LATIN_SHARE) {
          out.add(bestCyrillic(sample));
        }
      }
      case "ISO-8859-7", "WINDOWS-1253", "ISO-8859-8", "WINDOWS-1255", "TIS620" -> {
        if (nonLatinShare(sample) >= MIN_NON_LATIN_SHARE) {
          add(out, g.equals("TIS620") ? "TIS-620" : g);
        }
      }
      case "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE", "WINDOWS-1252" -> add(out, g);
      default -> {
        // US-ASCII and UTF-8 are decided before sniffing; anything else is not a web charset
      }
    }
    if (!out.isEmpty() && isEastAsian(g) && !mostlyCjk(bytes, out.get(0))) {
      out.clear();
    }
    return out;
  }

  /**
   * UTF-16 without a byte-order mark: in the first 4 KB, at least 40% of the even (big-endian) or
   * odd (little-endian) bytes are zero and almost none of the others, as ASCII markup gives.
   */
  public static Optional<Charset> utf16WithoutBom(byte[] bytes) {
    int n = Math.min(bytes.length, 4096) & ~1;
    if (n < 8) {
      return Optional.empty();
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < n; i += 2) {
      if (bytes[i] == 0) {
        evenZero++;
      }
      if (bytes[i + 1] == 0) {
        oddZero++;
      }
    }
    int pairs = n / 2;
    if (evenZero * 5 >= pairs * 2 && oddZero * 20 < pairs) {
      return Optional.of(java.nio.charset.StandardCharsets.UTF_16BE);
    }
    if (oddZero * 5 >= pairs * 2 && evenZero * 20 < pairs) {
      return Optional.of(java.nio.charset.StandardCharsets.UTF_16LE);
    }
    return Optional.empty();
  }

  /**
   * True when the bytes hold an ISO-2022 designation ({@code ESC $ ...}): such text is 7-bit and so
   * also valid UTF-8, but must not be read as UTF-8.
   */
  public static boolean hasIso2022Escapes(byte[] bytes) {
    for (int i = 0; i + 2 < bytes.length; i++) {
      if (bytes[i] == 0x1B && bytes[i + 1] == '$') {
        byte c = bytes[i + 2];
        if (c == '@' || c == 'B' || c == 'A' || c == '(' || c == ')' || c == '*' || c == '+') {
          return true;
        }
      }
    }
    return false;
  }

  /** The text between tags, at most {@link #MAX_SAMPLE_BYTES} of it. */
  static byte[] textSample(byte[] bytes) {
    byte[] out = new byte[Math.min(bytes.length, MAX_SAMPLE_BYTES)];
    int w = 0;
    boolean inTag = false;
    for (int i = 0; i < bytes.length && w < out.length; i++) {
      byte b = bytes[i];
      if (inTag) {
        inTag = b != '>';
      } else if (b == '<' && i + 1 < bytes.length && isTagStart(bytes[i + 1])) {
        inTag = true;
      } else {
        out[w++] = b;
      }
    }
    return java.util.Arrays.copyOf(out, w);
  }

  private static boolean isTagStart(byte b) {
    return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '/' || b == '!' || b == '?';
  }

  /** Non-ASCII bytes as a share of letter bytes (ASCII letters plus non-ASCII bytes). */
  static double nonLatinShare(byte[] sample) {
    int high = 0;
    int ascii = 0;
    for (byte b : sample) {
      if (b < 0) {
        high++;
      } else if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z') {
        ascii++;
      }
    }
    return high + ascii == 0 ? 0 : (double) high / (high + ascii);
  }

  /**
   * The Cyrillic code page under which the sample reads most like prose: lower-case Cyrillic
   * letters inside words score, upper case inside words and non-letters cost.
   */
  private static Charset bestCyrillic(byte[] sample) {
    Charset best = null;
    long bestScore = Long.MIN_VALUE;
    for (String name : CYRILLIC) {
      Optional<Charset> cs = TextDecoder.charset(name);
      if (cs.isEmpty()) {
        continue;
      }
      String s = new String(sample, cs.get());
      long score = 0;
      boolean prevLetter = false;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean cyr = Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
        if (cyr && Character.isLowerCase(c)) {
          score += prevLetter ? 2 : 1;
        } else if (cyr && Character.isUpperCase(c)) {
          score += prevLetter ? -1 : 1;
        } else if (c >= 0x80) {
          score -= 2;
        }
        prevLetter = Character.isLetter(c);
      }
      if (score > bestScore) {
        bestScore = score;
        best = cs.get();
      }
    }
    return best;
  }

  private static boolean isEastAsian(String guess) {
    return guess.startsWith("SHIFT")
        || guess.startsWith("EUC")
        || guess.startsWith("ISO-2022")
        || guess.startsWith("BIG5")
        || guess.startsWith("GB")
        || guess.startsWith("HZ");
  }

  /** True when nearly all non-ASCII characters of the decoded bytes are CJK, kana or Hangul. */
  private static boolean mostlyCjk(byte[] bytes, Charset cs) {
    String s = new String(bytes, 0, Math.min(bytes.length, MAX_SAMPLE_BYTES), cs);
    int cjk = 0;
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      if (script == Character.UnicodeScript.HAN
          || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA
          || script == Character.UnicodeScript.HANGUL
          || c >= 0x3000 && c <= 0x303F
          || c >= 0xFF00 && c <= 0xFFEF
          || c == '\u30FC') {
        cjk++;
      } else if (c != '\uFFFD' || i < s.length() - 1) {
        other++;
      }
    }
    return cjk >= MIN_CJK_CHARS && cjk >= MIN_CJK_SHARE * (cjk + other);
  }

  private static void add(List<Charset> out, String... names) {
    for (String n : names) {
      TextDecoder.charset(n).ifPresent(out::add);
    }
  }
}
