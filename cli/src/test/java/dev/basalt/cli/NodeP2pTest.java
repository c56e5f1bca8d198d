package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.event.InputEvent;
import dev.basalt.adapters.p2p.identity.PrivateKeyHex;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's P2P stack from {@code basalt node}'s flags, without a node: the key file is created in
 * the data directory and reused, and a node that knows another only as a discv5 bootnode (no static
 * peer) finds it and dials its libp2p address.
 */
class NodeP2pTest {
  private static final EventSink NO_CORE = new EventSink() {
    @Override
    public boolean publish(InputEvent event) {
      return true;
    }

    @Override
    public boolean tryPublish(InputEvent event) {
      return false;
    }
  };

  @TempDir Path dir;
  private final List<NodeP2p> open = new ArrayList<>();

  @AfterEach
  void close() {
    open.forEach(NodeP2p::close);
  }

  private NodeP2p started(Path dataDir, String... more) {
    List<String> args = new ArrayList<>(List.of("--p2p.listen.ip", "127.0.0.1", "--p2p.listen.tcp", "0", "--p2p.listen.udp", "0",
        "--p2p.discovery.interval", "1", "--p2p.no-bootstore"));
    args.addAll(List.of(more));
    var settings = NodeSettingsTest.settings(NodeSettingsTest.BASE_ENV, args.toArray(String[]::new)).p2p();
    NodeP2p p2p = NodeP2p.create(settings, SimWorld.create(SimWorldConfig.defaults(3)).rollupConfig(), List.of(), dataDir);
    open.add(p2p);
    p2p.start(NO_CORE);
    return p2p;
  }

  @Test
  void theNodeKeyIsCreatedInTheDataDirectoryAndKeptAcrossStarts() throws Exception {
    NodeP2p first = started(dir);
    Path keyFile = dir.resolve(NodeP2p.KEY_FILE);
    assertTrue(Files.exists(keyFile));
    assertEquals(PrivateKeyHex.read(keyFile).peerId(), first.service().host().peerId());
    first.close();
    open.remove(first);
    assertEquals(first.service().host().peerId(), started(dir).service().host().peerId(), "same identity after a restart");
  }

  @Test
  void aPeerFoundThroughDiscoveryIsDialed() throws Exception {
    NodeP2p a = started(dir.resolve("a"));
    String enrOfA = a.discovery().orElseThrow().localEnr().toText();
    NodeP2p b = started(dir.resolve("b"), "--p2p.bootnodes", enrOfA);
    var idA = a.service().host().peerId();
    long deadline = System.currentTimeMillis() + 20_000;
    while (!b.service().host().isConnected(idA)) {
      assertTrue(System.currentTimeMillis() < deadline, "B did not dial A after finding it; B's discovered peers: "
          + b.discovery().orElseThrow().peers());
      Thread.sleep(50);
    }
  }
}
