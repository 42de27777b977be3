package org.wiretrace.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * HTML pages from a WARC file ({@code .warc} or {@code .warc.gz}, read with jwarc), lazily: each
 * HTTP response record whose payload is HTML becomes an article with the record's target URI, its
 * date (when the page gives no publication date) and the HTTP charset. Every other record is
 * reported as skipped with its byte offset: request, metadata and warcinfo records, non-HTML
 * payloads (PDF, images), error statuses, oversized pages.
 *
 * <p>A malformed record (wrong {@code Content-Length}, corrupt gzip member) is reported once with
 * its offset; reading resumes at the next record header (the next gzip member in a compressed file,
 * the next {@code WARC/1.} line in a plain one). Not thread-safe while iterating; each {@link
 * #iterator()} opens the file anew.
 */
public final class WarcReader implements ArticleSource {

  /** Payloads larger than this are skipped without being read into memory. */
  public static final long MAX_PAYLOAD_BYTES = HtmlReader.MAX_PAGE_BYTES;

  private final Path file;
  private final IngestListener listener;

  public WarcReader(Path file, IngestListener listener) {
    this.file = java.util.Objects.requireNonNull(file, "file");
    this.listener = java.util.Objects.requireNonNull(listener, "listener");
  }

  @Override
  public Iterator<Article> iterator() {
    FileChannel channel;
    org.netpreserve.jwarc.WarcReader reader;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      if (channel.size() == 0) {
        channel.close();
        listener.skipped(new Skipped(file.toString(), "", "empty file"));
        return Collections.emptyIterator();
      }
      reader = new org.netpreserve.jwarc.WarcReader(channel);
    } catch (IOException | RuntimeException e) {
      listener.skipped(new Skipped(file.toString(), "offset 0", "not a WARC file: " + describe(e)));
      return Collections.emptyIterator();
    }
    return new Records(channel, reader);
  }

  private final class Records implements Iterator<Article> {
    private final FileChannel channel;
    private final org.netpreserve.jwarc.WarcReader reader;
    private final boolean gzip;
    private final Deque<Article> ready = new ArrayDeque<>(1);
    private boolean done;
    private long lastGood = -1;
    private long lastResume = -1;
    private long lastReported = -2;

    Records(FileChannel channel, org.netpreserve.jwarc.WarcReader reader) {
      this.channel = channel;
      this.reader = reader;
      this.gzip = reader.compression() == WarcCompression.GZIP;
      reader.setLenient(true);
      reader.onWarning(w -> listener.warning(file + "#offset " + reader.position(), w));
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && !done) {
        step();
      }
      return !ready.isEmpty();
    }

    @Override
    public Article next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void step() {
      Optional<WarcRecord> rec;
      try {
        rec = reader.next();
      } catch (IOException | RuntimeException e) {
        long resume = resync(Math.max(lastGood, lastResume) + 1);
        lastResume = resume;
        if (lastGood != lastReported) {
          // one report per broken stretch, however many resynchronisation attempts it takes
          lastReported = lastGood;
          listener.skipped(
              new Skipped(
                  file.toString(),
                  "offset " + Math.max(0, lastGood),
                  "malformed WARC record after this offset: "
                      + describe(e)
                      + (resume < 0
                          ? "; rest of file unreadable"
                          : "; resumed at offset " + resume)));
        }
        if (resume < 0) {
          finish();
        }
        return;
      }
      if (rec.isEmpty()) {
        finish();
        return;
      }
      long offset = reader.position();
      lastGood = offset;
      try {
        read(rec.get(), offset).ifPresent(ready::add);
      } catch (IOException | RuntimeException e) {
        listener.skipped(
            new Skipped(file.toString(), "offset " + offset, "unreadable record: " + describe(e)));
      }
    }

    private Optional<Article> read(WarcRecord record, long offset) throws IOException {
      String locator = "offset " + offset;
      if (!(record instanceof WarcResponse response)) {
        listener.skipped(
            new Skipped(file.toString(), locator, "not a response: " + record.type() + " record"));
        return Optional.empty();
      }
      String uri = response.target();
      MediaType warcType = response.contentType();
      if (!warcType.base().toString().startsWith("application/http")) {
        listener.skipped(
            new Skipped(file.toString(), locator, "not an HTTP response: " + warcType.base()));
        return Optional.empty();
      }
      HttpResponse http = response.http();
      if (http.status() >= 300) {
        listener.skipped(
            new Skipped(file.toString(), locator, "HTTP status " + http.status() + ": " + uri));
        return Optional.empty();
      }
      MediaType type = http.contentType();
      String base = type.base().toString().toLowerCase(Locale.ROOT);
      boolean html =
          base.equals("text/html")
              || base.equals("application/xhtml+xml")
              || base.equals("application/octet-stream") && uri.matches("(?i).*\\.html?(\\?.*)?$");
      if (!html) {
        listener.skipped(
            new Skipped(file.toString(), locator, "not HTML: " + base + " payload for " + uri));
        return Optional.empty();
      }
      byte[] bytes;
      try (InputStream in = http.bodyDecoded().stream()) {
        bytes = in.readNBytes((int) MAX_PAYLOAD_BYTES + 1);
      }
      Optional<String> charset = Optional.ofNullable(type.parameters().get("charset"));
      Optional<Article> a =
          HtmlReader.parse(file.toString(), locator, bytes, charset, Optional.of(uri), listener);
      Instant date = record.date();
      return a.map(
          x ->
              x.published().isPresent() || date == null
                  ? x
                  : new Article(
                      x.id(),
                      x.origin(),
                      x.title(),
                      x.text(),
                      x.url(),
                      x.site(),
                      x.byline(),
                      Optional.of(date),
                      x.language(),
                      x.repairs()));
    }

    /** The offset of the next plausible record start at or after {@code from}, or -1. */
    private long resync(long from) {
      try {
        long pos = findRecordStart(from);
        while (pos >= 0) {
          try {
            reader.position(pos);
            return pos;
          } catch (IOException | RuntimeException e) {
            pos = findRecordStart(pos + 1);
          }
        }
      } catch (IOException e) {
        listener.warning(file.toString(), "cannot resynchronise: " + describe(e));
      }
      return -1;
    }

    private long findRecordStart(long from) throws IOException {
      byte[] magic =
          gzip
              ? new byte[] {0x1f, (byte) 0x8b, 0x08}
              : "WARC/1.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      long base = from;
      long size = channel.size();
      while (base < size) {
        buf.clear();
        int n = channel.read(buf, base);
        if (n <= 0) {
          return -1;
        }
        byte[] a = buf.array();
        for (int i = 0; i + magic.length <= n; i++) {
          boolean match = true;
          for (int k = 0; k < magic.length; k++) {
            if (a[i + k] != magic[k]) {
              match = false;
              break;
            }
          }
          if (match && (gzip || base + i == 0 || i > 0 && a[i - 1] == '\n')) {
            return base + i;
          }
        }
        if (n < magic.length) {
          return -1;
        }
        base += n - magic.length + 1;
      }
      return -1;
    }

    private void finish() {
      done = true;
      try {
        reader.close();
        channel.close();
      } catch (IOException e) {
        listener.warning(file.toString(), "close failed: " + describe(e));
      }
    }
  }

  static String describe(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName()
        + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
  }
}
