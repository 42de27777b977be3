package org.wiretrace.spark;

import org.apache.spark.sql.SparkSession;

/** The test suite's Spark: local[2], bound to 127.0.0.1, no UI, few shuffle partitions. */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession session() {
    return WiretraceJob.withKryo(SparkSession.builder())
        .master("local[2]")
        .appName("wiretrace-test")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .getOrCreate();
  }
}
