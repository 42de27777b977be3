package org.wiretrace.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.IndexOpenException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wiretrace remove ID...}: deletes articles (and the records that cite them) from the store.
 */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = {
      "Remove articles from the store by id, with every relation, family and story record that",
      "refers to them, in one atomic commit. The next scan or report recomputes what remains.",
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
    int missing = 0;
    try (ArticleIndex index = ArticleIndex.open(data.dir)) {
      for (String id : ids) {
        if (index.remove(id)) {
          spec.commandLine().getOut().println("removed " + id);
        } else {
          spec.commandLine().getErr().println("wiretrace: no article " + id + " in " + data.dir);
          missing++;
        }
      }
      index.commit();
    } catch (IndexOpenException e) {
      throw new UserException(e.getMessage(), WiretraceCli.EXIT_FAILURE);
    }
    return missing == 0 ? 0 : WiretraceCli.EXIT_FAILURE;
  }
}
