package org.wiretrace.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SnapshotTest {

  @Test
  void storiesStillBeingComputedAnswer503WhileArticlesAreServed() {
    CompletableFuture<Derived> pending = new CompletableFuture<>();
    Snapshot s = new Snapshot(null, Catalogue.empty(), pending);
    assertThat(s.derivedReady()).isFalse();
    assertThat(s.place("x")).isEmpty();
    assertThatThrownBy(s::derived)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessageContaining("still being computed");
    pending.complete(Derived.empty());
    assertThat(s.derivedReady()).isTrue();
    assertThat(s.derived().stories()).isEmpty();
  }

  @Test
  void aFailedComputationIsAnErrorNotAnEmptyStore() {
    CompletableFuture<Derived> failed = new CompletableFuture<>();
    failed.completeExceptionally(new OutOfMemoryError("test"));
    Snapshot s = new Snapshot(null, Catalogue.empty(), failed);
    assertThat(s.derivedReady()).isFalse();
    assertThatThrownBy(s::derived).isInstanceOf(IllegalStateException.class);
  }
}
