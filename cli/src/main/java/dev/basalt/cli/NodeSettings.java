package dev.basalt.cli;

import dev.basalt.adapters.config.ChainSelection;
import dev.basalt.adapters.engine.EngineClientOptions;
import dev.basalt.adapters.http.CallListener;
import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.engine.JwtSecretException;
import dev.basalt.adapters.engine.JwtSource;
import dev.basalt.adapters.node.NodeRuntime;
import dev.basalt.adapters.ring.RingPolicy;
import dev.basalt.cli.flags.EngineSettings;
import dev.basalt.cli.flags.ForkOverrides;
import dev.basalt.cli.flags.L1Settings;
import dev.basalt.cli.flags.LogSettings;
import dev.basalt.cli.flags.P2pNodeSettings;
import dev.basalt.cli.flags.SequencerSettings;
import dev.basalt.cli.flags.StorageSettings;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.SequencerConfig;
import java.net.URI;

/**
 * Everything {@code basalt node}'s flags and variables decided, checked, before anything starts:
 * what the tests assert on, and what the runs use.
 *
 * @param chain the registry chain or files to load
 * @param trustL1Rpc the L1 adapter's trust: the flag, except that {@code --dev} verifies unless
 *     the flag is on the command line
 * @param sequencerAdapters the signing key, op-conductor and admin-state file (empty for a validator)
 * @param p2p the P2P stack's settings (gossip, discovery), or off
 */
record NodeSettings(boolean dev, long devL1BlockSeconds, long devGenesisAgeSeconds, ChainSelection chain, ForkOverrides forks, L1Settings l1,
    boolean trustL1Rpc, EngineSettings engine, StorageSettings storage, LogSettings log, NodeMode mode,
    SequencerConfig sequencer, SequencerSettings sequencerAdapters, P2pNodeSettings p2p) {

  /** The chain's config with the role and sync choices (mode, sync mode, verifier confirmations, sequencer). */
  CoreConfig withSyncOptions(CoreConfig chainConfig) {
    return new CoreConfig(chainConfig.rollup(), chainConfig.l1(), mode, engine.syncMode(), l1.verifierL1Confs(), sequencer);
  }

  NodeRuntime.Options runtimeOptions() {
    return new NodeRuntime.Options(
        new RingPolicy(1 << 14, 1_000, storage.snapshotEveryEvents(), storage.journal().strictDurability()), 500);
  }

  /** How to fix a secret that cannot be used, naming the flag it came from. */
  private String jwtFix(JwtSource jwt) {
    if (jwt instanceof JwtSource.Encoded) {
      return "check --l2-engine-jwt-encoded (KONA_NODE_L2_ENGINE_AUTH_ENCODED): 64 hex digits";
    }
    if (dev) {
      return "the devnet's secret lives in its data directory; remove it to have a new one written";
    }
    return "check --l2-engine-jwt-secret (KONA_NODE_L2_ENGINE_AUTH), or write a new secret with 'basalt jwt new --out FILE'"
        + " and give the same file to the engine";
  }

  /** The engine client (loads the secret: an unreadable or malformed one stops the start). */
  JsonRpcClient engineClient(URI url, JwtSource jwt, CallListener listener) {
    try {
      return JsonRpcClient.of(new EngineClientOptions(url, jwt, engine.timeout(), EngineClientOptions.DEFAULT_MAX_CONCURRENT_CALLS),
          listener);
    } catch (JwtSecretException e) {
      throw StartupException.failed(e.getMessage() + "; " + jwtFix(jwt));
    }
  }
}
