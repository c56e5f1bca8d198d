package dev.basalt.core;

import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;

/** Deterministic block references for tests: hash derived from (chain tag, number, fork). */
final class TestRefs {
  private TestRefs() {}

  static Hash32 hash(int chainTag, long number, int fork) {
    byte[] b = new byte[32];
    b[0] = (byte) chainTag;
    b[1] = (byte) fork;
    for (int i = 0; i < 8; i++) {
      b[24 + i] = (byte) (number >>> (56 - 8 * i));
    }
    return Hash32.wrap(b);
  }

  static L1BlockRef l1(long number) {
    return l1(number, 0);
  }

  static L1BlockRef l1(long number, int fork) {
    return new L1BlockRef(hash(1, number, fork), number, hash(1, number - 1, fork), 1_700_000_000L + 12 * number);
  }

  static L2BlockRef l2(long number) {
    return new L2BlockRef(
        hash(2, number, 0), number, hash(2, number - 1, 0), 1_700_000_000L + 2 * number, new BlockId(hash(1, number / 6, 0), number / 6), number % 6);
  }

  static CoreConfig config() {
    return config(10);
  }

  /** A validator config with every fork active from genesis. */
  static CoreConfig config(long l2ChainId) {
    var forks = dev.basalt.core.config.ForkSchedule.builder();
    for (var f : dev.basalt.core.config.Fork.values()) {
      forks.at(f, 0);
    }
    var address = dev.basalt.core.types.Address.fromHex("0x" + "11".repeat(20));
    var system = new dev.basalt.core.config.SystemConfig(address, Hash32.ZERO, Hash32.ZERO, 30_000_000, 0, 0, 0, 0, 0, 0);
    var rollup =
        new dev.basalt.core.config.RollupConfig(
            1, l2ChainId, new dev.basalt.core.config.ChainGenesis(BlockId.ZERO, BlockId.ZERO, 0, system), 2, 600, 3600, 300,
            address, address, address, forks.build(), -1, new dev.basalt.core.config.Eip1559Params(6, 50, 250), false);
    var l1 =
        new dev.basalt.core.config.L1ChainConfig(
            1,
            java.util.List.of(
                dev.basalt.core.config.L1ForkActivation.of(
                    dev.basalt.core.config.L1Fork.CANCUN, 0, new dev.basalt.core.config.BlobParams(3, 6, 3_338_477))));
    return new CoreConfig(rollup, l1, NodeMode.VALIDATOR);
  }

  /** An L1 block with only its reference filled in. */
  static dev.basalt.core.l1.L1Block block(L1BlockRef ref) {
    return dev.basalt.core.l1.L1Block.empty(ref, java.math.BigInteger.ONE, ref.parentHash());
  }
}
