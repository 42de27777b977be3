package org.wiretrace.ingest.html;

/**
 * Drops the parts of raw HTML bytes that are never article text before they are decoded and parsed:
 * the bodies of {@code <script>} (JSON-LD scripts, {@code application/ld+json}, are kept whole),
 * {@code <style>}, {@code <svg>}, {@code <noscript>} and {@code <template>} elements, the bodies of
 * the page furniture elements {@code <nav>}, {@code <aside>}, {@code <footer>} and {@code <header>}
 * (which {@link TextBlocks} never enters) unless they hold metadata that {@link PageMetadata} reads
 * (JSON-LD, {@code <meta>}, {@code <h1>}, {@code <time>}), and comments. These are about three
 * quarters of a news page's bytes; skipping them with a byte scan is several times cheaper than
 * decoding, tokenising and building a tree of them. The start and end tags of dropped elements
 * stay, so the parsed document has the same elements (now empty) and the same structure.
 *
 * <p>Works on the bytes of any ASCII-compatible charset (UTF-8, the ISO-8859 and windows code
 * pages, GBK/GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR, KOI8-R): in all of them {@code <} and {@code
 * >} are never part of a multi-byte character. Input with NUL or ESC bytes (UTF-16/32, ISO-2022-*)
 * is returned unchanged.
 *
 * <p>The scan follows the HTML tokenizer's rules closely enough for real pages (WHATWG HTML,
 * "13.2.5 Tokenization"): tag names are case-insensitive, quoted attribute values may hold {@code
 * >}, script and style bodies end at the first matching end tag, the other bodies may nest, and a
 * self-closing {@code <svg/>} has no body. An element whose end tag is missing is kept whole.
 * Stateless and thread-safe.
 */
public final class HtmlPrefilter {

  private static final byte[][] RAW = {bytes("script"), bytes("style")};
  private static final byte[][] NESTED = {
    bytes("svg"),
    bytes("noscript"),
    bytes("template"),
    bytes("nav"),
    bytes("aside"),
    bytes("footer"),
    bytes("header")
  };

  /** Index in NESTED of the first furniture element (nav, aside, footer, header). */
  private static final int FIRST_FURNITURE = 3;

  /**
   * Markup that {@link PageMetadata} reads from the body: a furniture element holding any of these
   * is kept whole.
   */
  private static final byte[][] METADATA = {
    bytes("ld+json"), bytes("<meta"), bytes("<h1"), bytes("<time")
  };

  private static final byte[] LD_JSON = bytes("ld+json");

  private HtmlPrefilter() {}

  /** {@code html} without script, style, svg, noscript and template bodies and comments. */
  public static byte[] strip(byte[] html) {
    int n = html.length;
    byte[] out = null;
    int w = 0;
    int copied = 0;
    int i = 0;
    while (i < n) {
      byte b = html[i];
      if (b == 0 || b == 0x1B) {
        return html; // UTF-16/32 or ISO-2022: not ASCII-compatible
      }
      if (b != '<' || i + 1 >= n) {
        i++;
        continue;
      }
      int dropFrom;
      int resume;
      if (html[i + 1] == '!' && startsWith(html, i + 2, '-', '-')) {
        int end = indexOf(html, i + 2, '-', '-', '>');
        if (end < 0) {
          break;
        }
        dropFrom = i;
        resume = end + 3;
      } else {
        int kind = elementKind(html, i + 1);
        if (kind < 0) {
          i++;
          continue;
        }
        int tagEnd = tagEnd(html, i + 1);
        if (tagEnd < 0) {
          break;
        }
        boolean raw = kind < RAW.length;
        byte[] name = raw ? RAW[kind] : NESTED[kind - RAW.length];
        if (!raw && html[tagEnd - 1] == '/') {
          i = tagEnd + 1; // <svg .../> has no body
          continue;
        }
        if (kind == 0 && indexOf(html, i, tagEnd, LD_JSON) >= 0) {
          int close = closeTag(html, tagEnd + 1, name, false);
          i = close < 0 ? n : close;
          continue;
        }
        int close = closeTag(html, tagEnd + 1, name, !raw);
        if (close < 0) {
          break;
        }
        if (kind >= RAW.length + FIRST_FURNITURE && holdsMetadata(html, tagEnd, close)) {
          i = tagEnd + 1; // furniture that carries the page's metadata stays
          continue;
        }
        dropFrom = tagEnd + 1;
        resume = close;
      }
      if (out == null) {
        out = new byte[n];
      }
      System.arraycopy(html, copied, out, w, dropFrom - copied);
      w += dropFrom - copied;
      copied = resume;
      i = resume;
    }
    if (out == null) {
      return html;
    }
    System.arraycopy(html, copied, out, w, n - copied);
    w += n - copied;
    return java.util.Arrays.copyOf(out, w);
  }

