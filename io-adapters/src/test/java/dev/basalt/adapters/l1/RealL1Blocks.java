package dev.basalt.adapters.l1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.adapters.stub.StubJsonRpcServer;
import dev.basalt.core.config.RollupConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The 14 real OP Mainnet L1 blocks 18090205..18090218 (vectors j), with receipts for 18090206,
 * 18090213 and 18090218 (the only ones whose bloom can hold the portal or the system config).
 */
final class RealL1Blocks {
  static final long FIRST = 18090205;
  static final long LAST = 18090218;
  static final String DIR = "/vectors/j-real-derivation/op-mainnet-l1-18090205-18090218/";
  static final RollupConfig OP_MAINNET = ChainRegistry.embedded().byChainId(10).orElseThrow().config();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RealL1Blocks() {}

  static ObjectNode block(long n) {
    return (ObjectNode) read(DIR + "l1/" + n + ".block.json");
  }

  /** The receipts of block {@code n}, or null when the vectors have none. */
  static JsonNode receipts(long n) {
    return n == 18090206 || n == 18090213 || n == 18090218 ? read(DIR + "l1/" + n + ".receipts.json") : null;
  }

  static JsonNode expected() {
    return read(DIR + "expected.json");
  }

  /** Serves all 14 blocks and their receipts; {@code latest} is the last one. */
  static StubJsonRpcServer serveAll(StubJsonRpcServer server) {
    for (long n = FIRST; n <= LAST; n++) {
      server.addBlock(block(n), receipts(n));
    }
    server.setLabel("latest", LAST);
    return server;
  }

  static JsonNode read(String resource) {
    try (InputStream in = RealL1Blocks.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
