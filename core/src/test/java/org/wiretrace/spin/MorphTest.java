package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MorphTest {

  @ParameterizedTest
  @CsvSource({
    "networks, network, S",
    "studies, study, S",
    "boxes, box, S",
    "shifting, shift, ING",
    "stopped, stop, ED",
    "carried, carry, ED",
    "analysis, analysis, NONE",
    "class, class, NONE"
  })
  void analysesInflections(String word, String base, Morph.Inflection inflection) {
    assertThat(Morph.analyse(word)).isEqualTo(new Morph.Form(base, inflection));
  }

  @ParameterizedTest
  @CsvSource({
    "organization, S, organizations",
    "study, S, studies",
    "search, S, searches",
    "move, ING, moving",
    "learn, ING, learning",
    "carry, ED, carried",
    "train, ED, trained",
    "neural network, S, neural networks"
  })
  void inflectsTheLastWord(String base, Morph.Inflection inflection, String expected) {
    assertThat(Morph.inflect(base, inflection)).isEqualTo(expected);
  }
}