  /** Index into RAW then NESTED of the element whose start tag name begins at {@code at}, or -1. */
  private static int elementKind(byte[] h, int at) {
    byte c = lower(h[at]);
    if (c != 's' && c != 'n' && c != 't' && c != 'a' && c != 'f' && c != 'h'
        || at + 1 >= h.length) {
      return -1;
    }
    byte c1 = lower(h[at + 1]);
    for (int k = 0; k < RAW.length + NESTED.length; k++) {
      byte[] name = k < RAW.length ? RAW[k] : NESTED[k - RAW.length];
      if (name[0] == c && name[1] == c1 && nameAt(h, at, name)) {
        return k;
      }
    }
    return -1;
  }

  /** True when {@code name} (lower case) starts at {@code at} and is followed by a delimiter. */
  private static boolean nameAt(byte[] h, int at, byte[] name) {
    int end = at + name.length;
    if (end >= h.length) {
      return false;
    }
    for (int j = 0; j < name.length; j++) {
      if (lower(h[at + j]) != name[j]) {
        return false;
      }
    }
    byte d = h[end];
    return d == '>' || d == '/' || d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == '\f';
  }

  /** Index of the {@code >} that ends the tag whose name starts at {@code from}, or -1. */
  private static int tagEnd(byte[] h, int from) {
    byte quote = 0;
    for (int j = from; j < h.length; j++) {
      byte c = h[j];
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '>') {
        return j;
      } else if ((c == '"' || c == '\'') && h[j - 1] == '=') {
        quote = c;
      }
    }
    return -1;
  }

  /**
   * Index of the {@code <} of the end tag that closes an element {@code name} whose body starts at
   * {@code from}, counting nested start tags when {@code nests}; -1 when there is none.
   */
  private static int closeTag(byte[] h, int from, byte[] name, boolean nests) {
    int depth = 1;
    byte first = name[0];
    for (int j = from; j + 2 < h.length; j++) {
      if (h[j] != '<') {
        continue;
      }
      byte next = h[j + 1];
      if (next == '/') {
        if (lower(h[j + 2]) == first && nameAt(h, j + 2, name) && --depth == 0) {
          return j;
        }
      } else if (nests && lower(next) == first && nameAt(h, j + 1, name)) {
        int end = tagEnd(h, j + 1);
        if (end < 0) {
          return -1;
        }
        if (h[end - 1] != '/') {
          depth++;
        }
        j = end;
      }
    }
    return -1;
  }

  /** True when {@code h[from, to)} holds markup of {@link #METADATA}, in one scan. */
  private static boolean holdsMetadata(byte[] h, int from, int to) {
    for (int j = from; j < to; j++) {
      byte c = h[j];
      if (c != '<' && c != 'l' && c != 'L') {
        continue;
      }
      for (byte[] m : METADATA) {
        if (lower(c) == m[0] && regionMatches(h, j, to, m)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean regionMatches(byte[] h, int at, int to, byte[] lowerNeedle) {
    if (at + lowerNeedle.length > to) {
      return false;
    }
    for (int k = 0; k < lowerNeedle.length; k++) {
      if (lower(h[at + k]) != lowerNeedle[k]) {
        return false;
      }
    }
    return true;
  }

  private static byte lower(byte c) {
    return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
  }

  private static boolean startsWith(byte[] h, int at, char a, char b) {
    return at + 1 < h.length && h[at] == a && h[at + 1] == b;
  }

  private static int indexOf(byte[] h, int from, char a, char b, char c) {
    for (int j = from; j + 2 < h.length; j++) {
      if (h[j] == a && h[j + 1] == b && h[j + 2] == c) {
        return j;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] h, int from, int to, byte[] needle) {
    outer:
    for (int j = from; j + needle.length <= to; j++) {
      for (int k = 0; k < needle.length; k++) {
        if (lower(h[j + k]) != needle[k]) {
          continue outer;
        }
      }
      return j;
    }
    return -1;
  }

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
