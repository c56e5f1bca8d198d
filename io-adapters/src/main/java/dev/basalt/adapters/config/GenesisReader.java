package dev.basalt.adapters.config;

import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import java.util.List;

/**
 * Reads the genesis anchor and the EIP-1559 defaults, in every format's spelling: the registry
 * TOML says {@code batcherAddress}, op-node and kona JSON say {@code batcherAddr}; op-node packs
 * Holocene/Isthmus values into {@code eip1559Params}/{@code operatorFeeParams}, kona spells them
 * out.
 */
final class GenesisReader {
  private GenesisReader() {}

  static ChainGenesis read(ConfigNode genesis, List<String> warnings) {
    BlockId l1 = blockId(genesis.table("l1"), warnings);
    BlockId l2 = blockId(genesis.table("l2"), warnings);
    if (l2.hash().isZero()) {
      throw genesis.error("l2", "genesis L2 hash must not be zero");
    }
    long l2Time = genesis.positive("l2_time");
    SystemConfig sc = systemConfig(genesis.table("system_config"), warnings);
    genesis.finish(UnknownKeys.REFUSE, warnings);
    return new ChainGenesis(l1, l2, l2Time, sc);
  }

  private static BlockId blockId(ConfigNode n, List<String> warnings) {
    BlockId id = new BlockId(n.hash("hash"), n.u63("number"));
    n.finish(UnknownKeys.REFUSE, warnings);
    return id;
  }

  private static SystemConfig systemConfig(ConfigNode n, List<String> warnings) {
    if (n.has("batcherAddr") && n.has("batcherAddress")) {
      throw n.error("batcherAddr", "given twice (also as batcherAddress)");
    }
    Address batcher = n.has("batcherAddr") ? n.address("batcherAddr") : n.address("batcherAddress");
    n.skip("batcherAddr", "batcherAddress");
    Hash32 overhead = n.word("overhead");
    Hash32 scalar = n.word("scalar");
    long gasLimit = n.u64("gasLimit");
    if (gasLimit == 0) {
      throw n.error("gasLimit", "must be greater than zero");
    }
    rejectBoth(n, "eip1559Params", "eip1559Denominator", "eip1559Elasticity");
    rejectBoth(n, "operatorFeeParams", "operatorFeeScalar", "operatorFeeConstant");
    long denominator = n.optionalU64("eip1559Denominator").orElse(0);
    long elasticity = n.optionalU64("eip1559Elasticity").orElse(0);
    if (n.has("eip1559Params")) {
      byte[] p = n.hexBytes("eip1559Params", n.text("eip1559Params"), 8, false);
      denominator = u32(p, 0);
      elasticity = u32(p, 4);
    }
    long operatorFeeScalar = n.optionalU64("operatorFeeScalar").orElse(0);
    long operatorFeeConstant = n.optionalU64("operatorFeeConstant").orElse(0);
    if (n.has("operatorFeeParams")) {
      // op-node's Bytes32: 20 zero bytes, scalar u32 at [20, 24), constant u64 at [24, 32).
      byte[] p = n.hexBytes("operatorFeeParams", n.text("operatorFeeParams"), 32, false);
      operatorFeeScalar = u32(p, 20);
      operatorFeeConstant = (u32(p, 24) << 32) | u32(p, 28);
    }
    long minBaseFee = n.optionalU64("minBaseFee").orElse(0);
    long daScalar = n.optionalU64("daFootprintGasScalar").orElse(0);
    if (daScalar > 0xffff) {
      throw n.error("daFootprintGasScalar", "must fit in 16 bits");
    }
    for (String derived : new String[] {"baseFeeScalar", "blobBaseFeeScalar"}) {
      // kona derives these from an Ecotone scalar; in a genesis they would have to agree with it.
      if (n.optionalU64(derived).isPresent()) {
        throw n.error(derived, "not accepted in a genesis system config; encode it in 'scalar'");
      }
    }
    n.finish(UnknownKeys.REFUSE, warnings);
    return new SystemConfig(batcher, overhead, scalar, gasLimit, denominator, elasticity, operatorFeeScalar,
        operatorFeeConstant, minBaseFee, (int) daScalar);
  }

  /** op-node's packed key and kona's spelled-out keys must not both be given. */
  private static void rejectBoth(ConfigNode n, String packed, String... spelled) {
    for (String k : spelled) {
      if (n.has(packed) && n.has(k)) {
        throw n.error(k, "given together with '" + n.pathOf(packed) + "'; use one form");
      }
    }
  }

  private static long u32(byte[] b, int at) {
    return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
  }

  /**
   * EIP-1559 defaults ({@code [optimism]} / {@code chain_op_config}). {@code snake} selects the
   * registry TOML's key spelling, otherwise op-geth's JSON camelCase.
   */
  static Eip1559Params eip1559(ConfigNode n, boolean snake, List<String> warnings) {
    long elasticity = n.positive(snake ? "eip1559_elasticity" : "eip1559Elasticity");
    long denominator = n.positive(snake ? "eip1559_denominator" : "eip1559Denominator");
    long canyon = n.positive(snake ? "eip1559_denominator_canyon" : "eip1559DenominatorCanyon");
    n.finish(UnknownKeys.REFUSE, warnings);
    return new Eip1559Params(elasticity, denominator, canyon);
  }
}
