package org.wiretrace.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Test pages written for these tests, and a WARC writer for them. */
final class Pages {

  private Pages() {}

  static final String[] PARAGRAPHS = {
    "The harbour authority of Lindenport said on Tuesday that the northern breakwater, damaged in"
        + " last winter's storms, will be rebuilt with larger granite blocks by the end of next year.",
    "Engineers told the council that the old concrete units had shifted by almost two metres, and"
        + " that waves now overtop the wall during every spring tide, flooding the fish market.",
    "The work is expected to cost 41 million euros, of which the regional government will pay two"
        + " thirds; fishermen, who lost three boats in January, welcomed the decision.",
    "Construction will begin in March, when the quarry at Stenby reopens after the winter pause,"
        + " and the harbour will stay open to traffic throughout, the authority said."
  };

  /** A news page with page furniture around {@link #PARAGRAPHS}. */
  static String article(String title, String url, String extraParagraph) {
    StringBuilder body = new StringBuilder();
    for (String p : PARAGRAPHS) {
      body.append("<p>").append(p).append("</p>\n");
    }
    if (!extraParagraph.isEmpty()) {
      body.append("<p>").append(extraParagraph).append("</p>\n");
    }
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>"
        + title
        + " | Lindenport Gazette</title>"
        + "<meta property=\"og:title\" content=\""
        + title
        + "\">"
        + "<meta property=\"og:site_name\" content=\"Lindenport Gazette\">"
        + "<link rel=\"canonical\" href=\""
        + url
        + "\">"
        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        + "\"@type\":\"NewsArticle\",\"headline\":\""
        + title
        + "\",\"datePublished\":\"2024-03-05T08:30:00+01:00\","
        + "\"author\":[{\"@type\":\"Person\",\"name\":\"Mira Holt\"}]}</script>"
        + "<script>var tracking = {page: 'article'};</script><style>p{margin:0}</style>"
        + "</head><body>"
        + "<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a>"
        + " <a href=\"/sport\">Sport</a></nav></header>"
        + "<div class=\"cookie-banner\">We use cookies to improve your experience. Accept all"
        + " cookies or manage your settings.</div>"
        + "<main><article><h1>"
        + title
        + "</h1><div class=\"share-bar\"><a href=\"#\">Share on Facebook</a>"
        + " <a href=\"#\">Share on Twitter</a></div>"
        + "<figure><img src=\"a.jpg\"><figcaption>The northern breakwater at dawn. Photo: Port"
        + " archive</figcaption></figure>"
        + "<div class=\"article-body\">"
        + body
        + "</div></article>"
        + "<section class=\"related-articles\"><h2>Related</h2><ul>"
        + "<li><a href=\"/a\">Storm damage in the old town estimated at 3 million</a></li>"
        + "<li><a href=\"/b\">Quarry workers strike for better pay and safer roads</a></li>"
        + "<li><a href=\"/c\">Fish market to move to a new hall next spring</a></li></ul></section>"
        + "<div id=\"comments\"><h3>Leave a Comment</h3><p>Your email address will not be"
        + " published. Required fields are marked with an asterisk.</p></div>"
        + "</main><footer><p>Copyright 2024 Lindenport Gazette. All rights reserved.</p>"
        + "</footer></body></html>";
  }

  /** One HTTP response for a WARC. */
  record Capture(String url, Instant date, String contentType, byte[] body) {
    static Capture html(String url, String html) {
      return new Capture(
          url,
          Instant.parse("2024-03-06T10:00:00Z"),
          "text/html; charset=utf-8",
          html.getBytes(StandardCharsets.UTF_8));
    }

    static Capture html(String url, String html, Charset cs) {
      return new Capture(
          url,
          Instant.parse("2024-03-06T10:00:00Z"),
          "text/html; charset=" + cs.name(),
          html.getBytes(cs));
    }
  }

  /** Writes {@code captures} as WARC response records with jwarc. */
  static void writeWarc(Path file, boolean gzip, List<Capture> captures) throws IOException {
    try (FileChannel ch =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        WarcWriter writer =
            new WarcWriter(ch, gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
      for (Capture c : captures) {
        HttpResponse http =
            new HttpResponse.Builder(200, "OK")
                .body(MediaType.parse(c.contentType()), c.body())
                .build();
        writer.write(
            new WarcResponse.Builder(URI.create(c.url())).date(c.date()).body(http).build());
      }
    }
  }
}
