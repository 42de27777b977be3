package org.wiretrace.spin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads {@code {"tortured": "...", "expected": "..."}} lines. A bad line is reported with its file
 * and line number to the error sink and skipped; the rest is read. Stateless and thread-safe.
 */
public final class PhrasePairs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PhrasePairs() {}

  /** The pairs of a JSON-lines file; bad lines go to {@code errors}. */
  public static List<PhrasePair> read(Path file, Consumer<String> errors) throws IOException {
    List<PhrasePair> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode n = JSON.readTree(line);
          JsonNode t = n.get("tortured");
          JsonNode e = n.get("expected");
          if (t == null || !t.isTextual()) {
            errors.accept(file + ":" + no + ": no \"tortured\" string");
            continue;
          }
          out.add(new PhrasePair(t.asText(), e != null && e.isTextual() ? e.asText() : ""));
        } catch (JsonProcessingException | IllegalArgumentException ex) {
          errors.accept(file + ":" + no + ": " + ex.getMessage().lines().findFirst().orElse(""));
        }
      }
    }
    return out;
  }
}
