package org.wiretrace.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.wiretrace.pipeline.Wiretrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wiretrace remove ID...}: deletes articles (and the records that cite them) from the store.
 */
@Command(
    name = "remove",
    header = "Remove articles from the store, with their relations.",
    mixinStandardHelpOptions = true,
    description = {
      "Remove articles from the store by id, with every relation that refers to them; the",
      "stories and text families of what remains are rebuilt from the stored verdicts (nothing",
      "is aligned again), all in one atomic commit.",
      "Exits 1 when an id is not in the store (the others are still removed)."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace remove 33534dd453ec8af7",
      "  wiretrace remove --data news-data a1 a2"
    })
final class RemoveCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "ID", description = "Article ids.")
  List<String> ids;

  @Mixin DataOption data;

  @Override
  public Integer call() throws Exception {
    List<String> missing;
    try {
      missing = Wiretrace.remove(data.dir, ids);
    } catch (IllegalStateException e) {
      throw new UserException(e.getMessage(), WiretraceCli.EXIT_FAILURE);
    }
    for (String id : ids) {
      if (missing.contains(id)) {
        spec.commandLine().getErr().println("wiretrace: no article " + id + " in " + data.dir);
      } else {
        spec.commandLine().getOut().println("removed " + id);
      }
    }
    return missing.isEmpty() ? 0 : WiretraceCli.EXIT_FAILURE;
  }
}
