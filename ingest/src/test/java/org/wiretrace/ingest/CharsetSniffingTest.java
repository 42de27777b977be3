package org.wiretrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wiretrace.ingest.encoding.TextDecoder;

/**
 * Charset sniffing for the charsets news pages use, on pages written for this test and encoded
 * here: undeclared pages are read right, a declaration the bytes are invalid in is overruled and
 * reported, and text that was decoded right is never "repaired".
 */
class CharsetSniffingTest {

  private static final String JAPANESE =
      "東京都は火曜日、新しい防災計画を発表した。地震に備えて、住民に三日分の水と食料を備蓄するよう"
          + "呼びかけている。計画では、区役所ごとに避難所の地図を配り、高齢者の名簿も作るという。";
  private static final String KOREAN =
      "서울시는 화요일 새로운 교통 계획을 발표했다. 시민들은 내년부터 대중교통을 더 많이 이용할 것으로"
          + " 예상된다. 시는 버스 노선 열두 개를 새로 만들고 지하철 운행 간격을 줄이기로 했다.";
  private static final String CHINESE_TRADITIONAL =
      "台北市政府週二宣布新的交通計畫，預計明年開始實施。市民對此表示歡迎，但也有人擔心工程期間的" + "塞車問題。市長說，捷運站附近將增設自行車道與停車場。";
  private static final String CHINESE_SIMPLIFIED =
      "北京时间周二晚，北约秘书长在首尔发表讲话，呼吁加强援助。他说，各国应当在年底以前" + "兑现承诺，并且为受灾地区提供更多的粮食和药品。";
  private static final String RUSSIAN =
      "Мэр города заявил во вторник, что новый мост через реку откроют в следующем году. По его"
          + " словам, строительство обойдётся городу в два миллиарда рублей, а движение по старому"
          + " мосту будет закрыто на время ремонта. Жители северных районов давно ждали этого решения.";
  private static final String GREEK =
      "Ο δήμαρχος της πόλης ανακοίνωσε την Τρίτη ότι η νέα γέφυρα θα ανοίξει τον επόμενο χρόνο."
          + " Σύμφωνα με τον ίδιο, το έργο θα κοστίσει δύο εκατομμύρια ευρώ, ενώ η παλιά γέφυρα θα"
          + " μείνει κλειστή κατά τη διάρκεια των εργασιών.";
  private static final String HEBREW =
      "ראש העירייה הודיע ביום שלישי כי הגשר החדש ייפתח בשנה הבאה. לדבריו, העבודות יעלו שני"
          + " מיליון שקלים, והגשר הישן ייסגר לתנועה בזמן השיפוץ.";
  private static final String FRENCH =
      "L'été dernier, la municipalité a décidé de fermer le café de la gare. Les habitants"
          + " regrettent déjà ce lieu où l'on se retrouvait après le marché du samedi.";
  private static final String GERMAN =
      "Die Bürgermeisterin äußerte sich am Dienstag über die geplante Straßenbahn. Der Bau soll im"
          + " nächsten Frühjahr beginnen und drei Jahre dauern.";

