package org.wiretrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiretrace.pipeline.ScanOptions;
import org.wiretrace.pipeline.Wiretrace;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Member;
import org.wiretrace.stories.Story;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wiretrace stories}: stories, text families, originals and timelines. */
@Command(
    name = "stories",
    header = "Group articles into stories and text families, with provenance.",
    mixinStandardHelpOptions = true,
    description = {
      "Group articles into stories (one per real-world event) and, inside each, text families"
          + " (copies of one text), naming each family's likely original with the evidence and"
          + " each copy's relation to its source, in publication order.",
      "With PATHS, reads them into the store first (like scan); without, reports on the store."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace stories examples/            stories of a folder of articles",
      "  wiretrace stories --json > stories.json  the stories of everything in the store"
    })
final class StoriesCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(paramLabel = "PATHS", arity = "0..*", description = "Files or folders to read.")
  List<Path> paths = new ArrayList<>();

  @Mixin DataOption data;

  @Option(names = "--json", description = "Print the stories as JSON.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<Story> stories;
    try {
      // without paths only the stored stories are read: no text, at any store size
      stories =
          paths.isEmpty()
              ? Wiretrace.stories(data.dir)
              : Wiretrace.scan(new ScanOptions(paths, data.dir)).stories();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), WiretraceCli.EXIT_FAILURE);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (stories.isEmpty()) {
      throw new UserException("no articles could be read", WiretraceCli.EXIT_FAILURE);
    }
    if (json) {
      ArrayNode array = JSON.createArrayNode();
      for (Story s : stories) {
        ObjectNode o = array.addObject();
        o.put("id", s.id());
        o.put("title", s.title());
        ArrayNode merged = o.putArray("merged_ids");
        s.mergedIds().forEach(merged::add);
        ArrayNode fams = o.putArray("families");
        for (Family f : s.families()) {
          ObjectNode fo = fams.addObject();
          fo.put("id", f.id());
          fo.put("original", f.originalId());
          fo.put("evidence", f.evidence());
          ArrayNode members = fo.putArray("members");
          for (Member m : f.members()) {
            ObjectNode mo = members.addObject();
            mo.put("id", m.articleId());
            mo.put("relation", m.relation().name());
            mo.put("coverage", Math.round(m.coverage() * 1000) / 1000.0);
            mo.put("source_id", m.sourceId());
            m.published().ifPresent(p -> mo.put("published", p.toString()));
          }
        }
      }
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
      out.flush();
      return 0;
    }
    int n = 1;
    for (Story s : stories) {
      out.printf(
          "Story %d  %s  \"%s\"  (%d articles, %d families)%n",
          n++, s.id(), s.title(), s.size(), s.families().size());
      if (!s.mergedIds().isEmpty()) {
        out.println("  merged: " + String.join(", ", s.mergedIds()));
      }
      for (Family f : s.families()) {
        out.printf("  Family %s  original %s%n", f.id(), f.originalId());
        out.printf("    evidence: %s%n", f.evidence());
        for (Member m : f.timeline()) {
          out.printf(
              "    %-20s %-12s %5.1f%% of text from %s  %s%n",
              m.published().map(Object::toString).orElse("(undated)"),
              m.relation(),
              100 * m.coverage(),
              m.sourceId(),
              m.articleId());
        }
      }
    }
    out.flush();
    return 0;
  }
}
