package org.wiretrace.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * A {@link SparkListener} that sums the task metrics of a run per stage (named by Spark's call
 * site, e.g. {@code combineByKey at IndexCandidatesStage.java:80}): executor run and CPU time,
 * shuffle bytes written and read, records, peak execution memory, and the stage's wall time. What
 * the Spark UI shows, as text for a benchmark's output. Thread-safe (Spark calls listeners from one
 * thread; the readers synchronise).
 */
public final class StageProfile extends SparkListener {

  /** Summed metrics of one stage (attempts of one stage id are added up). */
  public static final class Stage {
    final String name;
    long wallMs;
    long runMs;
    long cpuNs;
    long shuffleWritten;
    long shuffleRead;
    long shuffleRecords;
    long peakExecutionMemory;
    int tasks;

    Stage(String name) {
      this.name = name;
    }
  }

  private final Map<Integer, Stage> stages = new LinkedHashMap<>();
  private final Map<Integer, Long> peakPerExecutor = new LinkedHashMap<>();

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    TaskMetrics m = end.taskMetrics();
    if (m == null) {
      return;
    }
    Stage s = stages.computeIfAbsent(end.stageId(), id -> new Stage("stage " + id));
    s.tasks++;
    s.runMs += m.executorRunTime();
    s.cpuNs += m.executorCpuTime();
    s.shuffleWritten += m.shuffleWriteMetrics().bytesWritten();
    s.shuffleRead += m.shuffleReadMetrics().totalBytesRead();
    s.shuffleRecords += m.shuffleWriteMetrics().recordsWritten();
    s.peakExecutionMemory = Math.max(s.peakExecutionMemory, m.peakExecutionMemory());
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted done) {
    StageInfo info = done.stageInfo();
    Stage s = stages.computeIfAbsent(info.stageId(), id -> new Stage(info.name()));
    Stage named = new Stage(info.name());
    named.tasks = s.tasks;
    named.runMs = s.runMs;
    named.cpuNs = s.cpuNs;
    named.shuffleWritten = s.shuffleWritten;
    named.shuffleRead = s.shuffleRead;
    named.shuffleRecords = s.shuffleRecords;
    named.peakExecutionMemory = s.peakExecutionMemory;
    if (info.submissionTime().isDefined() && info.completionTime().isDefined()) {
      named.wallMs =
          s.wallMs + (Long) info.completionTime().get() - (Long) info.submissionTime().get();
    }
    stages.put(info.stageId(), named);
  }

  /** Shuffle bytes written over all stages. */
  public synchronized long shuffleWritten() {
    return stages.values().stream().mapToLong(s -> s.shuffleWritten).sum();
  }

  /** Shuffle bytes read over all stages. */
  public synchronized long shuffleRead() {
    return stages.values().stream().mapToLong(s -> s.shuffleRead).sum();
  }

  /** Executor CPU time over all stages, in seconds. */
  public synchronized double cpuSeconds() {
    return stages.values().stream().mapToLong(s -> s.cpuNs).sum() / 1e9;
  }

  /** The {@code top} stages by executor CPU time, one line each. */
  public synchronized List<String> report(int top) {
    List<Stage> all = new ArrayList<>(stages.values());
    all.sort(Comparator.comparingLong((Stage s) -> s.cpuNs).reversed());
    List<String> out = new ArrayList<>();
    for (Stage s : all.subList(0, Math.min(top, all.size()))) {
      out.add(
          String.format(
              Locale.ROOT,
              "  %-58s %4d tasks, wall %7.1f s, run %7.1f s, cpu %7.1f s, shuffle w %8.1f MB"
                  + " (%,d records) r %8.1f MB, peak exec mem %6.1f MB",
              s.name.length() > 58 ? s.name.substring(0, 58) : s.name,
              s.tasks,
              s.wallMs / 1e3,
              s.runMs / 1e3,
              s.cpuNs / 1e9,
              s.shuffleWritten / 1e6,
              s.shuffleRecords,
              s.shuffleRead / 1e6,
              s.peakExecutionMemory / 1e6));
    }
    return out;
  }
}
