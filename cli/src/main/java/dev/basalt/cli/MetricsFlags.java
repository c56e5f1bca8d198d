package dev.basalt.cli;

import picocli.CommandLine.Option;

/** kona's metrics flags and environment variables (Prometheus exporter). */
final class MetricsFlags {
  @Option(names = "--metrics.enabled", defaultValue = "${env:KONA_METRICS_ENABLED:-false}",
      description = "Serve Prometheus metrics at /metrics (env KONA_METRICS_ENABLED).")
  boolean enabled;

  @Option(names = "--metrics.addr", paramLabel = "ADDR", defaultValue = "${env:KONA_METRICS_ADDR:-0.0.0.0}",
      description = "Metrics listen address (default: ${DEFAULT-VALUE}; env KONA_METRICS_ADDR).")
  String addr;

  @Option(names = "--metrics.port", paramLabel = "PORT", defaultValue = "${env:KONA_METRICS_PORT:-9090}",
      description = "Metrics port (default: ${DEFAULT-VALUE}; env KONA_METRICS_PORT).")
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
