package org.wiretrace.ingest.encoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wiretrace.ingest.Repair;

/**
 * Repairs text that was UTF-8 but got decoded with the wrong charset: as windows-1252 or ISO-8859-1
 * ({@code â€œ} for {@code “}) or as GBK ({@code 鈥檚} for {@code ’s}).
 *
 * <p>A span is only rewritten when re-encoding it with the wrong charset yields bytes that decode
 * as strict UTF-8 to something shorter and different; text that was right ("café", Chinese prose)
 * is left alone. Stateless and thread-safe.
 */
public final class Mojibake {

  /** Repair kind for UTF-8 decoded as windows-1252 or ISO-8859-1. */
  public static final String UTF8_AS_CP1252 = "utf8-as-cp1252";

  /** Repair kind for UTF-8 decoded as GBK. */
  public static final String UTF8_AS_GBK = "utf8-as-gbk";

  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final Charset GBK = Charset.forName("GBK");

  private Mojibake() {}

  /** The repaired text and the repairs made (spans in the repaired text). */
  public record Result(String text, List<Repair> repairs) {
    public boolean changed() {
      return !repairs.isEmpty();
    }
  }

  /** Repairs {@code text}; returns it unchanged (same instance) when nothing looks mis-decoded. */
  public static Result repair(String text) {
    Result r = repairLatin(text);
    if (looksGbkMangled(r.text())) {
      Result g = repairGbk(r.text());
      if (g.changed()) {
        List<Repair> all = new ArrayList<>(r.repairs().size() + g.repairs().size());
        // latin repairs were recorded against the intermediate text; GBK runs never overlap them.
        all.addAll(r.repairs());
        all.addAll(g.repairs());
        return new Result(g.text(), all);
      }
    }
    return r;
  }

  /** Byte value of {@code c} in windows-1252 (falling back to ISO-8859-1), or -1. */
  private static int singleByte(char c) {
    if (c < 0x80) {
      return c;
    }
    if (c >= 0xA0 && c <= 0xFF) {
      return c;
    }
    if (c >= 0x80 && c < 0xA0) {
      return c; // ISO-8859-1 C1 control: a byte cp1252 leaves undefined
    }
    ByteBuffer b;
    try {
      CharsetEncoder enc = CP1252.newEncoder();
      b = enc.encode(CharBuffer.wrap(new char[] {c}));
    } catch (CharacterCodingException e) {
      return -1;
    }
    return b.remaining() == 1 ? b.get(0) & 0xFF : -1;
  }

  private static int utf8Length(int lead) {
    if (lead >= 0xC2 && lead <= 0xDF) {
      return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
      return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
      return 4;
    }
    return 0;
  }

  private static Result repairLatin(String text) {
    StringBuilder out = null;
    List<Repair> repairs = new ArrayList<>();
    int i = 0;
    int n = text.length();
    int copiedUpTo = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < 0xC2 || c > 0xF4) {
        i++;
        continue;
      }
      int seqStart = i;
      StringBuilder decoded = new StringBuilder();
      // a run of consecutive mis-decoded sequences becomes one repair
      while (i < n) {
        int lead = singleByte(text.charAt(i));
        int len = lead < 0 ? 0 : utf8Length(lead);
        if (len == 0 || i + len > n) {
          break;
        }
        byte[] bytes = new byte[len];
        bytes[0] = (byte) lead;
        boolean ok = true;
        for (int k = 1; k < len; k++) {
          char ch = text.charAt(i + k);
          int b = singleByte(ch);
          if (ch == '\uFFFD' && k == 2 && lead == 0xE2 && (bytes[1] & 0xFF) == 0x80) {
            // windows-1252 has no character for byte 0x9D, so "”" (E2 80 9D) read as cp1252
            // shows as "â€" + U+FFFD: the one lossy case common enough to restore
            b = 0x9D;
          }
          if (b < 0x80 || b > 0xBF) {
            ok = false;
            break;
          }
          bytes[k] = (byte) b;
        }
        String s = ok ? decodeStrict(bytes) : null;
        if (s == null) {
          break;
        }
        decoded.append(s);
        i += len;
      }
      if (i == seqStart) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(text, copiedUpTo, seqStart);
      int start = out.length();
      out.append(decoded);
      repairs.add(
          new Repair(
              UTF8_AS_CP1252,
              start,
              out.length(),
              text.substring(seqStart, i),
              decoded.toString()));
      copiedUpTo = i;
    }
    if (out == null) {
      return new Result(text, List.of());
    }
    out.append(text, copiedUpTo, n);
    return new Result(out.toString(), repairs);
  }

  private static boolean isCjk(char c) {
    return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0xF900 && c <= 0xFAFF;
  }

  /** GBK mojibake shows as scattered CJK characters in otherwise Latin-script text. */
  private static boolean looksGbkMangled(String text) {
    int cjk = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isCjk(c)) {
        cjk++;
      } else if (c < 0x250 && Character.isLetter(c)) {
        latin++;
      }
    }
    return cjk > 0 && latin > 20 * cjk;
  }

  private static Result repairGbk(String text) {
    StringBuilder out = new StringBuilder(text.length());
    List<Repair> repairs = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (!isCjk(c)) {
        out.append(c);
        i++;
        continue;
      }
      int j = i;
      while (j < n && (isCjk(text.charAt(j)) || text.charAt(j) >= 0x80 && text.charAt(j) < 0x100)) {
        j++;
      }
      String run = text.substring(i, j);
      String fixed = decodeStrict(run.getBytes(GBK));
      if (fixed != null && !fixed.equals(run) && fixed.chars().noneMatch(ch -> isCjk((char) ch))) {
        int start = out.length();
        out.append(fixed);
        repairs.add(new Repair(UTF8_AS_GBK, start, out.length(), run, fixed));
      } else {
        out.append(run);
      }
      i = j;
    }
    return repairs.isEmpty() ? new Result(text, List.of()) : new Result(out.toString(), repairs);
  }

  private static String decodeStrict(byte[] bytes) {
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return dec.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
