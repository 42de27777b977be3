package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BigramFilterTest {

  @Test
  void hasNoFalseNegativesAndFewFalsePositivesAfterARoundTrip() throws IOException {
    int n = 20_000;
    BigramFilter f = BigramFilter.sizedFor(n);
    Random r = new Random(7);
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = PhraseStats.key(r.nextInt(1 << 20), r.nextInt(1 << 20));
      f.add(keys[i]);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    f.write(new DataOutputStream(bytes));
    BigramFilter back =
        BigramFilter.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    for (long k : keys) {
      assertThat(back.mightContain(k)).isTrue();
    }
    int falsePositives = 0;
    for (int i = 0; i < n; i++) {
      if (back.mightContain(PhraseStats.key((1 << 20) + r.nextInt(1 << 20), r.nextInt(1 << 20)))) {
        falsePositives++;
      }
    }
    assertThat(falsePositives).isLessThan(n / 10);
  }
}
