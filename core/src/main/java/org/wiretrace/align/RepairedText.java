package org.wiretrace.align;

import java.util.List;
import org.wiretrace.ingest.Repair;
import org.wiretrace.ingest.encoding.Mojibake;

/**
 * A text as read ({@link #raw}) and after mojibake repair ({@link #text}), with the mapping of
 * offsets in the repaired text back to the raw text, so that passages found on repaired text can be
 * reported against the file as it is. Immutable; thread-safe.
 *
 * @param raw the text as decoded from the file
 * @param text the repaired text (the same instance as {@code raw} when nothing was repaired)
 * @param repairs the repairs, spans in {@code text}, in text order
 */
public record RepairedText(String raw, String text, List<Repair> repairs) {

  public RepairedText {
    if (raw == null || text == null) {
      throw new IllegalArgumentException("raw and text must not be null");
    }
    repairs = repairs.stream().sorted((x, y) -> Integer.compare(x.start(), y.start())).toList();
  }

  /** Repairs {@code raw} with {@link Mojibake#repair}. */
  public static RepairedText of(String raw) {
    Mojibake.Result r = Mojibake.repair(raw);
    return new RepairedText(raw, r.text(), r.repairs());
  }

  /** True when some mojibake was repaired. */
  public boolean repaired() {
    return !repairs.isEmpty();
  }

  /**
   * The raw offset of repaired offset {@code offset}; an offset inside a repaired span maps to the
   * raw span's start ({@code end == false}) or end ({@code end == true}).
   */
  public int toRaw(int offset, boolean end) {
    int delta = 0;
    for (Repair r : repairs) {
      if (offset <= r.start()) {
        break;
      }
      int rawLength = r.before().length();
      if (offset < r.end()) {
        int rawStart = r.start() + delta;
        return end ? rawStart + rawLength : rawStart;
      }
      delta += rawLength - (r.end() - r.start());
    }
    return Math.max(0, Math.min(raw.length(), offset + delta));
  }
}
