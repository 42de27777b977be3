package org.wiretrace.ingest.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns bytes into text: a byte-order mark wins, then a declared charset (HTTP header or HTML meta)
 * when the bytes agree with it, then strict UTF-8, then windows-1252. Stateless and thread-safe.
 */
public final class TextDecoder {

  private TextDecoder() {}

  /** The decoded text and the charset that was used. */
  public record Decoded(String text, Charset charset) {}

  /** Decodes {@code bytes}, preferring {@code declared} when it is a known charset. */
  public static Decoded decode(byte[] bytes, Optional<String> declared) {
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return new Decoded(
          new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE),
          StandardCharsets.UTF_16BE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
          StandardCharsets.UTF_16LE);
    }
    String utf8 = strictUtf8(bytes);
    Optional<Charset> cs = declared.flatMap(TextDecoder::charset);
    if (cs.isPresent() && !cs.get().equals(StandardCharsets.UTF_8)) {
      // a page that declares latin-1 but is valid UTF-8 with non-ASCII bytes is really UTF-8
      if (utf8 != null && hasNonAscii(bytes)) {
        return new Decoded(utf8, StandardCharsets.UTF_8);
      }
      return new Decoded(new String(bytes, cs.get()), cs.get());
    }
    if (utf8 != null) {
      return new Decoded(utf8, StandardCharsets.UTF_8);
    }
    Charset cp1252 = Charset.forName("windows-1252");
    return new Decoded(new String(bytes, cp1252), cp1252);
  }

  /** The charset named {@code name}, if the JVM knows it. */
  public static Optional<Charset> charset(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().replace("\"", "").replace("'", "");
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

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
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
}