  private static String text(String name) {
    return switch (name) {
      case "japanese" -> JAPANESE;
      case "korean" -> KOREAN;
      case "traditional" -> CHINESE_TRADITIONAL;
      case "simplified" -> CHINESE_SIMPLIFIED;
      case "russian" -> RUSSIAN;
      case "greek" -> GREEK;
      case "hebrew" -> HEBREW;
      case "french" -> FRENCH;
      case "german" -> GERMAN;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** A small news page around {@code text}, with an optional meta charset. */
  private static String page(String text, String metaCharset) {
    String meta = metaCharset.isEmpty() ? "" : "<meta charset=\"" + metaCharset + "\">";
    return "<!DOCTYPE html><html><head>"
        + meta
        + "<title>News</title><style>p{margin:0}</style></head><body>"
        + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        + "<article><h1>News</h1><p>"
        + text
        + "</p></article><footer>Contact</footer></body></html>";
  }

  private static Article read(byte[] bytes, Optional<String> httpCharset, List<String> warnings) {
    IngestListener listener =
        new IngestListener() {
          @Override
          public void skipped(Skipped s) {
            warnings.add("skipped: " + s);
          }

          @Override
          public void warning(String where, String message) {
            warnings.add(message);
          }
        };
    return HtmlReader.parse("page.html", bytes, httpCharset, Optional.empty(), listener)
        .orElseThrow(() -> new AssertionError("no article: " + warnings));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
    "japanese, Shift_JIS",
    "japanese, EUC-JP",
    "japanese, ISO-2022-JP",
    "korean, EUC-KR",
    "traditional, Big5",
    "simplified, GBK",
    "simplified, GB18030",
    "russian, KOI8-R",
    "russian, windows-1251",
    "russian, ISO-8859-5",
    "greek, ISO-8859-7",
    "hebrew, windows-1255",
    "french, windows-1252",
    "german, windows-1252",
    "french, UTF-16LE",
    "russian, UTF-16BE"
  })
  void undeclaredPagesAreSniffedAndNeverRepaired(String language, String charset) {
    String text = text(language);
    byte[] bytes = page(text, "").getBytes(Charset.forName(charset));
    List<String> warnings = new ArrayList<>();
    Article a = read(bytes, Optional.empty(), warnings);
    assertThat(a.text()).isEqualTo(text);
    assertThat(a.repairs()).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @ParameterizedTest(name = "{0} in {1} declared {2}")
  @CsvSource({
    "russian, windows-1251, utf-8",
    "russian, KOI8-R, utf-8",
    "japanese, Shift_JIS, utf-8",
    "japanese, EUC-JP, Shift_JIS",
    "korean, EUC-KR, utf-8",
    "traditional, Big5, utf-8",
    "french, windows-1252, utf-8"
  })
  void aDeclarationTheBytesAreInvalidInIsOverruledAndReported(
      String language, String charset, String declared) {
    String text = text(language);
    byte[] bytes = page(text, declared).getBytes(Charset.forName(charset));
    List<String> warnings = new ArrayList<>();
    Article a = read(bytes, Optional.empty(), warnings);
    assertThat(a.text()).isEqualTo(text);
    assertThat(warnings)
        .singleElement()
        .satisfies(w -> assertThat(w).contains("declared").contains("read as"));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
    "japanese, Shift_JIS",
    "korean, EUC-KR",
    "russian, KOI8-R",
    "russian, windows-1251",
    "greek, ISO-8859-7"
  })
  void aDeclarationThatFitsIsTrusted(String language, String charset) {
    String text = text(language);
    byte[] bytes = page(text, charset).getBytes(Charset.forName(charset));
    List<String> warnings = new ArrayList<>();
    assertThat(read(bytes, Optional.empty(), warnings).text()).isEqualTo(text);
    assertThat(read(bytes, Optional.of(charset), warnings).text()).isEqualTo(text);
    assertThat(warnings).isEmpty();
  }

  @Test
  void anHttpCharsetWinsOverTheMetaCharset() {
    byte[] bytes = page(RUSSIAN, "iso-8859-1").getBytes(Charset.forName("windows-1251"));
    List<String> warnings = new ArrayList<>();
    assertThat(read(bytes, Optional.of("windows-1251"), warnings).text()).isEqualTo(RUSSIAN);
    assertThat(warnings).isEmpty();
  }

  @Test
  void latinTextWithAFewAccentsIsNotTakenForCyrillicOrChinese() {
    for (String text : new String[] {FRENCH, GERMAN}) {
      TextDecoder.Decoded d =
          TextDecoder.decode(
              page(text, "").getBytes(Charset.forName("windows-1252")), Optional.empty());
      assertThat(d.charset().name()).isEqualTo("windows-1252");
      assertThat(d.text()).contains(text);
    }
  }

  @Test
  void utf16WithoutByteOrderMarkIsNotBinary() {
    byte[] le = page(GERMAN, "").getBytes(StandardCharsets.UTF_16LE);
    assertThat(TextDecoder.looksBinary(le)).isFalse();
    assertThat(TextDecoder.decode(le, Optional.of("utf-8")).problem())
        .hasValueSatisfying(p -> assertThat(p).contains("UTF-16LE"));
    byte[] binary = {1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0};
    assertThat(TextDecoder.looksBinary(binary)).isTrue();
  }
}
