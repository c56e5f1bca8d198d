package dev.basalt.cli.flags;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * kona-node's rollup-boost, external block builder and flashblocks flags (Jan-2026; upstream has
 * since removed them). A validator never builds blocks: accepted at their defaults, refused when
 * set (see {@link NotYetWired}).
 */
@Command(description = "Block builder / rollup-boost / flashblocks (sequencer only; refused when set)")
public final class BuilderFlags {
  @Option(names = {"--l2-builder-rpc", "--builder"}, paramLabel = "URL", defaultValue = "http://localhost:8552",
      description = "External block builder URL.")
  @Env("KONA_NODE_BUILDER_RPC")
  URI builderRpc;

  @Option(names = {"--builder-jwt-secret", "--builder.auth"}, paramLabel = "HEX", description = "Builder JWT secret as hex.")
  @Env("KONA_NODE_BUILDER_AUTH")
  String builderJwtHex;

  @Option(names = {"--builder-jwt-path", "--builder.jwt-path"}, paramLabel = "FILE", description = "Builder JWT secret file.")
  @Env("KONA_NODE_BUILDER_JWT_PATH")
  Path builderJwtPath;

  @Option(names = {"--builder-timeout", "--builder.timeout"}, paramLabel = "DURATION", defaultValue = "30",
      converter = GoDuration.Millis.class, description = "Builder call timeout (plain integers are milliseconds).")
  @Env("KONA_NODE_BUILDER_TIMEOUT")
  Duration builderTimeout;

  @Option(names = {"--execution-mode", "--rollup-boost.execution-mode"}, paramLabel = "disabled|dry-run|enabled",
      defaultValue = "disabled", description = "rollup-boost execution mode.")
  @Env("KONA_NODE_ROLLUP_BOOST_EXECUTION_MODE")
  String executionMode;

  @Option(names = {"--block-selection-policy", "--rollup-boost.block-selection-policy"}, paramLabel = "POLICY",
      description = "How rollup-boost chooses between the builder's and the engine's block.")
  @Env("KONA_NODE_ROLLUP_BOOST_BLOCK_SELECTION_POLICY")
  String blockSelectionPolicy;

  @Option(names = {"--external-state-root", "--rollup-boost.external-state-root"}, arity = "0..1", fallbackValue = "true",
      defaultValue = "false", description = "Compute the state root through the L2 client.")
  @Env("KONA_NODE_ROLLUP_BOOST_EXTERNAL_STATE_ROOT")
  boolean externalStateRoot;

  @Option(names = {"--ignore-unhealthy-builders", "--rollup-boost.ignore-unhealthy-builders"}, arity = "0..1",
      fallbackValue = "true", defaultValue = "false", description = "Keep using builders that fail health checks.")
  @Env("KONA_NODE_ROLLUP_BOOST_IGNORE_UNHEALTHY_BUILDERS")
  boolean ignoreUnhealthyBuilders;

  @Option(names = {"--health-check-interval", "--rollup-boost.health-check-interval"}, paramLabel = "DURATION",
      defaultValue = "60", converter = GoDuration.Seconds.class, description = "Builder health poll (plain integers are seconds).")
  @Env("KONA_NODE_ROLLUP_BOOST_HEALTH_CHECK_INTERVAL")
  Duration healthCheckInterval;

  @Option(names = {"--max-unsafe-interval", "--rollup-boost.max-unsafe-interval"}, paramLabel = "DURATION",
      defaultValue = "10", converter = GoDuration.Seconds.class, description = "Builder staleness bound (plain integers are seconds).")
  @Env("KONA_NODE_ROLLUP_BOOST_MAX_UNSAFE_INTERVAL")
  Duration maxUnsafeInterval;

  @Option(names = {"--flashblocks", "--rollup-boost.flashblocks"}, arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Run the flashblocks client.")
  @Env("KONA_NODE_FLASHBLOCKS")
  boolean flashblocks;

  @Option(names = {"--flashblocks-builder-url", "--rollup-boost.flashblocks-builder-url"}, paramLabel = "URL",
      defaultValue = "ws://localhost:1111", description = "Flashblocks builder WebSocket.")
  @Env("KONA_NODE_FLASHBLOCKS_BUILDER_URL")
  URI flashblocksBuilderUrl;

  @Option(names = {"--flashblocks-host", "--rollup-boost.flashblocks-host"}, paramLabel = "HOST", defaultValue = "localhost",
      description = "Outbound flashblocks WebSocket host.")
  @Env("KONA_NODE_FLASHBLOCKS_HOST")
  String flashblocksHost;

  @Option(names = {"--flashblocks-port", "--rollup-boost.flashblocks-port"}, paramLabel = "PORT", defaultValue = "1112",
      description = "Outbound flashblocks WebSocket port.")
  @Env("KONA_NODE_FLASHBLOCKS_PORT")
  int flashblocksPort;

  @Option(names = {"--flashblock-builder-ws-initial-reconnect-ms", "--rollup-boost.flashblocks-initial-reconnect-ms"},
      paramLabel = "MILLIS", defaultValue = "10", description = "First reconnect delay.")
  @Env("KONA_NODE_FLASHBLOCKS_BUILDER_WS_INITIAL_RECONNECT_MS")
  long wsInitialReconnectMillis;

  @Option(names = {"--flashblock-builder-ws-max-reconnect-ms", "--rollup-boost.flashblocks-max-reconnect-ms"},
      paramLabel = "MILLIS", defaultValue = "5000", description = "Largest reconnect delay.")
  @Env("KONA_NODE_FLASHBLOCKS_BUILDER_WS_MAX_RECONNECT_MS")
  long wsMaxReconnectMillis;

  @Option(names = {"--flashblock-builder-ws-ping-interval-ms", "--rollup-boost.flashblocks-ping-interval-ms"},
      paramLabel = "MILLIS", defaultValue = "500", description = "WebSocket ping period.")
  @Env("KONA_NODE_FLASHBLOCKS_BUILDER_WS_PING_INTERVAL_MS")
  long wsPingIntervalMillis;

  @Option(names = {"--flashblock-builder-ws-pong-timeout-ms", "--rollup-boost.flashblocks-pong-timeout-ms"},
      paramLabel = "MILLIS", defaultValue = "1500", description = "WebSocket pong deadline.")
  @Env("KONA_NODE_FLASHBLOCKS_BUILDER_WS_PONG_TIMEOUT_MS")
  long wsPongTimeoutMillis;
}
