package org.wiretrace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiretrace.fingerprint.FingerprintTest;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.relate.Relation;

/** Scans into the persistent store: incremental, replacing changed articles, read by report. */
class StoreScanTest {
  @TempDir Path tmp;

  @Test
  void rescansAreIncrementalAndReportReadsTheStore() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path data = tmp.resolve("data");
    Files.writeString(in.resolve("story.txt"), "Tanks for the border\n\n" + FingerprintTest.STORY);
    Files.writeString(
        in.resolve("spun.txt"), "Armoured vehicles for the frontier\n\n" + FingerprintTest.SPUN);
    ScanResult first = Wiretrace.scan(new ScanOptions(List.of(in), data));
    assertThat(first.articles()).hasSize(2);
    ScanResult again = Wiretrace.scan(new ScanOptions(List.of(in), data));
    assertThat(again.articles()).hasSize(2);
    assertThat(again.verdicts()).hasSameSizeAs(first.verdicts());
    try (ArticleIndex index = ArticleIndex.openReadOnly(data)) {
      assertThat(index.articleCount()).isEqualTo(2);
    }
    assertThat(Wiretrace.report(data).articles()).hasSize(2);
    // a third article in another folder is added to what the store holds
    Path more = Files.createDirectories(tmp.resolve("more"));
    Files.writeString(
        more.resolve("other.txt"), "Markets\n\nShares in Tokyo closed higher on Friday.");
    assertThat(Wiretrace.scan(new ScanOptions(List.of(more), data)).articles()).hasSize(3);
  }

  @Test
  void aSummaryAccountsForEveryRecordAndAgreesWithTheReport() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path data = tmp.resolve("data");
    Files.writeString(in.resolve("story.txt"), "Tanks for the border\n\n" + FingerprintTest.STORY);
    Files.writeString(
        in.resolve("spun.txt"), "Armoured vehicles for the frontier\n\n" + FingerprintTest.SPUN);
    Files.writeString(in.resolve("feed.jsonl"), "{\"title\": \"cut short\n");
    List<String> heard = new java.util.ArrayList<>();
    ScanSummary first =
        Wiretrace.update(
            new ScanOptions(List.of(in), data),
            new org.wiretrace.ingest.IngestListener() {
              @Override
              public void skipped(org.wiretrace.ingest.Skipped s) {
                heard.add("skipped " + s.where());
              }

              @Override
              public void ingested(org.wiretrace.ingest.Article a) {
                heard.add("read " + a.id());
              }
            });
    assertThat(first.read()).isEqualTo(2);
    assertThat(first.added()).isEqualTo(2);
    assertThat(first.skipped()).hasSize(1);
    assertThat(first.skipped().get(0).where()).contains("feed.jsonl");
    assertThat(heard).hasSize(3).filteredOn(h -> h.startsWith("read ")).hasSize(2);

    ScanResult report = Wiretrace.report(data);
    assertThat(first.storedArticles()).isEqualTo(report.articles().size());
    assertThat(first.stories()).isEqualTo(report.stories().size());
    assertThat(first.families())
        .isEqualTo(report.stories().stream().mapToInt(s -> s.families().size()).sum());
    assertThat(first.relations(Relation.SPUN))
        .isEqualTo(
            (int) report.verdicts().stream().filter(v -> v.relation() == Relation.SPUN).count())
        .isEqualTo(1);

    ScanSummary again = Wiretrace.update(new ScanOptions(List.of(in), data), s -> {});
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(again.added() + again.replaced()).isZero();
    assertThat(again.relations()).isEqualTo(first.relations());
  }

  @Test
  void payloadsAreReadInWindowsAndGiveTheSameStoriesAsAllAtOnce() throws Exception {
    Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
    Path data = tmp.resolve("data");
    Wiretrace.scan(new ScanOptions(List.of(examples), data));
    try (ArticleIndex index = ArticleIndex.open(data)) {
      StoreContents.Loaded loaded = StoreContents.load(index, false);
      int n = loaded.articles().size();
      assertThat(n).isGreaterThanOrEqualTo(6);
      java.util.Map<String, Integer> position = new java.util.HashMap<>();
      for (int i = 0; i < n; i++) {
        position.put(loaded.articles().get(i).id(), i);
      }
      StoreContents.Payloads whole = new StoreContents.Payloads(index, position);
      StoreContents.Payloads windowed = new StoreContents.Payloads(index, position, 3);
      for (int i = 0; i < n; i++) {
        assertThat(windowed.at(i)).as("payload %d", i).isNotNull().isEqualTo(whole.at(i));
      }
      // in order: one pass per window of three; all at once: one pass
      assertThat(windowed.passes()).isEqualTo((n + 2) / 3);
      assertThat(whole.passes()).isEqualTo(1);
      // asked again from the start: the window moves back
      assertThat(windowed.at(0)).isEqualTo(whole.at(0));
      assertThat(windowed.passes()).isEqualTo((n + 2) / 3 + 1);
      StoreContents.Loaded inWindows =
          new StoreContents.Loaded(
              loaded.articles(), loaded.words(), windowed, loaded.verdicts(), loaded.relations());
      assertThat(StoreContents.stories(inWindows)).isEqualTo(StoreContents.stories(loaded));
      assertThatThrownBy(() -> windowed.at(n)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> new StoreContents.Payloads(index, position, 0))
          .hasMessageContaining("window must be positive");
    }
  }

  @Test
  void theLightLoadReadsOnlyTextSharingRelationsAndCountsTheRestFromTheirTags() throws Exception {
    Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
    Path data = tmp.resolve("data");
    Wiretrace.scan(new ScanOptions(List.of(examples), data));
    try (org.wiretrace.index.ArticleIndex index = org.wiretrace.index.ArticleIndex.open(data)) {
      StoreContents.Loaded full = StoreContents.load(index, true);
      StoreContents.Loaded light = StoreContents.load(index, false);
      assertThat(full.relations()).containsKey(Relation.SAME_STORY).containsKey(Relation.SPUN);
      assertThat(light.relations()).isEqualTo(full.relations());
      assertThat(light.verdicts())
          .extracting(v -> v.aId() + " " + v.bId() + " " + v.relation())
          .containsExactlyElementsOf(
              full.verdicts().stream()
                  .filter(v -> v.relation().sharesText())
                  .map(v -> v.aId() + " " + v.bId() + " " + v.relation())
                  .toList());
      assertThat(StoreContents.stories(light)).isEqualTo(StoreContents.stories(full));

      // a relation record without tags (as written before them): everything is read again
      org.wiretrace.relate.PairVerdict sameStory =
          full.verdicts().stream()
              .filter(v -> v.relation() == Relation.SAME_STORY)
              .findFirst()
              .orElseThrow();
      org.wiretrace.index.StoreRecord r = RelationRecords.of(sameStory);
      index.putRecord(new org.wiretrace.index.StoreRecord(r.kind(), r.key(), r.refs(), r.json()));
      index.refresh();
      StoreContents.Loaded old = StoreContents.load(index, false);
      assertThat(old.relations()).isEqualTo(full.relations());
      assertThat(old.verdicts()).hasSameSizeAs(full.verdicts());
    }
  }

  @Test
  void aChangedFileReplacesItsOldVersionAndRemoveRebuildsTheStories() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path data = tmp.resolve("data");
    Files.writeString(in.resolve("story.txt"), "Tanks for the border\n\n" + FingerprintTest.STORY);
    Files.writeString(
        in.resolve("spun.txt"), "Armoured vehicles for the frontier\n\n" + FingerprintTest.SPUN);
    ScanResult first = Wiretrace.scan(new ScanOptions(List.of(in), data));
    assertThat(first.verdicts()).anyMatch(v -> v.relation().sharesText());
    String oldSpun =
        first.articles().stream()
            .filter(a -> a.article().origin().endsWith("spun.txt"))
            .findFirst()
            .orElseThrow()
            .id();

    // the report reads the stored verdicts and stories: the same as the scan said
    ScanResult report = Wiretrace.report(data);
    assertThat(report.verdicts()).isEqualTo(first.verdicts());
    assertThat(report.stories()).isEqualTo(first.stories());
    // and so do the judgements alone, without analysing any text
    StoredJudgements judged = Wiretrace.judgements(data);
    assertThat(judged.verdicts()).isEqualTo(first.verdicts());
    assertThat(judged.stories()).isEqualTo(first.stories());

    // a new text in the same file replaces the old version and its relations
    Files.writeString(
        in.resolve("spun.txt"),
        "Markets\n\nShares in Tokyo closed higher on Friday after a rally.");
    ScanResult second = Wiretrace.scan(new ScanOptions(List.of(in), data));
    assertThat(second.articles()).hasSize(2);
    assertThat(second.article(oldSpun)).isEmpty();
    assertThat(second.verdicts()).noneMatch(v -> v.involves(oldSpun));
    assertThat(second.stories()).hasSize(2);

    // removing an article removes its relations and rebuilds the stories of what remains
    String story = second.articles().get(0).id();
    assertThat(Wiretrace.remove(data, List.of(story, "no-such-id"))).containsExactly("no-such-id");
    ScanResult after = Wiretrace.report(data);
    assertThat(after.articles()).hasSize(1);
    assertThat(after.stories()).hasSize(1);
    assertThat(after.stories().get(0).articleIds()).doesNotContain(story);
  }

  @Test
  void refusesAFolderThatIsNotAStore() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("articles.jsonl"), "{}\n");
    assertThatThrownBy(() -> Wiretrace.scan(new ScanOptions(List.of(tmp), data)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing");
    assertThat(data.resolve("articles.jsonl")).hasContent("{}");
  }
}
