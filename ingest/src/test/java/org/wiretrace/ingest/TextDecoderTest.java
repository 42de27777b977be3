package org.wiretrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wiretrace.ingest.encoding.TextDecoder;

class TextDecoderTest {

  private static final String FRENCH = "L'été dernier, la municipalité a décidé de fermer le café.";
  private static final String GERMAN = "Die Bürgermeisterin äußerte sich über die Straßenbahn.";
  private static final String CHINESE = "北京时间周二晚，北约秘书长在首尔发表讲话，呼吁加强援助。";

  @Test
  void byteOrderMarkWinsOverADeclaration() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = GERMAN.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(text, 0, all, 3, text.length);
    TextDecoder.Decoded d = TextDecoder.decode(all, Optional.of("iso-8859-1"));
    assertThat(d.text()).isEqualTo(GERMAN);
    assertThat(d.problem()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"windows-1252, 0", "ISO-8859-1, 0", "GBK, 2", "UTF-8, 1", "UTF-8, 2"})
  void aDeclarationThatFitsIsUsed(String charset, int sample) {
    String text = new String[] {FRENCH, GERMAN, CHINESE}[sample];
    TextDecoder.Decoded d =
        TextDecoder.decode(text.getBytes(Charset.forName(charset)), Optional.of(charset));
    assertThat(d.text()).isEqualTo(text);
    assertThat(d.problem()).isEmpty();
  }

  @Test
  void undeclaredBytesAreSniffed() {
    assertThat(TextDecoder.decode(FRENCH.getBytes(StandardCharsets.UTF_8), Optional.empty()).text())
        .isEqualTo(FRENCH);
    assertThat(
            TextDecoder.decode(FRENCH.getBytes(Charset.forName("windows-1252")), Optional.empty())
                .text())
        .isEqualTo(FRENCH);
    assertThat(
            TextDecoder.decode(GERMAN.getBytes(Charset.forName("windows-1252")), Optional.empty())
                .text())
        .isEqualTo(GERMAN);
    TextDecoder.Decoded zh =
        TextDecoder.decode(CHINESE.getBytes(Charset.forName("GBK")), Optional.empty());
    assertThat(zh.text()).isEqualTo(CHINESE);
    assertThat(zh.charset().name()).isEqualTo("GBK");
  }

  @Test
  void aWrongDeclarationIsOverruledAndReported() {
    TextDecoder.Decoded d =
        TextDecoder.decode(GERMAN.getBytes(StandardCharsets.UTF_8), Optional.of("iso-8859-1"));
    assertThat(d.text()).isEqualTo(GERMAN);
    assertThat(d.problem()).hasValueSatisfying(p -> assertThat(p).contains("UTF-8"));
    TextDecoder.Decoded u =
        TextDecoder.decode(FRENCH.getBytes(Charset.forName("windows-1252")), Optional.of("utf-8"));
    assertThat(u.text()).isEqualTo(FRENCH);
    assertThat(u.problem()).isPresent();
    TextDecoder.Decoded unknown =
        TextDecoder.decode(FRENCH.getBytes(StandardCharsets.UTF_8), Optional.of("x-no-such"));
    assertThat(unknown.text()).isEqualTo(FRENCH);
    assertThat(unknown.problem())
        .hasValueSatisfying(p -> assertThat(p).contains("unknown declared charset"));
  }

  @Test
  void recognisesBinaryFormats() {
    assertThat(TextDecoder.binaryKind("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
        .contains("PDF document");
    assertThat(TextDecoder.binaryKind(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
        .contains("JPEG image");
    assertThat(TextDecoder.binaryKind("<html>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }
}
