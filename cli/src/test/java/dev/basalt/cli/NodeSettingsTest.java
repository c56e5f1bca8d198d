package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.engine.JwtSource;
import dev.basalt.cli.flags.EnvDefaults;
import dev.basalt.cli.flags.LogFormat;
import dev.basalt.cli.flags.LogRotation;
import dev.basalt.cli.flags.NotYetWired;
import dev.basalt.core.SyncMode;
import dev.basalt.core.config.Fork;
import dev.basalt.journal.JournalOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every flag of {@code basalt node}, through each of its names and each of its environment
 * variables, reaches the resolved {@link NodeSettings}; a flag on the command line beats its
 * variable; every not-yet-wired flag set away from its default refuses the start by name, from the
 * command line and from the environment, and is accepted at its default. Nothing here starts a node.
 */
class NodeSettingsTest {
  /** A loopback multiaddr with the peer id of {@link #KEY} as node key. */
  static final String STATIC_PEER = "/ip4/127.0.0.1/tcp/9000/p2p/" + dev.basalt.adapters.p2p.identity.PrivateKeyHex.parse(
      "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80").peerId();

  /** The three required endpoints, through kona's variables, so each row can vary one thing. */
  static final Map<String, String> BASE_ENV = Map.of("KONA_NODE_L1_ETH_RPC", "http://l1:8545", "KONA_NODE_L1_BEACON", "http://cl:5052",
      "KONA_NODE_L2_ENGINE_RPC", "http://el:8551");

  static CommandLine parsed(Map<String, String> env, List<String> args) {
    CommandLine cl = BasaltMain.commandLine(env);
    List<String> all = new ArrayList<>(List.of("node"));
    all.addAll(args);
    cl.parseArgs(all.toArray(String[]::new));
    return cl.getSubcommands().get("node");
  }

  static NodeSettings settings(Map<String, String> env, String... args) {
    NodeCommand cmd = parsed(env, List.of(args)).getCommand();
    return cmd.settings();
  }

