package org.wiretrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.wiretrace.pipeline.ScanResult;
import org.wiretrace.report.HtmlReport;
import org.wiretrace.report.ReportJson;
import org.wiretrace.report.TerminalReport;

/** Printing and writing the scan report in its three forms. */
final class Reports {
  private Reports() {}

  static void print(PrintWriter out, ScanResult result, boolean json, boolean withText)
      throws IOException {
    if (json) {
      out.println(ReportJson.MAPPER.writeValueAsString(ReportJson.scan(result, withText)));
    } else {
      out.print(TerminalReport.render(result));
    }
    out.flush();
  }

  static void writeJson(Path file, ScanResult result, boolean withText) throws IOException {
    write(file, ReportJson.MAPPER.writeValueAsString(ReportJson.scan(result, withText)));
  }

  static void writeHtml(Path file, ScanResult result) throws IOException {
    write(file, HtmlReport.render(result));
  }

  /** Writes through a temporary file so a reader never sees half a report. */
  private static void write(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".wiretrace-", ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
