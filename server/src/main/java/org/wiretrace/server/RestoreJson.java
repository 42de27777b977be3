package org.wiretrace.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.wiretrace.ingest.Article;
import org.wiretrace.report.ReportJson;
import org.wiretrace.spin.Restoration;
import org.wiretrace.spin.SourceRestorer;
import org.wiretrace.spin.SpinDetector;
import org.wiretrace.spin.SpunPhrase;

/**
 * Restores the wording of a spun article for the API: from its source when one is known (the
 * source's exact words for every substitution, {@link SourceRestorer}), otherwise intrinsically
 * (tortured phrases found by phrase statistics, {@link SpinDetector}). The detector's resources are
 * loaded on first use. Thread-safe.
 */
final class RestoreJson {

  /** How the wording is restored. */
  enum Method {
    SOURCE,
    INTRINSIC
  }

  private volatile SpinDetector detector;
  private final SourceRestorer fromSource = SourceRestorer.standard();

  private SpinDetector detector() {
    SpinDetector d = detector;
    if (d == null) {
      synchronized (this) {
        d = detector;
        if (d == null) {
          d = SpinDetector.standard();
          detector = d;
        }
      }
    }
    return d;
  }

  /** The restoration of {@code article}, from {@code source} when given. */
  ObjectNode restore(Article article, Optional<Article> source) {
    Restoration r =
        source.isPresent()
            ? fromSource.restore(article.text(), source.get().text())
            : detector().restore(article.text());
    ObjectNode o = ReportJson.MAPPER.createObjectNode();
    o.put("id", article.id());
    o.put("title", article.title());
    o.put("text", article.text());
    o.put("method", (source.isPresent() ? Method.SOURCE : Method.INTRINSIC).name().toLowerCase());
    o.put("source_id", source.map(Article::id).orElse(null));
    o.put("spin_score", ApiJson.round(r.spinScore()));
    ArrayNode phrases = o.putArray("phrases");
    for (SpunPhrase p : r.phrases()) {
      ObjectNode po = phrases.addObject();
      po.put("start", p.start());
      po.put("end", p.end());
      po.put("text", p.text());
      po.put("suggestion", p.suggestion());
      ArrayNode alt = po.putArray("alternatives");
      p.alternatives().forEach(alt::add);
      po.put("confidence", ApiJson.round(p.confidence()));
      po.put("evidence", p.evidence());
    }
    o.put("restored_text", r.restoredText());
    return o;
  }
}
