package org.wiretrace.ingest.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns bytes into text, choosing the charset as browsers do (WHATWG Encoding, "decode"; HTML,
 * "determining the character encoding"): a byte-order mark wins, and so does the unmistakable shape
 * of UTF-16 without one (ASCII markup with every other byte zero); then the declared charset (HTTP
 * header, else HTML meta) when the bytes are valid in it; then sniffing. Sniffing takes strict
 * UTF-8 first, then the statistical detector of Mozilla ({@link CharsetSniffer}: Shift_JIS, EUC-JP,
 * ISO-2022-JP, EUC-KR, Big5, GB18030/GBK, KOI8-R, windows-1251, ISO-8859-5/7, windows-1253,
 * windows-1255...) when its guess decodes the bytes strictly, and windows-1252 last.
 *
 * <p>A declaration is never second-guessed when the bytes are valid in it, with one exception: a
 * page that declares a single-byte charset but is valid UTF-8 with non-ASCII bytes is read as UTF-8
 * (the usual CMS mistake). A declaration the bytes are invalid in (say {@code utf-8} on
 * windows-1251 bytes) is overruled by sniffing. Every disagreement with the declaration is reported
 * in {@link Decoded#problem()}. Stateless and thread-safe.
 */
public final class TextDecoder {

  private static final Charset CP1252 = Charset.forName("windows-1252");

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
    Optional<Charset> utf16 = CharsetSniffer.utf16WithoutBom(bytes);
    if (utf16.isPresent()) {
      String s = strict(bytes, utf16.get());
      if (s != null) {
        return new Decoded(
            s,
            utf16.get(),
            cs.filter(c -> !c.name().startsWith("UTF-16"))
                .map(c -> "declared " + c.name() + " but the bytes are " + utf16.get().name()));
      }
    }
    Optional<String> unknown =
        declared.isPresent() && cs.isEmpty()
            ? Optional.of("unknown declared charset '" + declared.get().strip() + "'")
            : Optional.empty();
    boolean iso2022 = CharsetSniffer.hasIso2022Escapes(bytes);
    String utf8 = iso2022 ? null : strict(bytes, StandardCharsets.UTF_8);
    if (cs.isPresent()) {
      Charset c = cs.get();
      if (utf8 != null
          && (c.equals(StandardCharsets.UTF_8)
              || c.equals(StandardCharsets.US_ASCII)
              || hasNonAscii(bytes) && isSingleByte(c))) {
        Optional<String> problem =
            c.equals(StandardCharsets.UTF_8) || c.equals(StandardCharsets.US_ASCII)
                ? Optional.empty()
                : Optional.of("declared " + c.name() + " but the bytes are UTF-8; read as UTF-8");
        return new Decoded(utf8, StandardCharsets.UTF_8, problem);
      }
      String s = c.equals(StandardCharsets.UTF_8) ? null : strict(bytes, c);
      if (s != null) {
        return new Decoded(s, c);
      }
      if (utf8 != null) {
        return new Decoded(
            utf8,
            StandardCharsets.UTF_8,
            Optional.of("declared " + c.name() + " but the bytes are UTF-8; read as UTF-8"));
      }
      Decoded sniffed = sniff(bytes);
      return new Decoded(
          sniffed.text(),
          sniffed.charset(),
          Optional.of(
              "declared "
                  + c.name()
                  + " but the bytes are not; read as "
                  + sniffed.charset().name()));
    }
    if (utf8 != null) {
      return new Decoded(utf8, StandardCharsets.UTF_8, unknown);
    }
    Decoded sniffed = sniff(bytes);
    return new Decoded(sniffed.text(), sniffed.charset(), unknown);
  }

  /** Bytes that are not UTF-8: the detector's charset when it decodes them, else windows-1252. */
  private static Decoded sniff(byte[] bytes) {
    for (Charset c : CharsetSniffer.candidates(bytes)) {
      String s = strict(bytes, c);
      if (s != null) {
        return new Decoded(s, c);
      }
    }
    return new Decoded(new String(bytes, CP1252), CP1252);
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

  /**
   * True when the bytes look like a binary file rather than text (NUL bytes, many controls); text
   * in UTF-16 (with a byte-order mark or the shape of one) is not binary.
   */
  public static boolean looksBinary(byte[] bytes) {
    if (byBom(bytes).isPresent() || CharsetSniffer.utf16WithoutBom(bytes).isPresent()) {
      return false;
    }
    int n = Math.min(bytes.length, 8192);
    int controls = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x09 || b > 0x0D && b < 0x20 && b != 0x1B) { // ESC starts ISO-2022 shifts
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
