package dev.basalt.testdata.attributes;

import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.sysconfig.EcotoneScalar;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.gen.ValueGenerators;
import java.math.BigInteger;

/** Random ingredients of a chain: fork schedules, system configs, deposits. */
final class RandomChain {
  static final Address PORTAL = Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed");
  static final Address SYSTEM_CONFIG = Address.fromHex("0x229047fed2591dbec1ef1118d64f7af3db9eb290");
  static final Hash32 GENESIS_HASH = Hash32.fromHex("0x" + "67".repeat(32));

  private RandomChain() {}

  /**
   * Each fork after a gap of 0 to 20 s from the previous one (Regolith from genesis; 0: together
   * with the previous one; odd times fall between blocks), until a coin says the schedule stops.
   */
  static RollupConfig rollup(SimRng rng, SystemConfig genesisConfig, Hash32 l1Genesis) {
    ForkSchedule.Builder forks = ForkSchedule.builder();
    long time = 0;
    for (Fork f : Fork.values()) {
      if (f != Fork.REGOLITH && rng.chance(1, 10)) {
        break;
      }
      time += rng.between(0, 20);
      forks.at(f, time);
    }
    ChainGenesis genesis = new ChainGenesis(new BlockId(l1Genesis, 0), new BlockId(GENESIS_HASH, 0), 0, genesisConfig);
    return new RollupConfig(11_155_111, 11_155_420, genesis, 2, 600, 3600, 300,
        Address.fromHex("0xff00000000000000000000000000000011155420"), PORTAL, SYSTEM_CONFIG, forks.build(), -1,
        new Eip1559Params(6, 50, 250), rng.nextBoolean());
  }

  static long u32(SimRng rng) {
    return rng.nextLong(1L << 32);
  }

  /** A canonical version-1 scalar: it reads back unchanged from every L1-info form. */
  static Hash32 scalar(SimRng rng) {
    return EcotoneScalar.encode(u32(rng), u32(rng));
  }

  static SystemConfig config(SimRng rng) {
    boolean eip = rng.nextBoolean();
    return new SystemConfig(ValueGenerators.address(rng), Hash32.fromHex(L1Logs.word(rng.nextLong(1000))), scalar(rng),
        rng.between(30_000_000, 60_000_000), eip ? rng.between(1, 1000) : 0, eip ? rng.between(1, 20) : 0,
        rng.chance(1, 2) ? u32(rng) : 0, rng.chance(1, 2) ? rng.nextLong() : 0, rng.chance(1, 2) ? rng.nextLong(1L << 40) : 0,
        rng.chance(1, 2) ? (int) rng.nextLong(1 << 16) : 0);
  }

  /** A user deposit as the portal would emit it (source hash filled in by derivation). */
  static DepositTransaction deposit(SimRng rng) {
    Address to = rng.chance(1, 4) ? null : ValueGenerators.address(rng);
    return new DepositTransaction(Hash32.ZERO, ValueGenerators.address(rng), to, BigInteger.valueOf(rng.nextLong(1L << 50)),
        BigInteger.valueOf(rng.nextLong(1L << 50)), rng.between(21_000, 1_000_000), false, Bytes.of(rng.bytes((int) rng.between(0, 70))));
  }
}
