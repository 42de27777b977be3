package org.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

  @Test
  void helpTeachesTheDefaults() {
    CliRun r = CliRun.of("serve", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("127.0.0.1", "8080", "--token", "WIRETRACE_TOKEN", "/api/check");
  }

  @Test
  void badPortIsAUsageError(@TempDir Path tmp) {
    CliRun r = CliRun.of("serve", "--data", tmp.toString(), "--port", "70000");
    assertThat(r.exitCode()).isEqualTo(WiretraceCli.EXIT_USAGE);
    assertThat(r.err()).contains("port");
  }

  @Test
  void aPortInUseFailsWithAMessage(@TempDir Path tmp) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun r =
          CliRun.of(
              "serve", "--data", tmp.toString(), "--port", String.valueOf(taken.getLocalPort()));
      assertThat(r.exitCode()).isEqualTo(WiretraceCli.EXIT_FAILURE);
      assertThat(r.err()).contains("cannot serve on 127.0.0.1:" + taken.getLocalPort());
    }
  }
}
