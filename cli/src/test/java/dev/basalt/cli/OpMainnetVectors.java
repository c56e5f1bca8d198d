package dev.basalt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.adapters.engine.EngineServerCodec;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.BlockId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MANIFEST section j: 14 real OP Mainnet L1 blocks 18090205..18090218 (receipts for the three whose
 * bloom may hold the portal), the real safe head L2 109279674 and the 15 real L2 blocks
 * 109279675..109279689 derived from them (testdata's {@code vectors/j-real-derivation}).
 */
final class OpMainnetVectors {
  static final long FIRST_L1 = 18090205;
  static final long LAST_L1 = 18090218;
  static final long SAFE_HEAD = 109279674;
  static final long LAST_L2 = 109279689;
  /** The L1 block whose batcher transaction opens a channel of batches all older than the safe head. */
  static final long STALE_CHANNEL_L1 = 18090208;
  static final String STALE_CHANNEL_TX = "0xa4d58872d632f77575685dc8cf89fa586e8ed7daba5d063193308a8083ebb906";
  static final RollupConfig OP_MAINNET = ChainRegistry.embedded().byChainId(10).orElseThrow().config();

  private static final String DIR = "/vectors/j-real-derivation/op-mainnet-l1-18090205-18090218/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OpMainnetVectors() {}

  static List<ObjectNode> l1Blocks() {
    List<ObjectNode> out = new ArrayList<>();
    for (long n = FIRST_L1; n <= LAST_L1; n++) {
      out.add((ObjectNode) read("l1/" + n + ".block.json"));
    }
    return out;
  }

  /** Block hash to receipts, for the blocks the vectors have receipts of. */
  static Map<String, JsonNode> receipts() {
    Map<String, JsonNode> out = new TreeMap<>();
    for (long n : new long[] {18090206, 18090213, 18090218}) {
      out.put(read("l1/" + n + ".block.json").get("hash").asText(), read("l1/" + n + ".receipts.json"));
    }
    return out;
  }

  /** The real L2 block {@code number} (109279674..109279689), verified against its hash. */
  static ExecutionPayloadEnvelope l2Block(long number) {
    return EngineServerCodec.readBlock(read("l2/" + number + ".block.json"));
  }

  /** The real blocks derived after the safe head, in order. */
  static List<ExecutionPayloadEnvelope> derivedBlocks() {
    List<ExecutionPayloadEnvelope> out = new ArrayList<>();
    for (long n = SAFE_HEAD + 1; n <= LAST_L2; n++) {
      out.add(l2Block(n));
    }
    return out;
  }

  /**
   * OP Mainnet's registry config anchored at the real safe head: its L2 genesis is block 109279674
   * (with that block's L1 origin and the system config its L1-info deposit carries). Every rule is
   * OP Mainnet's; only the history before the anchor is cut off, since the vectors do not hold the
   * ~1800 L2 blocks a pipeline reset would otherwise walk back for a channel timeout (300 L1 blocks).
   */
  static RollupConfig anchoredAtSafeHead() {
    ExecutionPayloadEnvelope safe = l2Block(SAFE_HEAD);
    L2BlockInfoDecoding d = PayloadBlockInfo.decode(OP_MAINNET, safe.payload());
    L2BlockInfo info = ((L2BlockInfoDecoding.Decoded) d).info();
    RollupConfig c = OP_MAINNET;
    ChainGenesis g = new ChainGenesis(info.ref().l1Origin(), new BlockId(info.ref().hash(), info.ref().number()),
        info.ref().timestamp(), info.systemConfig());
    return new RollupConfig(c.l1ChainId(), c.l2ChainId(), g, c.blockTimeSeconds(), c.maxSequencerDriftSeconds(),
        c.seqWindowSize(), c.channelTimeoutBedrock(), c.batchInboxAddress(), c.depositContractAddress(),
        c.l1SystemConfigAddress(), c.forks(), c.pectraBlobScheduleTime(), c.eip1559(), c.keepKarstUpgradeGas(),
        c.protocolVersionsAddress(), c.unsupportedFeatures());
  }

  static JsonNode read(String file) {
    try (InputStream in = OpMainnetVectors.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + DIR + file);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
