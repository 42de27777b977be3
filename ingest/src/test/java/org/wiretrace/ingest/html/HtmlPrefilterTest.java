package org.wiretrace.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlPrefilterTest {

  private static String strip(String html) {
    return new String(
        HtmlPrefilter.strip(html.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  @Test
  void dropsBodiesButKeepsTheElements() {
    String html =
        "<head><script src=\"a.js\">var x = '<p>not text</p>';</script>"
            + "<STYLE>p > a { color: red }</STYLE></head><body><!-- a <p>comment</p> -->"
            + "<svg viewBox=\"0 0 1 1\"><svg><path d=\"M0\"/></svg><text>icon</text></svg>"
            + "<noscript><img src=\"pixel.gif\"></noscript><p>Prose stays.</p></body>";
    assertThat(strip(html))
        .isEqualTo(
            "<head><script src=\"a.js\"></script><STYLE></STYLE></head><body>"
                + "<svg viewBox=\"0 0 1 1\"></svg><noscript></noscript><p>Prose stays.</p></body>");
  }

  @Test
  void keepsJsonLdAndFurnitureThatHoldsMetadata() {
    String ld = "<script type=\"application/ld+json\">{\"headline\":\"<b>H</b>\"}</script>";
    assertThat(strip(ld)).isEqualTo(ld);
    String header = "<header><h1>Headline</h1><time datetime=\"2024-01-02\">2 Jan</time></header>";
    assertThat(strip(header)).isEqualTo(header);
    assertThat(strip("<nav class=\"menu\"><a href=\"/\">Home</a><nav>x</nav></nav><p>P</p>"))
        .isEqualTo("<nav class=\"menu\"></nav><p>P</p>");
  }

  @Test
  void quotedAngleBracketsSelfClosingSvgAndMissingEndTags() {
    assertThat(strip("<script data-x=\"a>b\">code</script><p>P</p>"))
        .isEqualTo("<script data-x=\"a>b\"></script><p>P</p>");
    assertThat(strip("<svg/><p>P</p><svg><g></g></svg>")).isEqualTo("<svg/><p>P</p><svg></svg>");
    String unclosed = "<p>P</p><footer><p>Contact us";
    assertThat(strip(unclosed)).isEqualTo(unclosed);
    assertThat(strip("<p>a <scripts> b</p><stylesheet>"))
        .isEqualTo("<p>a <scripts> b</p><stylesheet>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "ISO-2022-JP"})
  void leavesCharsetsThatAreNotAsciiCompatibleAlone(String charset) {
    byte[] bytes = "<script>x</script><p>東京都は火曜日</p>".getBytes(Charset.forName(charset));
    assertThat(HtmlPrefilter.strip(bytes)).isSameAs(bytes);
  }

  @Test
  void theParsedTextIsTheSame() {
    String html =
        "<html><head><title>T</title><script>if (a < b) { document.write('<div>'); }</script>"
            + "</head><body><div class=\"story\"><p>One, two.</p><!-- <div> --><svg><title>i"
            + "</title></svg><p>Three.</p></div><footer><p>Contact</p></footer></body></html>";
    Document before = Jsoup.parse(html);
    Document after = Jsoup.parse(strip(html));
    assertThat(after.select("div.story p").eachText())
        .isEqualTo(before.select("div.story p").eachText());
    assertThat(after.body().children().size()).isEqualTo(before.body().children().size());
  }
}
