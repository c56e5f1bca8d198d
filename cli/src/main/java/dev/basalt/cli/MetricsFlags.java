package dev.basalt.cli;

import dev.basalt.cli.flags.Env;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** kona's metrics flags and environment variables (Prometheus exporter). */
@Command(description = "Metrics (Prometheus)")
final class MetricsFlags {
  @Option(names = "--metrics.enabled", defaultValue = "false",
      description = "Serve Prometheus metrics at /metrics.")
  @Env("KONA_METRICS_ENABLED")
  boolean enabled;

  @Option(names = "--metrics.addr", paramLabel = "ADDR", defaultValue = "0.0.0.0",
      description = "Metrics listen address.")
  @Env("KONA_METRICS_ADDR")
  String addr;

  @Option(names = "--metrics.port", paramLabel = "PORT", defaultValue = "9090",
      description = "Metrics port.")
  @Env("KONA_METRICS_PORT")
  int port;

  /** @param tuned whether --metrics.addr or --metrics.port was given on the command line */
  void check(boolean tuned) {
    if (port < 0 || port > 65535) {
      throw StartupException.usage("--metrics.port must be 0..65535, got " + port);
    }
    if (!enabled && tuned) {
      throw StartupException.usage("--metrics.addr/--metrics.port need --metrics.enabled");
    }
  }
}
