package dev.basalt.cli.flags;

import dev.basalt.adapters.engine.JwtSource;
import dev.basalt.core.SyncMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The execution engine: its authenticated endpoint, JWT secret, timeout, and how the node syncs it. */
@Command(description = "Execution engine and sync")
public final class EngineFlags {
  @Option(names = {"--l2-engine-rpc", "--l2"}, paramLabel = "URL", description = "Execution engine authrpc endpoint (required unless --dev).")
  @Env({"KONA_NODE_L2_ENGINE_RPC", "OP_NODE_L2_ENGINE_RPC"})
  URI rpc;

  @Option(names = {"--l2-engine-jwt-secret", "--l2.jwt-secret"}, paramLabel = "FILE",
      description = "Hex JWT secret file shared with the engine; without it or --l2-engine-jwt-encoded, ./l2_jwt.hex is read or"
          + " created, as kona does ('basalt jwt new' writes one).")
  @Env({"KONA_NODE_L2_ENGINE_AUTH", "OP_NODE_L2_ENGINE_AUTH"})
  Path jwtFile;

  @Option(names = {"--l2-engine-jwt-encoded", "--l2.jwt-secret-encoded"}, paramLabel = "HEX", description = "The JWT secret as hex, instead of a file.")
  @Env("KONA_NODE_L2_ENGINE_AUTH_ENCODED")
  String jwtHex;

  @Option(names = {"--l2-engine-timeout", "--l2.timeout", "--l2.engine-rpc-timeout"}, paramLabel = "DURATION", defaultValue = "30000",
      converter = GoDuration.Millis.class,
      description = "Deadline of one engine call (plain integers are milliseconds, as kona; or 10s, as op-node's --l2.engine-rpc-timeout).")
  @Env({"KONA_NODE_L2_ENGINE_TIMEOUT", "OP_NODE_L2_ENGINE_RPC_TIMEOUT"})
  Duration timeout;

  @Option(names = {"--l2-trust-rpc", "--l2.trust-rpc"}, paramLabel = "BOOL", arity = "0..1", fallbackValue = "true", defaultValue = "true",
      description = "Trust the engine's block hashes (false is not supported yet).")
  @Env("KONA_NODE_L2_TRUST_RPC")
  boolean trustRpc;

  @Option(names = {"--syncmode", "--l2.syncmode"}, paramLabel = "MODE", defaultValue = "consensus-layer",
      description = "consensus-layer (derive every block from L1) or execution-layer (the engine syncs itself first, while it has"
          + " nothing finalized).")
  @Env({"KONA_NODE_SYNCMODE", "OP_NODE_SYNCMODE"})
  String syncMode;

  @Option(names = "--syncmode.offset-el-safe", paramLabel = "DURATION", defaultValue = "43200", converter = GoDuration.Seconds.class,
      description = "Execution-layer sync: how far behind the EL's head to start from (not supported yet; plain integers are seconds).")
  @Env({"KONA_NODE_SYNCMODE_OFFSET_EL_SAFE", "OP_NODE_SYNCMODE_OFFSET_EL_SAFE"})
  Duration offsetElSafe;

  @Option(names = {"--l2-follow-source", "--l2.follow.source"}, paramLabel = "URL",
      description = "Follow another rollup node's sync status instead of deriving (not supported).")
  @Env("KONA_NODE_L2_FOLLOW_SOURCE")
  URI followSource;

  /** The values, checked. */
  public EngineSettings settings() {
    SyncMode mode = switch (syncMode.strip().toLowerCase(Locale.ROOT)) {
      case "consensus-layer" -> SyncMode.CONSENSUS_LAYER;
      case "execution-layer" -> SyncMode.EXECUTION_LAYER;
      default -> throw new FlagException("--syncmode must be consensus-layer or execution-layer, got '" + syncMode + "'");
    };
    if (timeout.isZero() || timeout.toMillis() < 1) {
      throw new FlagException("--l2-engine-timeout must be at least 1 millisecond, got " + GoDuration.format(timeout));
    }
    if (jwtFile != null && jwtHex != null) {
      throw new FlagException("give the JWT secret once: --l2-engine-jwt-secret (a file) or --l2-engine-jwt-encoded (hex), not both");
    }
    boolean defaulted = jwtFile == null && jwtHex == null;
    JwtSource jwt = jwtHex != null ? new JwtSource.Encoded(jwtHex)
        : jwtFile != null ? new JwtSource.File(jwtFile)
        : new JwtSource.File(EngineSettings.DEFAULT_JWT_FILE, true);
    return new EngineSettings(rpc, jwt, defaulted, timeout, mode);
  }
}
