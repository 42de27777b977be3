package org.wiretrace.index;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.CorruptIndexException;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Repair;

/**
 * Everything an article document keeps but its text, in one binary value ({@link
 * IndexFormat#F_META}, binary doc values since format 4): id, origin, title, the optional metadata,
 * the encoding repairs, the content hash, the sequence number and the pipeline's payload. A pass
 * over every article of a large store (the stories and families of each scan) reads these values
 * instead of decompressing stored-field blocks that hold the texts.
 *
 * <p>Layout: a version byte ({@value #LAYOUT}), then id, origin, title, hash as length-prefixed
 * UTF-8; the sequence number as a long; a flag byte saying which of url, site, byline, published
 * (ISO-8601), language follow, each length-prefixed UTF-8; the repairs as a count and per repair
 * kind, start, end, before, after; the payload as a length (-1: none) and its bytes. Lengths and
 * offsets are variable-length ints. Stateless and thread-safe.
 */
final class ArticleMeta {

  /** Version of the layout, its first byte. */
  static final int LAYOUT = 1;

  private static final int URL = 1;
  private static final int SITE = 2;
  private static final int BYLINE = 4;
  private static final int PUBLISHED = 8;
  private static final int LANGUAGE = 16;

  /** An article without its text (empty) and the payload it was put with (null: none). */
  record Decoded(StoredArticle article, byte[] payload) {}

  private ArticleMeta() {}

  /** The value kept for article {@code a} with its content hash, sequence number and payload. */
  static byte[] encode(Article a, String hash, long seq, byte[] payload) {
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(256 + (payload == null ? 0 : payload.length));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(LAYOUT);
      string(out, a.id());
      string(out, a.origin());
      string(out, a.title());
      string(out, hash);
      out.writeLong(seq);
      int flags =
          (a.url().isPresent() ? URL : 0)
              | (a.site().isPresent() ? SITE : 0)
              | (a.byline().isPresent() ? BYLINE : 0)
              | (a.published().isPresent() ? PUBLISHED : 0)
              | (a.language().isPresent() ? LANGUAGE : 0);
      out.writeByte(flags);
      a.url().ifPresent(v -> string(out, v));
      a.site().ifPresent(v -> string(out, v));
      a.byline().ifPresent(v -> string(out, v));
      a.published().ifPresent(v -> string(out, v.toString()));
      a.language().ifPresent(v -> string(out, v));
      vint(out, a.repairs().size());
      for (Repair r : a.repairs()) {
        string(out, r.kind());
        vint(out, r.start());
        vint(out, r.end());
        string(out, r.before());
        string(out, r.after());
      }
      if (payload == null) {
        out.writeInt(-1);
      } else {
        out.writeInt(payload.length);
        out.write(payload);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return bytes.toByteArray();
  }

  /**
   * The article (with an empty text) and payload in {@code b[off..off+len)}.
   *
   * @throws CorruptIndexException when the bytes are not such a value, naming {@code where}
   */
  static Decoded decode(byte[] b, int off, int len, String where) throws CorruptIndexException {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b, off, len))) {
      int layout = in.readUnsignedByte();
      if (layout != LAYOUT) {
        throw new CorruptIndexException("article metadata of unknown layout " + layout, where);
      }
      String id = string(in);
      String origin = string(in);
      String title = string(in);
      String hash = string(in);
      long seq = in.readLong();
      int flags = in.readUnsignedByte();
      Optional<String> url = optional(in, flags, URL);
      Optional<String> site = optional(in, flags, SITE);
      Optional<String> byline = optional(in, flags, BYLINE);
      Optional<Instant> published = optional(in, flags, PUBLISHED).map(Instant::parse);
      Optional<String> language = optional(in, flags, LANGUAGE);
      int n = vint(in);
      Repair[] repairs = new Repair[n];
      for (int i = 0; i < n; i++) {
        repairs[i] = new Repair(string(in), vint(in), vint(in), string(in), string(in));
      }
      int plen = in.readInt();
      byte[] payload = null;
      if (plen >= 0) {
        payload = new byte[plen];
        in.readFully(payload);
      }
      Article a =
          new Article(
              id, origin, title, "", url, site, byline, published, language, List.of(repairs));
      return new Decoded(new StoredArticle(a, hash, seq), payload);
    } catch (IOException | RuntimeException e) {
      if (e instanceof CorruptIndexException c) {
        throw c;
      }
      throw new CorruptIndexException("bad article metadata: " + e, where, e);
    }
  }

  private static Optional<String> optional(DataInputStream in, int flags, int bit)
      throws IOException {
    return (flags & bit) != 0 ? Optional.of(string(in)) : Optional.empty();
  }

  private static void string(DataOutputStream out, String s) {
    try {
      byte[] u = s.getBytes(StandardCharsets.UTF_8);
      vint(out, u.length);
      out.write(u);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String string(DataInputStream in) throws IOException {
    byte[] u = new byte[vint(in)];
    in.readFully(u);
    return new String(u, StandardCharsets.UTF_8);
  }

  private static void vint(DataOutputStream out, int v) throws IOException {
    if (v < 0) {
      throw new IllegalArgumentException("negative length or offset: " + v);
    }
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int vint(DataInputStream in) throws IOException {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (v < 0) {
          throw new IOException("length out of range");
        }
        return v;
      }
    }
    throw new IOException("variable-length int too long");
  }
}
