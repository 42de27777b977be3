package org.wiretrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wiretrace.ingest.encoding.Mojibake;

class MojibakeTest {

  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final Charset GBK = Charset.forName("GBK");

  private static String misread(String s, Charset as) {
    return new String(s.getBytes(StandardCharsets.UTF_8), as);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Le ministre a déclaré à l'Assemblée que l'été serait « difficile » pour les élèves.",
        "Die Bürgermeisterin äußerte sich über die Straßenbahn: „Größer, schöner, günstiger“.",
        "北京时间周二晚，北约秘书长在首尔发表讲话，呼吁韩国加强对乌克兰的援助。",
        "Beijing (北京) said on Tuesday that talks with Seoul (서울) would resume – “soon”.",
        "Ça coûte 12 € — à peine, déjà payé. Ørsted, São Paulo, Łódź, İstanbul.",
        "Prices: £30, ¥2,000, ±5 °C, ½ cup, naïve café, coöperate, résumé."
      })
  void leavesCorrectTextAlone(String text) {
    Mojibake.Result r = Mojibake.repair(text);
    assertThat(r.text()).isEqualTo(text);
    assertThat(r.repairs()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "He said “the wall is safe” – and left.",
        "L'été à Zürich coûte 12 € – “très cher”.",
        "Stoltenberg’s visit to Seoul’s defence ministry…"
      })
  void repairsUtf8ReadAsCp1252AndLatin1(String text) {
    for (Charset cs : new Charset[] {CP1252, StandardCharsets.ISO_8859_1}) {
      Mojibake.Result r = Mojibake.repair(misread(text, cs));
      assertThat(r.text()).as(cs.name()).isEqualTo(text);
      assertThat(r.repairs()).allMatch(x -> x.kind().equals(Mojibake.UTF8_AS_CP1252));
    }
  }

  @Test
  void repairsUtf8ReadAsGbk() {
    String right =
        "NATO’s chief said on Monday that Seoul’s support for Ukraine had grown, and that"
            + " the alliance’s members would meet again in spring to discuss the matter further.";
    String wrong = misread(right, GBK);
    assertThat(wrong).contains("鈥檚");
    Mojibake.Result r = Mojibake.repair(wrong);
    assertThat(r.text()).isEqualTo(right);
    assertThat(r.repairs()).isNotEmpty().allMatch(x -> x.kind().equals(Mojibake.UTF8_AS_GBK));
    for (var rep : r.repairs()) {
      assertThat(r.text().substring(rep.start(), rep.end())).isEqualTo(rep.after());
    }
  }

  private static final String ALPHABET =
      "abcdefghij KLMNOP.,;éèàçüöäßñøåœÉÜ€“”‘’–—…«»°£¥αβγδЖзы北京首尔서울🙂";

  @Test
  void propertyMisreadThenRepairedIsTheOriginal() {
    qt().withExamples(500)
        .forAll(lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(1, 60))
        .checkAssert(
            idx -> {
              StringBuilder sb = new StringBuilder("Word ");
              idx.forEach(i -> sb.append(ALPHABET.charAt(i)));
              String s = sb.toString();
              if (!s.chars().allMatch(c -> !Character.isSurrogate((char) c))) {
                return;
              }
              String wrong = misread(s, CP1252);
              if (!wrong.equals(s) && !wrong.contains("\uFFFD")) {
                assertThat(Mojibake.repair(wrong).text()).isEqualTo(s);
              }
            });
  }

  @Test
  void propertyNeverThrowsAndRepairsAreConsistent() {
    qt().withExamples(1000)
        .forAll(lists().of(integers().between(0, 0x3000)).ofSizeBetween(0, 80))
        .checkAssert(
            cps -> {
              StringBuilder sb = new StringBuilder();
              cps.forEach(c -> sb.append((char) (int) c));
              Mojibake.Result r = Mojibake.repair(sb.toString());
              for (var rep : r.repairs()) {
                assertThat(rep.end()).isLessThanOrEqualTo(r.text().length());
                assertThat(r.text().substring(rep.start(), rep.end())).isEqualTo(rep.after());
              }
            });
  }
}