  static Map<String, String> env(String... kv) {
    Map<String, String> m = new HashMap<>(BASE_ENV);
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** A flag with all its names and variables, a value, and where that value must land. */
  record Row(List<String> names, List<String> envs, String value, Function<NodeSettings, Object> get, Object expected) {}

  static Row row(String names, String envs, String value, Function<NodeSettings, Object> get, Object expected) {
    return new Row(List.of(names.split(" ")), envs.isEmpty() ? List.of() : List.of(envs.split(" ")), value, get, expected);
  }

  static final List<Row> WIRED = List.of(
      row("--chain -c --l2-chain-id --network", "KONA_NODE_L2_CHAIN_ID", "base", s -> s.chain().chain(), Optional.of("base")),
      row("--l2-config-file --rollup-cfg --rollup.config", "KONA_NODE_ROLLUP_CONFIG OP_NODE_ROLLUP_CONFIG", "r.json",
          s -> s.chain().rollupConfigFile(), Optional.of(Path.of("r.json"))),
      row("--l1-config-file --rollup-l1-cfg --rollup.l1-chain-config", "KONA_NODE_L1_CHAIN_CONFIG OP_NODE_ROLLUP_L1_CHAIN_CONFIG", "l1.json",
          s -> s.chain().l1ConfigFile(), Optional.of(Path.of("l1.json"))),
      row("--l1-eth-rpc --l1", "KONA_NODE_L1_ETH_RPC OP_NODE_L1_ETH_RPC", "http://other:1", s -> s.l1().rpc(), URI.create("http://other:1")),
      row("--l1-trust-rpc --l1.trust-rpc --l1.trustrpc", "KONA_NODE_L1_TRUST_RPC", "false", NodeSettings::trustL1Rpc, false),
      row("--l1-beacon --l1.beacon", "KONA_NODE_L1_BEACON OP_NODE_L1_BEACON", "http://b:2", s -> s.l1().beacon(), URI.create("http://b:2")),
      row("--l1.beacon-fallbacks", "OP_NODE_L1_BEACON_FALLBACKS OP_NODE_L1_BEACON_ARCHIVER", "http://f1:1,http://f2:2",
          s -> s.l1().beaconFallbacks(), List.of(URI.create("http://f1:1"), URI.create("http://f2:2"))),
      row("--l1.beacon-header", "OP_NODE_L1_BEACON_HEADER", "X-Api-Key: s3cret", s -> s.l1().beaconHeaders(), Map.of("X-Api-Key", "s3cret")),
      row("--l1-slot-duration-override --l1.slot-duration-override", "KONA_NODE_L1_SLOT_DURATION_OVERRIDE", "6",
          s -> s.l1().slotDurationOverrideSeconds(), 6L),
      row("--l1.http-poll-interval", "OP_NODE_L1_HTTP_POLL_INTERVAL", "3s", s -> s.l1().httpPollInterval(), Duration.ofSeconds(3)),
      row("--l1.runtime-config-reload-interval", "OP_NODE_L1_RUNTIME_CONFIG_RELOAD_INTERVAL", "5m", s -> s.l1().runtimeConfigReloadInterval(),
          Duration.ofMinutes(5)),
      row("--l1.epoch-poll-interval", "OP_NODE_L1_EPOCH_POLL_INTERVAL", "90", s -> s.l1().epochPollInterval(), Duration.ofSeconds(90)),
      row("--l1.rpc-max-batch-size", "OP_NODE_L1_RPC_MAX_BATCH_SIZE", "50", s -> s.l1().rpcMaxBatchSize(), 50),
      row("--l1.max-concurrency", "OP_NODE_L1_MAX_CONCURRENCY", "4", s -> s.l1().maxConcurrency(), 4),
      row("--verifier.l1-confs --l1-confs", "OP_NODE_VERIFIER_L1_CONFS", "4", s -> s.l1().verifierL1Confs(), 4L),
      row("--l2-engine-rpc --l2", "KONA_NODE_L2_ENGINE_RPC OP_NODE_L2_ENGINE_RPC", "http://geth:9", s -> s.engine().rpc(),
          URI.create("http://geth:9")),
      row("--l2-engine-jwt-secret --l2.jwt-secret", "KONA_NODE_L2_ENGINE_AUTH OP_NODE_L2_ENGINE_AUTH", "jwt.hex", s -> s.engine().jwt(),
          new JwtSource.File(Path.of("jwt.hex"))),
      row("--l2-engine-jwt-encoded --l2.jwt-secret-encoded", "KONA_NODE_L2_ENGINE_AUTH_ENCODED", "0xab", s -> s.engine().jwt(),
          new JwtSource.Encoded("0xab")),
      row("--l2-engine-timeout --l2.timeout --l2.engine-rpc-timeout", "KONA_NODE_L2_ENGINE_TIMEOUT OP_NODE_L2_ENGINE_RPC_TIMEOUT", "1500",
          s -> s.engine().timeout(), Duration.ofMillis(1500)),
      row("--l2-engine-timeout --l2.engine-rpc-timeout", "OP_NODE_L2_ENGINE_RPC_TIMEOUT", "10s", s -> s.engine().timeout(),
          Duration.ofSeconds(10)),
      row("--syncmode --l2.syncmode", "KONA_NODE_SYNCMODE OP_NODE_SYNCMODE", "execution-layer", s -> s.engine().syncMode(),
          SyncMode.EXECUTION_LAYER),
      row("--datadir", "BASALT_DATADIR", "d", s -> s.storage().dataDir(), Path.of("d")),
      row("--safedb.path", "KONA_NODE_SAFEDB_PATH OP_NODE_SAFEDB_PATH", "s.db", s -> s.storage().safeDbFor(Path.of("x")), Path.of("s.db")),
      row("--journal.roll-cycle", "", "hourly", s -> s.storage().journal().rollCycle(), JournalOptions.RollCycle.HOURLY),
      row("--journal.retain-cycles", "", "3", s -> s.storage().journal().retainCycles(), 3),
      row("--journal.strict-durability", "", "true", s -> s.storage().journal().strictDurability(), true),
      row("--journal.snapshot-interval", "", "500", s -> s.storage().snapshotEveryEvents(), 500L),
      row("--canyon-override --override.canyon", "KONA_NODE_OVERRIDE_CANYON OP_NODE_OVERRIDE_CANYON", "1700000000",
          s -> s.forks().forks().get(Fork.CANYON), 1_700_000_000L),
      row("--delta-override --override.delta", "KONA_NODE_OVERRIDE_DELTA OP_NODE_OVERRIDE_DELTA", "1700000001",
          s -> s.forks().forks().get(Fork.DELTA), 1_700_000_001L),
      row("--ecotone-override --override.ecotone", "KONA_NODE_OVERRIDE_ECOTONE OP_NODE_OVERRIDE_ECOTONE", "1700000002",
          s -> s.forks().forks().get(Fork.ECOTONE), 1_700_000_002L),
      row("--fjord-override --override.fjord", "KONA_NODE_OVERRIDE_FJORD OP_NODE_OVERRIDE_FJORD", "1700000003",
          s -> s.forks().forks().get(Fork.FJORD), 1_700_000_003L),
      row("--granite-override --override.granite", "KONA_NODE_OVERRIDE_GRANITE OP_NODE_OVERRIDE_GRANITE", "1700000004",
          s -> s.forks().forks().get(Fork.GRANITE), 1_700_000_004L),
      row("--holocene-override --override.holocene", "KONA_NODE_OVERRIDE_HOLOCENE OP_NODE_OVERRIDE_HOLOCENE", "1700000005",
          s -> s.forks().forks().get(Fork.HOLOCENE), 1_700_000_005L),
      row("--pectra-blob-schedule-override --override.pectrablobschedule",
          "KONA_NODE_OVERRIDE_PECTRA_BLOB_SCHEDULE OP_NODE_OVERRIDE_PECTRABLOBSCHEDULE", "1700000006",
          s -> s.forks().pectraBlobSchedule(), OptionalLong.of(1_700_000_006L)),
      row("--isthmus-override --override.isthmus", "KONA_NODE_OVERRIDE_ISTHMUS OP_NODE_OVERRIDE_ISTHMUS", "1700000007",
          s -> s.forks().forks().get(Fork.ISTHMUS), 1_700_000_007L),
      row("--jovian-override --override.jovian", "KONA_NODE_OVERRIDE_JOVIAN OP_NODE_OVERRIDE_JOVIAN", "1700000008",
          s -> s.forks().forks().get(Fork.JOVIAN), 1_700_000_008L),
      row("--karst-override --override.karst", "KONA_NODE_OVERRIDE_KARST OP_NODE_OVERRIDE_KARST", "1700000009",
          s -> s.forks().forks().get(Fork.KARST), 1_700_000_009L),
      row("--mode", "KONA_NODE_MODE", "Sequencer", NodeSettings::mode, dev.basalt.core.NodeMode.SEQUENCER),
      row("--sequencer.enabled", "OP_NODE_SEQUENCER_ENABLED", "true", NodeSettings::mode, dev.basalt.core.NodeMode.SEQUENCER),
      row("--sequencer.stopped", "KONA_NODE_SEQUENCER_STOPPED", "true", s -> s.sequencer().startStopped(), true),
      row("--sequencer.max-safe-lag", "KONA_NODE_SEQUENCER_MAX_SAFE_LAG", "10", s -> s.sequencer().maxSafeLag(), 10L),
      row("--sequencer.l1-confs", "KONA_NODE_SEQUENCER_L1_CONFS", "6", s -> s.sequencer().l1Confs(), 6L),
      row("--sequencer.recover", "KONA_NODE_SEQUENCER_RECOVER", "true", s -> s.sequencer().recoverMode(), true),
      row("--sequencer.sealing-duration", "KONA_NODE_SEQUENCER_SEALING_DURATION", "120ms", s -> s.sequencer().sealingDurationMillis(),
          120L),
      row("--log.level", "OP_NODE_LOG_LEVEL", "crit", s -> s.log().level(), "error"),
      row("-q --logs.stdout.quiet", "KONA_STDOUT_LOG_QUIET", "true", s -> s.log().stdoutQuiet(), true),
      row("--logs.stdout.format --log.format", "KONA_LOG_STDOUT_FORMAT OP_NODE_LOG_FORMAT", "json", s -> s.log().stdoutFormat(),
          LogFormat.JSON),
      row("--logs.file.directory", "KONA_LOG_FILE_DIRECTORY", "logs", s -> s.log().fileDirectory(), Optional.of(Path.of("logs"))),
      row("--logs.file.format", "KONA_LOG_FILE_FORMAT", "logfmt", s -> s.log().fileFormat(), LogFormat.LOGFMT),
      row("--p2p.no-discovery", "KONA_NODE_P2P_NO_DISCOVERY", "true", s -> s.p2p().discovery(), false),
      row("--p2p.disable", "OP_NODE_P2P_DISABLE", "true", s -> s.p2p().enabled(), false),
      row("--p2p.priv.path", "KONA_NODE_P2P_PRIV_PATH", "p2p.key", s -> s.p2p().privPath(), Optional.of(Path.of("p2p.key"))),
      row("--p2p.priv.raw", "KONA_NODE_P2P_PRIV_RAW", NodeSettingsTest.KEY, s -> s.p2p().privRaw(), Optional.of(NodeSettingsTest.KEY)),
      row("--p2p.listen.ip", "KONA_NODE_P2P_LISTEN_IP", "127.0.0.1", s -> s.p2p().listenIp(), "127.0.0.1"),
      row("--p2p.listen.tcp", "KONA_NODE_P2P_LISTEN_TCP_PORT", "9000", s -> s.p2p().listenTcp(), 9000),
      row("--p2p.listen.udp", "KONA_NODE_P2P_LISTEN_UDP_PORT", "0", s -> s.p2p().listenUdp(), 0),
      row("--p2p.advertise.ip", "KONA_NODE_P2P_ADVERTISE_IP", "1.2.3.4", s -> s.p2p().advertiseIp(), Optional.of("1.2.3.4")),
      row("--p2p.advertise.tcp", "KONA_NODE_P2P_ADVERTISE_TCP_PORT", "9000", s -> s.p2p().advertiseTcp(), 9000),
      row("--p2p.advertise.udp", "KONA_NODE_P2P_ADVERTISE_UDP_PORT", "9001", s -> s.p2p().advertiseUdp(), 9001),
      row("--p2p.peers.hi", "KONA_NODE_P2P_PEERS_HI", "50", s -> s.p2p().peersHi(), 50),
      row("--p2p.peers.lo", "KONA_NODE_P2P_PEERS_LO", "10", s -> s.p2p().peers().lo(), 10),
      row("--p2p.peers.grace", "KONA_NODE_P2P_PEERS_GRACE", "45", s -> s.p2p().peers().grace(), Duration.ofSeconds(45)),
      row("--p2p.redial", "KONA_NODE_P2P_REDIAL", "5", s -> s.p2p().peers().redial(), 5),
      row("--p2p.redial.period", "KONA_NODE_P2P_REDIAL_PERIOD", "30", s -> s.p2p().peers().redialPeriod(), Duration.ofMinutes(30)),
      row("--p2p.gossip.mesh.d", "KONA_NODE_P2P_GOSSIP_MESH_D", "9", s -> s.p2p().meshD(), 9),
      row("--p2p.gossip.mesh.lo", "KONA_NODE_P2P_GOSSIP_MESH_DLO", "5", s -> s.p2p().meshLo(), 5),
      row("--p2p.gossip.mesh.dhi", "KONA_NODE_P2P_GOSSIP_MESH_DHI", "13", s -> s.p2p().meshDhi(), 13),
      row("--p2p.gossip.mesh.dlazy", "KONA_NODE_P2P_GOSSIP_MESH_DLAZY", "7", s -> s.p2p().meshDlazy(), 7),
      row("--p2p.gossip.mesh.floodpublish", "KONA_NODE_P2P_GOSSIP_FLOOD_PUBLISH", "true", s -> s.p2p().floodPublish(), true),
      row("--p2p.scoring", "KONA_NODE_P2P_SCORING", "none", s -> s.p2p().scoring(), false),
      row("--p2p.ban.peers", "KONA_NODE_P2P_BAN_PEERS", "true", s -> s.p2p().banPeers(), true),
      row("--p2p.ban.threshold", "KONA_NODE_P2P_BAN_THRESHOLD", "-50", s -> s.p2p().banThreshold(), -50.0),
      row("--p2p.ban.duration", "KONA_NODE_P2P_BAN_DURATION", "2h", s -> s.p2p().banDuration(), Duration.ofHours(2)),
      row("--p2p.discovery.interval", "KONA_NODE_P2P_DISCOVERY_INTERVAL", "10", s -> s.p2p().discoveryInterval(), Duration.ofSeconds(10)),
      row("--p2p.discovery.randomize", "KONA_NODE_P2P_DISCOVERY_RANDOMIZE", "30", s -> s.p2p().discoveryRandomize(),
          Optional.of(Duration.ofSeconds(30))),
      row("--p2p.topic-scoring", "KONA_NODE_P2P_TOPIC_SCORING", "true", s -> s.p2p().topicScoring(), true),
      row("--p2p.mux", "OP_NODE_P2P_MUX", "mplex", s -> s.p2p().muxers(), List.of("mplex")),
      row("--p2p.bootstore", "KONA_NODE_P2P_BOOTSTORE", "boot.json", s -> s.p2p().bootstore(), Optional.of(Path.of("boot.json"))),
      row("--p2p.no-bootstore", "KONA_NODE_P2P_NO_BOOTSTORE", "true", s -> s.p2p().noBootstore(), true),
      row("--p2p.bootnodes", "KONA_NODE_P2P_BOOTNODES", "enr:-abc", s -> s.p2p().bootnodes(), List.of("enr:-abc")),
      row("--p2p.static", "OP_NODE_P2P_STATIC", STATIC_PEER, s -> s.p2p().staticPeers(), List.of(STATIC_PEER)),
      row("--p2p.unsafe.block.signer", "KONA_NODE_P2P_UNSAFE_BLOCK_SIGNER", "0x0000000000000000000000000000000000000001",
          s -> s.p2p().unsafeBlockSigner(), Optional.of(dev.basalt.core.types.Address.fromHex("0x0000000000000000000000000000000000000001"))));


  /** Flags that need another flag to make sense, with that flag (or variable) given. */
  static final List<Row> WIRED_WITH_FILE_LOGS = List.of(
      row("--logs.file.rotation", "KONA_LOG_FILE_ROTATION", "hourly", s -> s.log().rotation(), LogRotation.HOURLY),
      row("--logs.file.max-size", "BASALT_LOG_FILE_MAX_SIZE", "10MB", s -> s.log().maxFileBytes(), 10L << 20),
      row("--logs.file.max-files", "BASALT_LOG_FILE_MAX_FILES", "7", s -> s.log().maxFiles(), 7));

  /** Hardhat's first dev account, a well-known key; its address. */
  static final String KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  static final dev.basalt.core.types.Address KEY_ADDRESS = dev.basalt.core.types.Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
  static final Path KEY_FILE = keyFile();

  private static Path keyFile() {
    try {
      Path f = java.nio.file.Files.createTempFile("basalt-key", ".hex");
      f.toFile().deleteOnExit();
      java.nio.file.Files.writeString(f, KEY + "\n");
      return f;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A sequencer's own flags, given with --mode Sequencer (through its variable). */
  static final List<Row> WIRED_WITH_SEQUENCER = List.of(
      row("--p2p.sequencer.key", "KONA_NODE_P2P_SEQUENCER_KEY", KEY, s -> s.sequencerAdapters().key().map(k -> k.address()),
          Optional.of(KEY_ADDRESS)),
      row("--p2p.sequencer.key.path", "KONA_NODE_P2P_SEQUENCER_KEY_PATH", KEY_FILE.toString(),
          s -> s.sequencerAdapters().key().map(k -> k.address()), Optional.of(KEY_ADDRESS)),
      row("--conductor.rpc", "KONA_NODE_CONDUCTOR_RPC OP_NODE_CONDUCTOR_RPC", "http://conductor:8547",
          s -> s.sequencerAdapters().conductor().map(c -> c.url().toString() + " " + s.sequencer().conductorEnabled()),
          Optional.of("http://conductor:8547 true")),
      row("--conductor.enabled", "OP_NODE_CONDUCTOR_ENABLED", "true",
          s -> s.sequencerAdapters().conductor().map(c -> c.url().toString() + " " + s.sequencer().conductorEnabled()),
          Optional.of("http://127.0.0.1:8547 true")),
      row("--rpc.admin-state", "KONA_NODE_RPC_ADMIN_STATE OP_NODE_RPC_ADMIN_STATE", "no-such-dir/admin.json",
          s -> s.sequencerAdapters().adminState(), Optional.of(Path.of("no-such-dir/admin.json"))));

  static final String SIGNER_ADDRESS = "0x0000000000000000000000000000000000000001";
  static final Path TLS = Path.of("src/test/resources/signer-tls").toAbsolutePath();
  /** The remote signer's flags, on a sequencer whose endpoint and address come from their variables. */
  static final Map<String, String> REMOTE_SIGNER_ENV = Map.of("KONA_NODE_MODE", "Sequencer",
      "KONA_NODE_P2P_SIGNER_ENDPOINT", "http://signer:8080", "KONA_NODE_P2P_SIGNER_ADDRESS", SIGNER_ADDRESS);
  static final List<Row> WIRED_WITH_REMOTE_SIGNER = List.of(
      row("--p2p.signer.endpoint --signer.endpoint", "KONA_NODE_P2P_SIGNER_ENDPOINT", "https://op-signer:9000/x",
          s -> s.sequencerAdapters().remoteSigner().map(r -> r.endpoint().toString()), Optional.of("https://op-signer:9000/x")),
      row("--p2p.signer.address --signer.address", "KONA_NODE_P2P_SIGNER_ADDRESS", "0x00000000000000000000000000000000000000aa",
          s -> s.sequencerAdapters().remoteSigner().map(r -> r.address()),
          Optional.of(dev.basalt.core.types.Address.fromHex("0x00000000000000000000000000000000000000aa"))),
      row("--p2p.signer.header --signer.header", "KONA_NODE_P2P_SIGNER_HEADER", "X-Token=abc=d",
          s -> s.sequencerAdapters().remoteSigner().map(r -> r.headers()), Optional.of(Map.of("X-Token", "abc=d"))),
      row("--p2p.signer.tls.ca --signer.tls.ca", "KONA_NODE_P2P_SIGNER_TLS_CA", TLS.resolve("ca.pem").toString(),
          s -> s.sequencerAdapters().remoteSigner().flatMap(r -> r.tlsCa()), Optional.of(TLS.resolve("ca.pem"))));
  /** The client certificate and key, each with the other given by its variable. */
  static final List<Row> WIRED_WITH_CLIENT_KEY = List.of(
      row("--p2p.signer.tls.cert --signer.tls.cert", "KONA_NODE_P2P_SIGNER_TLS_CERT", TLS.resolve("client.pem").toString(),
          s -> s.sequencerAdapters().remoteSigner().flatMap(r -> r.tlsCert()), Optional.of(TLS.resolve("client.pem"))));
  static final List<Row> WIRED_WITH_CLIENT_CERT = List.of(
      row("--p2p.signer.tls.key --signer.tls.key", "KONA_NODE_P2P_SIGNER_TLS_KEY", TLS.resolve("client-sec1.key").toString(),
          s -> s.sequencerAdapters().remoteSigner().flatMap(r -> r.tlsKey()), Optional.of(TLS.resolve("client-sec1.key"))));

  /** The conductor's timeout, with the conductor enabled. */
  static final List<Row> WIRED_WITH_CONDUCTOR = List.of(
      row("--conductor.rpc.timeout --conductor.rpc-timeout", "KONA_NODE_CONDUCTOR_RPC_TIMEOUT OP_NODE_CONDUCTOR_RPC_TIMEOUT", "2500ms",
          s -> s.sequencerAdapters().conductor().map(c -> c.timeout()), Optional.of(Duration.ofMillis(2500))));

  @Test
  void everyWiredFlagReachesTheSettingsThroughEachNameAndEachVariable() {
    for (Row r : WIRED) {
      check(r, Map.of());
    }
    for (Row r : WIRED_WITH_FILE_LOGS) {
      check(r, Map.of("KONA_LOG_FILE_DIRECTORY", "logs"));
    }
    for (Row r : WIRED_WITH_SEQUENCER) {
      check(r, Map.of("KONA_NODE_MODE", "Sequencer"));
    }
    for (Row r : WIRED_WITH_CONDUCTOR) {
      check(r, Map.of("KONA_NODE_MODE", "Sequencer", "OP_NODE_CONDUCTOR_ENABLED", "true"));
    }
    for (Row r : WIRED_WITH_REMOTE_SIGNER) {
      check(r, REMOTE_SIGNER_ENV);
    }
    Map<String, String> withKey = new HashMap<>(REMOTE_SIGNER_ENV);
    withKey.put("KONA_NODE_P2P_SIGNER_TLS_KEY", TLS.resolve("client-sec1.key").toString());
    for (Row r : WIRED_WITH_CLIENT_KEY) {
      check(r, withKey);
    }
    Map<String, String> withCert = new HashMap<>(REMOTE_SIGNER_ENV);
    withCert.put("KONA_NODE_P2P_SIGNER_TLS_CERT", TLS.resolve("client.pem").toString());
    for (Row r : WIRED_WITH_CLIENT_CERT) {
      check(r, withCert);
    }
  }

  @Test
  void theRemoteSignerNeedsItsAddressExcludesALocalKeyAndRefusesBadValuesByName() {
    Map<String, String> remote = new HashMap<>(BASE_ENV);
    remote.putAll(REMOTE_SIGNER_ENV);
    assertEquals(Optional.empty(), settings(BASE_ENV, "--mode", "Sequencer").sequencerAdapters().remoteSigner());
    assertEquals("--p2p.signer.endpoint needs --p2p.signer.address (the address the remote signer signs for)",
        refusal(BASE_ENV, "--mode", "Sequencer", "--p2p.signer.endpoint", "http://signer:8080"));
    assertEquals("--p2p.signer.address needs --p2p.signer.endpoint",
        refusal(BASE_ENV, "--mode", "Sequencer", "--p2p.signer.address", SIGNER_ADDRESS));
    assertEquals("--p2p.signer.header needs --p2p.signer.endpoint", refusal(BASE_ENV, "--mode", "Sequencer", "--p2p.signer.header", "a=b"));
    assertEquals("--p2p.signer.endpoint and --p2p.sequencer.key cannot both be given: blocks are signed by the local key or the remote signer",
        refusal(remote, "--p2p.sequencer.key", KEY));
    assertEquals("--p2p.signer.endpoint only applies to a sequencer (--mode Sequencer or --sequencer.enabled)",
        refusal(BASE_ENV, "--p2p.signer.endpoint", "http://signer:8080", "--p2p.signer.address", SIGNER_ADDRESS));
    assertEquals("--p2p.signer.endpoint: not an http(s) URL: ws://signer:1", refusal(remote, "--p2p.signer.endpoint", "ws://signer:1"));
    assertEquals("--p2p.signer.address: not an address: 0x12", refusal(remote, "--p2p.signer.address", "0x12"));
    assertEquals("--p2p.signer.header: not KEY=VALUE with a valid header name: novalue",
        refusal(remote, "--p2p.signer.header", "novalue"));
    assertEquals("--p2p.signer.tls.cert and --p2p.signer.tls.key go together: give both or neither",
        refusal(remote, "--p2p.signer.tls.cert", TLS.resolve("client.pem").toString()));
    assertTrue(refusal(remote, "--p2p.signer.tls.ca", "no-such-ca.pem").startsWith("--p2p.signer.tls.ca: cannot read"));
    assertTrue(refusal(remote, "--p2p.signer.tls.cert", TLS.resolve("client.pem").toString(), "--p2p.signer.tls.key",
        TLS.resolve("ca.pem").toString()).startsWith("--p2p.signer.tls.key: unsupported PEM block CERTIFICATE"));
    assertEquals(Map.of("A", "1", "B", "2"), settings(remote, "--p2p.signer.header", "A=1", "--signer.header", "B=2")
        .sequencerAdapters().remoteSigner().orElseThrow().headers(), "repeatable, under either name");
  }

  @Test
  void aSequencersFlagsAreRefusedForAValidatorAndBadKeysAreNeverEchoed(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    assertEquals("--p2p.sequencer.key only applies to a sequencer (--mode Sequencer or --sequencer.enabled)",
        refusal(BASE_ENV, "--p2p.sequencer.key", KEY));
    assertEquals("--conductor.enabled only applies to a sequencer (--mode Sequencer or --sequencer.enabled)",
        refusal(BASE_ENV, "--conductor.enabled"));
    assertEquals("--rpc.admin-state only applies to a sequencer (--mode Sequencer or --sequencer.enabled)",
        refusal(BASE_ENV, "--rpc.admin-state", "a.json"));
    String bad = refusal(BASE_ENV, "--mode", "Sequencer", "--p2p.sequencer.key", KEY.substring(0, 50));
    assertTrue(bad.startsWith("--p2p.sequencer.key: a sequencer key is 64 hex digits"), bad);
    assertFalse(bad.contains(KEY.substring(2, 50)), "the key is never repeated: " + bad);
    assertEquals("--p2p.sequencer.key and --p2p.sequencer.key.path cannot both be given",
        refusal(BASE_ENV, "--mode", "Sequencer", "--p2p.sequencer.key", KEY, "--p2p.sequencer.key.path", KEY_FILE.toString()));
    assertFalse(settings(BASE_ENV, "--mode", "Sequencer").sequencer().conductorEnabled());
    // op-node's LoadPersisted: the file's state beats --sequencer.stopped, both ways.
    Path state = dir.resolve("admin.json");
    java.nio.file.Files.writeString(state, "{\"sequencerStarted\":false}");
    assertTrue(settings(BASE_ENV, "--mode", "Sequencer", "--rpc.admin-state", state.toString()).sequencer().startStopped());
    java.nio.file.Files.writeString(state, "{\"sequencerStarted\":true}");
    assertFalse(settings(BASE_ENV, "--mode", "Sequencer", "--sequencer.stopped", "--rpc.admin-state", state.toString())
        .sequencer().startStopped());
    java.nio.file.Files.writeString(state, "{}");
    assertEquals("--rpc.admin-state: missing sequencerStarted value in config file (" + state + ")",
        refusal(BASE_ENV, "--mode", "Sequencer", "--rpc.admin-state", state.toString()));
  }

  private static void check(Row r, Map<String, String> extraEnv) {
    Map<String, String> base = new HashMap<>(BASE_ENV);
    base.putAll(extraEnv);
    for (String name : r.names()) {
      assertEquals(r.expected(), r.get().apply(settings(base, name + "=" + r.value())), name);
    }
    for (String env : r.envs()) {
      Map<String, String> e = new HashMap<>(base);
      e.keySet().removeAll(r.envs()); // the row's other variables (kona's first) would win
      e.put(env, r.value());
      assertEquals(r.expected(), r.get().apply(settings(e)), env);
    }
  }

  @Test
  void aFlagBeatsItsVariableAndKonasVariableBeatsOpNodes() {
    NodeSettings s = settings(env("KONA_NODE_L2_CHAIN_ID", "base", "OP_NODE_L1_MAX_CONCURRENCY", "3"), "--chain", "op-sepolia");
    assertEquals(Optional.of("op-sepolia"), s.chain().chain(), "command line over KONA_NODE_L2_CHAIN_ID");
    assertEquals(3, s.l1().maxConcurrency(), "the variable where no flag is given");
    NodeSettings both = settings(env("KONA_NODE_L2_ENGINE_TIMEOUT", "2000", "OP_NODE_L2_ENGINE_RPC_TIMEOUT", "9s"));
    assertEquals(Duration.ofMillis(2000), both.engine().timeout());
  }

  @Test
  void defaultsAreKonas() {
    NodeSettings s = settings(BASE_ENV);
    assertEquals(Optional.of("10"), s.chain().chain());
    assertTrue(s.trustL1Rpc(), "kona trusts the L1 RPC by default (op-node does not)");
    assertEquals(Duration.ofMillis(30_000), s.engine().timeout());
    assertEquals(new JwtSource.File(Path.of("l2_jwt.hex"), true), s.engine().jwt(), "kona's ./l2_jwt.hex, created if missing");
    assertTrue(s.engine().jwtDefaulted());
    assertEquals(SyncMode.CONSENSUS_LAYER, s.engine().syncMode());
    assertEquals("info", s.log().level(), "-v defaults to 3, info");
    assertEquals(LogFormat.FULL, s.log().stdoutFormat());
    assertEquals(LogRotation.NEVER, s.log().rotation());
    assertTrue(s.forks().isEmpty());
    assertEquals(Duration.ofSeconds(12), s.l1().httpPollInterval());
    assertEquals(Duration.ofSeconds(384), s.l1().epochPollInterval());
    assertEquals(Path.of("dd", "safe-heads.db"), s.storage().safeDbFor(Path.of("dd")));
  }

  @Test
  void p2pIsOnForRealChainsAndOffForTheDevnetUnlessItListens() {
    assertTrue(settings(BASE_ENV).p2p().enabled(), "op-node and kona run P2P by default");
    assertTrue(settings(BASE_ENV).p2p().discovery());
    assertFalse(settings(Map.of(), "--dev").p2p().enabled(), "the devnet stays off the network");
    assertTrue(settings(Map.of(), "--dev", "--p2p.listen.tcp", "0").p2p().enabled());
    assertTrue(settings(Map.of("KONA_NODE_P2P_LISTEN_TCP_PORT", "0"), "--dev").p2p().enabled());
    assertFalse(settings(Map.of(), "--dev", "--p2p.listen.tcp", "0", "--p2p.disable").p2p().enabled());
    assertEquals("--p2p.priv.raw and --p2p.priv.path cannot both be given", refusal(BASE_ENV, "--p2p.priv.raw", KEY, "--p2p.priv.path", "k"));
    assertTrue(refusal(BASE_ENV, "--p2p.priv.raw", "0x1234").startsWith("--p2p.priv.raw: p2p private key must be 64 hex digits"));
    assertEquals("--p2p.scoring must be none or light, got heavy", refusal(BASE_ENV, "--p2p.scoring", "heavy"));
    assertEquals("--p2p.discovery.randomize must be positive, got 0s", refusal(BASE_ENV, "--p2p.discovery.randomize", "0"));
    assertEquals("--p2p.mux must list yamux and/or mplex, got quic", refusal(BASE_ENV, "--p2p.mux", "quic"));
    assertTrue(assertThrows(picocli.CommandLine.ParameterException.class, () -> settings(BASE_ENV, "--p2p.topic-scoring=maybe"))
        .getMessage().contains("--p2p.topic-scoring"), "picocli refuses a non-boolean, naming the flag");
    assertEquals(Optional.empty(), settings(BASE_ENV).p2p().discoveryRandomize(), "kona: no random eviction by default");
    assertFalse(settings(BASE_ENV).p2p().topicScoring(), "kona: no topic scoring by default");
    assertEquals("--p2p.peers.lo must be between 0 and --p2p.peers.hi (30), got 31", refusal(BASE_ENV, "--p2p.peers.lo", "31"));
    assertEquals("--p2p.redial must be 0 (unlimited) or more, got -1", refusal(BASE_ENV, "--p2p.redial", "-1"));
    assertEquals(Duration.ofSeconds(30), settings(BASE_ENV).p2p().peers().grace(), "op-node's and kona's default grace");
    assertEquals(20, settings(BASE_ENV).p2p().peers().lo());
    assertEquals(500, settings(BASE_ENV).p2p().peers().redial());
    assertEquals("--p2p.listen.ip must be an IP address, got nowhere", refusal(BASE_ENV, "--p2p.listen.ip", "nowhere"));
    assertEquals("--p2p.static: /ip4/127.0.0.1/tcp/1 has no /p2p/<peer id>", refusal(BASE_ENV, "--p2p.static", "/ip4/127.0.0.1/tcp/1"));
    assertTrue(refusal(BASE_ENV, "--p2p.gossip.mesh.d", "20").startsWith("gossip mesh degrees need"));
    assertEquals("--p2p.bootstore and --p2p.no-bootstore cannot both be given",
        refusal(BASE_ENV, "--p2p.bootstore", "b.json", "--p2p.no-bootstore"));
  }

  @Test
  void verbosityCountsAsKonaAndLevelNamesAsOpNode() {
    List<String> byCount = List.of("error", "warn", "info", "debug", "trace", "trace");
    for (int n = 1; n <= 6; n++) {
      assertEquals(byCount.get(n - 1), settings(BASE_ENV, "-" + "v".repeat(n)).log().level(), n + " v");
    }
    assertEquals("warn", settings(env("KONA_LOG_LEVEL", "2")).log().level());
    assertEquals("debug", settings(env("KONA_LOG_LEVEL", "2"), "-vvvv").log().level(), "-v beats KONA_LOG_LEVEL");
    assertEquals("trace", settings(env("KONA_LOG_LEVEL", "2", "OP_NODE_LOG_LEVEL", "trace")).log().level(), "a name beats a count");
    assertEquals("debug", settings(env("OP_NODE_LOG_LEVEL", "error"), "-vvvv").log().level(), "-v beats OP_NODE_LOG_LEVEL");
    assertEquals("give the log level once: -v (counted) or --log.level (a name), not both",
        refusal(BASE_ENV, "-vv", "--log.level", "info"));
    assertEquals("KONA_LOG_LEVEL (-v) must be a verbosity 0..5 (3 is info), got 'loud'", refusal(env("KONA_LOG_LEVEL", "loud")));
    assertEquals("--log.level must be trace, debug, info, warn, error or off, got 'chatty'", refusal(BASE_ENV, "--log.level", "chatty"));
    assertEquals("--logs.file.rotation, --logs.file.max-size and --logs.file.max-files need --logs.file.directory",
        refusal(BASE_ENV, "--logs.file.rotation", "daily"));
  }

  @Test
  void everyNotYetWiredFlagIsRefusedByNameWhenSetAndAcceptedAtItsDefault() {
    CommandSpec spec = parsed(BASE_ENV, List.of()).getCommandSpec();
    for (NotYetWired.Entry e : NotYetWired.ENTRIES) {
      String message = refusal(BASE_ENV, e.flag() + "=" + e.sample());
      assertEquals(e.flag() + " is not supported yet: " + e.reason(), message);
      OptionSpec option = spec.findOption(e.flag());
      for (String env : EnvDefaults.names(option)) {
        assertEquals(env + " (" + e.flag() + ") is not supported yet: " + e.reason(), refusal(env(env, e.sample())), env);
      }
      for (String alias : option.names()) {
        assertTrue(refusal(BASE_ENV, alias + "=" + e.sample()).startsWith(e.flag() + " is not supported yet"), alias);
      }
      if (option.defaultValue() != null) {
        settings(BASE_ENV, e.flag() + "=" + option.defaultValue()); // the default, given explicitly, changes nothing
      }
    }
  }

  @Test
  void everyOptionOfNodeIsCoveredByARowHere() {
    CommandSpec spec = parsed(BASE_ENV, List.of()).getCommandSpec();
    Set<String> covered = new TreeSet<>(NotYetWired.flags());
    WIRED.forEach(r -> covered.addAll(r.names()));
    WIRED_WITH_FILE_LOGS.forEach(r -> covered.addAll(r.names()));
    WIRED_WITH_SEQUENCER.forEach(r -> covered.addAll(r.names()));
    WIRED_WITH_CONDUCTOR.forEach(r -> covered.addAll(r.names()));
    WIRED_WITH_REMOTE_SIGNER.forEach(r -> covered.addAll(r.names()));
    WIRED_WITH_CLIENT_KEY.forEach(r -> covered.addAll(r.names()));
    WIRED_WITH_CLIENT_CERT.forEach(r -> covered.addAll(r.names()));
    covered.addAll(List.of("--help", "--version", "-v", "--dev", "--dev.l1-block-time", "--dev.genesis-age", "--dev.mode"));
    covered.addAll(NotYetWired.ACCEPTED_AS_IS.keySet());
    Set<String> uncovered = new TreeSet<>();
    for (OptionSpec o : spec.options()) {
      String n = o.longestName();
      // --rpc.*, --port and --metrics.* (RpcFlags, MetricsFlags) are resolved by NodeServices, tested with the RPC server.
      if (!n.startsWith("--rpc.") && !n.startsWith("--metrics.") && !n.equals("--port")
          && o.names().length > 0 && java.util.Arrays.stream(o.names()).noneMatch(covered::contains)) {
        uncovered.add(n);
      }
    }
    assertEquals(Set.of(), uncovered, "flags without a wired row or a NotYetWired entry");
  }

  @Test
  void overridesAndChainSettingsAreRefusedWithTheDevnet() {
    assertEquals("fork overrides cannot be used with --dev: the devnet's L1, batcher and engine run its own schedule",
        refusal(Map.of(), "--dev", "--holocene-override", "1"));
    assertEquals("--l1.http-poll-interval cannot be used with --dev: the devnet runs its own chain, L1 and engine",
        refusal(Map.of(), "--dev", "--l1.http-poll-interval", "1s"));
    NodeSettings dev = settings(Map.of(), "--dev", "--l1.max-concurrency", "2");
    assertTrue(dev.dev());
    assertFalse(dev.trustL1Rpc(), "the devnet verifies L1 blocks unless told otherwise");
    assertEquals(2, dev.l1().maxConcurrency());
    assertTrue(settings(Map.of(), "--dev", "--l1-trust-rpc").trustL1Rpc());
  }

  @Test
  void theDevnetsSequencerIsBasaltUnlessDevModeValidator() {
    assertEquals(dev.basalt.core.NodeMode.SEQUENCER, settings(Map.of(), "--dev").mode(), "--dev: Basalt sequences the devnet");
    NodeSettings tuned = settings(Map.of(), "--dev", "--sequencer.l1-confs", "2", "--sequencer.max-safe-lag", "100");
    assertEquals(2, tuned.sequencer().l1Confs(), "the sequencer flags apply to the devnet's sequencer");
    assertEquals(100, tuned.sequencer().maxSafeLag());
    assertEquals(dev.basalt.core.NodeMode.SEQUENCER, settings(Map.of(), "--dev", "--dev.mode", "sequencer").mode());
    assertEquals(dev.basalt.core.NodeMode.VALIDATOR, settings(Map.of(), "--dev", "--dev.mode", "Validator").mode());
    assertEquals("--mode Sequencer (--sequencer.enabled) cannot be used with --dev.mode Validator: that devnet sequences its own"
        + " chain and Basalt follows it; drop --dev.mode to have Basalt sequence the devnet",
        refusal(Map.of(), "--dev", "--dev.mode", "Validator", "--mode", "Sequencer"));
    assertEquals("--mode Validator cannot be used with --dev, where Basalt is the devnet's sequencer; use --dev.mode Validator for a"
        + " devnet that sequences itself", refusal(Map.of(), "--dev", "--mode", "Validator"));
    assertEquals("--dev.mode only applies with --dev", refusal(BASE_ENV, "--dev.mode", "Validator"));
  }

  @Test
  void badValuesNameTheFlag() {
    assertEquals("--l1.beacon-header must look like 'Name: value', got 'novalue'", refusal(BASE_ENV, "--l1.beacon-header", "novalue"));
    assertEquals("--l1.http-poll-interval must be at least 1ms, got 0s", refusal(BASE_ENV, "--l1.http-poll-interval", "0"));
    assertEquals("--l1.max-concurrency must be at least 1", refusal(BASE_ENV, "--l1.max-concurrency", "0"));
    assertEquals("--canyon-override must be a timestamp (seconds, not negative), got -5", refusal(BASE_ENV, "--canyon-override=-5"));
    assertEquals("--l2-engine-rpc: not an http(s) URL: ws://x:1", refusal(BASE_ENV, "--l2", "ws://x:1"));
    CommandLine.ParameterException bad = assertThrows(CommandLine.ParameterException.class,
        () -> parsed(BASE_ENV, List.of("--l2-engine-timeout", "soon")));
    assertTrue(bad.getMessage().contains("'soon' is not a duration"), bad.getMessage());
  }

  static String refusal(Map<String, String> env, String... args) {
    StartupException e = assertThrows(StartupException.class, () -> settings(env, args), String.join(" ", args));
    assertEquals(StartupException.USAGE, e.exitCode(), e.getMessage());
    return e.getMessage();
  }
}
