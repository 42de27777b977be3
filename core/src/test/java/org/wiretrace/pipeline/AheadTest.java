package org.wiretrace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Batches prepared one step ahead on a background thread. */
class AheadTest {

  @Test
  void batchesComeInOrderPreparedAndTheLastMayBeShort() {
    Iterator<Integer> source = IntStream.range(0, 10).boxed().iterator();
    List<String> got = new ArrayList<>();
    try (Ahead<String> a = new Ahead<>("test", source, 4, b -> b.toString())) {
      a.forEachRemaining(got::add);
      assertThat(a.hasNext()).isFalse();
    }
    assertThat(got).containsExactly("[0, 1, 2, 3]", "[4, 5, 6, 7]", "[8, 9]");
  }

  @Test
  void anEmptySourceGivesNoBatch() {
    try (Ahead<String> a = new Ahead<>("test", List.<Integer>of().iterator(), 4, b -> "x")) {
      assertThat(a.hasNext()).isFalse();
    }
  }

  @Test
  void aFailureIsRethrownAfterTheBatchesBeforeIt() {
    Iterator<Integer> source =
        new Iterator<>() {
          int n;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public Integer next() {
            if (n == 5) {
              throw new IllegalStateException("unreadable record");
            }
            return n++;
          }
        };
    try (Ahead<List<Integer>> a = new Ahead<>("test", source, 2, List::copyOf)) {
      assertThat(a.next()).containsExactly(0, 1);
      assertThat(a.next()).containsExactly(2, 3);
      assertThatThrownBy(a::hasNext)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("unreadable record");
      assertThat(a.hasNext()).isFalse();
    }
  }

  @Test
  void itReadsAtMostTwoBatchesAheadAndStopsWhenClosed() throws Exception {
    AtomicInteger read = new AtomicInteger();
    Iterator<Integer> endless =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public Integer next() {
            return read.incrementAndGet();
          }
        };
    Ahead<List<Integer>> a = new Ahead<>("test", endless, 10, List::copyOf);
    assertThat(a.next()).hasSize(10);
    Thread.sleep(200);
    // one batch handed over, one queued, one read and waiting to be queued
    assertThat(read.get()).isLessThanOrEqualTo(40);
    a.close();
    int after = read.get();
    Thread.sleep(100);
    assertThat(read.get()).isEqualTo(after);
  }
}
