package org.wiretrace.ingest.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns bytes into text, choosing the charset as browsers do (WHATWG Encoding, "decode"): a
 * byte-order mark wins; then the declared charset (HTTP header, else HTML meta) when the bytes are
 * valid in it; then sniffing: strict UTF-8, else GBK when the bytes are valid GBK and read as
 * Chinese, else windows-1252. A page that declares a single-byte charset but is valid UTF-8 with
 * non-ASCII bytes is read as UTF-8 (the declaration is the usual CMS mistake). Every disagreement
 * with the declaration is reported in {@link Decoded#problem()}. Stateless and thread-safe.
 */
public final class TextDecoder {

  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final Charset GBK = Charset.forName("GBK");

  private TextDecoder() {}

  /**
   * The decoded text, the charset that was used and, when the declared charset did not fit the
   * bytes, what happened.
   */
  public record Decoded(String text, Charset charset, Optional<String> problem) {
    public Decoded(String text, Charset charset) {
      this(text, charset, Optional.empty());
    }
  }

  /** Decodes {@code bytes}, preferring {@code declared} when it is a known charset that fits. */
  public static Decoded decode(byte[] bytes, Optional<String> declared) {
    Optional<Decoded> bom = byBom(bytes);
    if (bom.isPresent()) {
      return bom.get();
    }
    Optional<Charset> cs = declared.flatMap(TextDecoder::charset);
    Optional<String> unknown =
        declared.isPresent() && cs.isEmpty()
            ? Optional.of("unknown declared charset '" + declared.get().strip() + "'")
            : Optional.empty();
    String utf8 = strict(bytes, StandardCharsets.UTF_8);
    if (cs.isPresent()) {
      Charset c = cs.get();
      if (c.equals(StandardCharsets.UTF_8) || c.equals(StandardCharsets.US_ASCII)) {
        if (utf8 != null) {
          return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        return new Decoded(
            new String(bytes, CP1252),
            CP1252,
            Optional.of("declared " + c.name() + " but the bytes are not; read as windows-1252"));
      }
      if (utf8 != null && hasNonAscii(bytes) && isSingleByte(c)) {
        return new Decoded(
            utf8,
            StandardCharsets.UTF_8,
            Optional.of("declared " + c.name() + " but the bytes are UTF-8; read as UTF-8"));
      }
      String s = strict(bytes, c);
      if (s != null) {
        return new Decoded(s, c);
      }
      if (utf8 != null) {
        return new Decoded(
            utf8,
            StandardCharsets.UTF_8,
            Optional.of("declared " + c.name() + " but the bytes are UTF-8; read as UTF-8"));
      }
      return new Decoded(
          new String(bytes, c),
          c,
          Optional.of("bytes invalid in declared " + c.name() + "; replaced"));
    }
    if (utf8 != null) {
      return new Decoded(utf8, StandardCharsets.UTF_8, unknown);
    }
    String gbk = strict(bytes, GBK);
    if (gbk != null && mostlyHan(gbk)) {
      return new Decoded(gbk, GBK, unknown);
    }
    return new Decoded(new String(bytes, CP1252), CP1252, unknown);
  }

  /** Least number of Han characters for undeclared bytes to be sniffed as GBK. */
  public static final int MIN_SNIFFED_HAN = 8;

  /**
   * True when at least 90% of the non-ASCII characters are Han ideographs or CJK punctuation, and
   * there are at least {@link #MIN_SNIFFED_HAN} of them: Latin text in a single-byte charset almost
   * never decodes strictly as GBK, and when it does it gives scattered, not dominant, Han.
   */
  private static boolean mostlyHan(String s) {
    int han = 0;
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
          || c >= 0x3000 && c <= 0x303F
          || c >= 0xFF00 && c <= 0xFFEF) {
        han++;
      } else {
        other++;
      }
    }
    return han >= MIN_SNIFFED_HAN && han >= 9 * other;
  }

  private static Optional<Decoded> byBom(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return Optional.of(
          new Decoded(
              new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8),
              StandardCharsets.UTF_8));
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return Optional.of(
          new Decoded(
              new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE),
              StandardCharsets.UTF_16BE));
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return Optional.of(
          new Decoded(
              new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
              StandardCharsets.UTF_16LE));
    }
    return Optional.empty();
  }

  private static boolean isSingleByte(Charset c) {
    return c.newEncoder().maxBytesPerChar() <= 1.0f;
  }

  /** The charset named {@code name}, if the JVM knows it. */
  public static Optional<Charset> charset(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().replace("\"", "").replace("'", "");
    if (n.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Charset.isSupported(n) ? Optional.of(Charset.forName(n)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean hasNonAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static String strict(byte[] bytes, Charset cs) {
    if (cs.equals(StandardCharsets.UTF_8)) {
      // the JDK's bulk decoder is much faster; only text with U+FFFD needs the strict check
      String s = new String(bytes, StandardCharsets.UTF_8);
      if (s.indexOf('\uFFFD') < 0) {
        return s;
      }
    }
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** True when the bytes look like a binary file rather than text (NUL bytes, many controls). */
  public static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int controls = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x09 || (b > 0x0D && b < 0x20)) {
        controls++;
      }
    }
    return n > 0 && controls * 20 > n;
  }

  /**
   * The kind of a well-known binary format from its magic bytes ({@code "PDF document"}, {@code
   * "PNG image"}...), or empty.
   */
  public static Optional<String> binaryKind(byte[] bytes) {
    if (startsWith(bytes, "%PDF")) {
      return Optional.of("PDF document");
    }
    if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0x89 && startsWith(bytes, 1, "PNG")) {
      return Optional.of("PNG image");
    }
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
      return Optional.of("JPEG image");
    }
    if (startsWith(bytes, "GIF8")) {
      return Optional.of("GIF image");
    }
    if (startsWith(bytes, "RIFF") && startsWith(bytes, 8, "WEBP")) {
      return Optional.of("WebP image");
    }
    if (startsWith(bytes, "PK\u0003\u0004")) {
      return Optional.of("ZIP archive");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
      return Optional.of("gzip data");
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] b, String magic) {
    return startsWith(b, 0, magic);
  }

  private static boolean startsWith(byte[] b, int at, String magic) {
    if (b.length < at + magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if ((b[at + i] & 0xFF) != magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
